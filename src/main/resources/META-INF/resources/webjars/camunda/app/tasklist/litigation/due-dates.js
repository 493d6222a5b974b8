// A task's due date is a legal deadline the system computed (src/docs/deadlines.md); handlers do not move it. Tasklist's
// header offers everyone controls to set or clear the due and follow-up dates: they are hidden (styles/user-styles.css)
// unless GET /api/me says the user administers the system (group camunda-admin). An administrator who moves a due date
// is asked for the reason (变更理由) first; it is stored in the task's local variable dueDateChangeReason, which the
// engine requires and records as a comment on the task (deadlines.DueDateGuard, which refuses everybody else).
// Plain JavaScript, loaded as a Tasklist custom script.

import {onPageChange} from './page-changes.js';

const ADMIN_CLASS = 'litigation-due-admin';
const ENGINE = '/camunda/api/engine/engine/default';

// Asked only once signed in (a task's header is shown): before that /api answers 401 with a Basic challenge, which
// would open the browser's own password dialog. Asked again after the next sign-in.
let asked = false;

function checkAdmin() {
  if (document.querySelector('form[name=signinForm]')) {
    asked = false;
    document.documentElement.classList.remove(ADMIN_CLASS);
    return;
  }
  if (asked || !document.querySelector('ul.meta.dates')) {
    return;
  }
  asked = true;
  fetch('/api/me', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => (response.ok ? response.json() : {admin: false}))
    .then((me) => document.documentElement.classList.toggle(ADMIN_CLASS, me.admin === true))
    .catch(() => document.documentElement.classList.remove(ADMIN_CLASS));
}

onPageChange(checkAdmin);

// Tasklist saves the dates with PUT …/task/{id}, the whole task in the body: before that request leaves, an
// administrator who changed the due date gives the reason.
const TASK_UPDATE = /\/task\/([^/?]+)$/;
const open = XMLHttpRequest.prototype.open;
const setHeader = XMLHttpRequest.prototype.setRequestHeader;
const send = XMLHttpRequest.prototype.send;

XMLHttpRequest.prototype.open = function (method, url) {
  this.litigationRequest = {method: String(method).toUpperCase(), url: String(url), headers: {}};
  return open.apply(this, arguments);
};

XMLHttpRequest.prototype.setRequestHeader = function (name, value) {
  if (this.litigationRequest) {
    this.litigationRequest.headers[name] = value;
  }
  return setHeader.apply(this, arguments);
};

function instant(value) {
  return value ? Math.floor(new Date(value).getTime() / 1000) : null;
}

XMLHttpRequest.prototype.send = function (body) {
  const request = this.litigationRequest;
  const match = request && request.method === 'PUT' ? TASK_UPDATE.exec(request.url.split('?')[0]) : null;
  let update = null;
  try {
    update = match && typeof body === 'string' ? JSON.parse(body) : null;
  } catch (e) {
    update = null;
  }
  if (!update || !('due' in update) || !document.documentElement.classList.contains(ADMIN_CLASS)) {
    return send.apply(this, arguments);
  }
  const xhr = this;
  const args = arguments;
  const taskUrl = ENGINE + '/task/' + encodeURIComponent(decodeURIComponent(match[1]));
  fetch(taskUrl, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => response.json())
    .then((task) => {
      if (instant(task.due) === instant(update.due)) {
        return null;
      }
      const reason = window.prompt('任务期限是依法计算的期限。请填写变更理由（将记入本任务的历史）：', '');
      if (!reason || !reason.trim()) {
        // Sent without a reason the engine refuses it, and Tasklist shows why.
        return null;
      }
      const headers = Object.assign({}, request.headers, {'Content-Type': 'application/json'});
      return fetch(taskUrl + '/localVariables/dueDateChangeReason', {
        method: 'PUT', credentials: 'same-origin', headers,
        body: JSON.stringify({value: reason.trim(), type: 'String'})
      });
    })
    .catch(() => null)
    .then(() => send.apply(xhr, args));
  return undefined;
};

export default [];
