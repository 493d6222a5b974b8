// A task offered to a unit must be claimed by one of its clerks before its form can be filled in and submitted. Tasklist
// shows the form greyed out without saying why; this puts the reason where the clerk looks — above the form — with a
// button that claims the task (Tasklist's own 认领 in the task's header does the work). Plain JavaScript, loaded as a
// Tasklist custom script.

import {onPageChange} from './page-changes.js';

const HINT = 'litigation-claim-hint';

function update() {
  document.querySelectorAll('[cam-tasklist-form-camunda]').forEach((form) => {
    // Start forms open in a dialog and need no claim.
    if (form.closest('.modal')) {
      return;
    }
    const view = form.closest('.task-details, [cam-tasklist-task]') || document;
    const claim = view.querySelector('button.claim');
    const hint = view.querySelector('.' + HINT);
    if (claim && !hint) {
      const bar = document.createElement('div');
      bar.className = HINT + ' alert alert-warning';
      bar.innerHTML = '<span class="glyphicon glyphicon-info-sign"></span> 本任务尚未认领：认领后才能填写和提交。'
        + ' <button type="button" class="btn btn-warning btn-sm">认领本任务</button>';
      bar.querySelector('button').addEventListener('click', () => {
        const own = view.querySelector('button.claim');
        if (own) {
          own.click();
        }
      });
      // Outside the greyed-out part, which takes every click.
      const anchor = form.closest('[ng-if="tasklistForm.type"]') || form;
      anchor.parentElement.insertBefore(bar, anchor);
    } else if (!claim && hint) {
      hint.remove();
    }
  });
}

onPageChange(update);

export default [];
