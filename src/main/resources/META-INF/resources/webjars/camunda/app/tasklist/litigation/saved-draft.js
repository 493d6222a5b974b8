// Documents made from a task's form (the PDF and Word links under 文书) show what the user saved there with 暂存, and
// open in a new tab (the form stays as it is). Tasklist keeps a saved form in the browser only (localStorage, key
// camunda-form:<task id>); each save of the open task is copied into it (PUT /api/tasks/{id}/saved-draft, kept as its
// local variable savedDraft), and every document link of the form names its task (?task=…), so the server makes the
// document with the saved values first (documents.SavedDrafts); a document opened with unsaved changes saves them
// first. Plain JavaScript, loaded as a Tasklist custom script.

import {onPageChange} from './page-changes.js';

const PREFIX = 'camunda-form:';
let lastCopy = Promise.resolve();

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

function copyToTask(taskId, json) {
  const headers = {'Content-Type': 'application/json', Accept: 'application/json'};
  const token = csrfToken();
  if (token) {
    headers['X-XSRF-TOKEN'] = token;
  }
  lastCopy = fetch('/api/tasks/' + encodeURIComponent(taskId) + '/saved-draft', {
    method: 'PUT', credentials: 'same-origin', headers, body: json
  }).catch(() => null);
  return lastCopy;
}

const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  const result = setItem.apply(this, arguments);
  // A start form is saved under its process definition: only the open task's saves are copied.
  if (this === window.localStorage && typeof key === 'string' && key === PREFIX + currentTask()) {
    copyToTask(currentTask(), String(value));
  }
  return result;
};

function currentTask() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash || '');
  return match ? decodeURIComponent(match[1]) : null;
}

function update() {
  const task = currentTask();
  document.querySelectorAll('.fjs-container a[href]').forEach((link) => {
    if (link.target !== '_blank') {
      link.target = '_blank';
    }
    if (link.rel !== 'noopener noreferrer') {
      link.rel = 'noopener noreferrer';
    }
    const href = link.getAttribute('href');
    if (task && !link.closest('.modal') && /\/api\/cases\/[^?#]+\/documents\/[^/?#]+\.(pdf|docx)$/.test(href)) {
      link.setAttribute('href', href + '?task=' + encodeURIComponent(task));
    }
  });
}

// A document opened while the form has unsaved changes saves them first (as 暂存 would), so the document shows what is
// on the screen. The new tab is opened at once, while the click still counts as the user's, and shown the document
// once the save has reached the server.
document.addEventListener('click', (event) => {
  const link = event.target && event.target.closest ? event.target.closest('.fjs-container a[href]') : null;
  if (!link || link.closest('.modal') || !/\/documents\/[^/?#]+\.(pdf|docx)\?task=/.test(link.getAttribute('href'))) {
    return;
  }
  const save = document.querySelector('button[ng-click="save($event)"]');
  if (!save || save.disabled || save.offsetParent === null) {
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  const tab = window.open('', '_blank');
  save.click();
  lastCopy.then(() => {
    if (tab) {
      tab.opener = null;
      tab.location.href = link.href;
    } else {
      window.open(link.href, '_blank', 'noopener');
    }
  });
}, true);

// A document link of a form may change its address (href) alone, without any node being added.
onPageChange(update, {attributes: true, attributeFilter: ['href']});

export default [];
