// Tasklist list: under each task's card, the full case number, the exact due day and, when the day has passed,
// 「已逾期 N 日」 with the whole card marked red; 即将到期 in orange; 「退回第 N 次」 when a reviewer sent the work back.
// Data from GET /api/task-cards, one request for all the cards Tasklist renders at once.
// Plain JavaScript, a Tasklist 7.14+ plugin module (plugin point tasklist.card, given the task's id).

const escapeHtml = (text) => String(text == null ? '' : text)
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STATE_CLASSES = ['litigation-task-overdue', 'litigation-task-due-soon'];

// Cards render one by one as Tasklist draws its list; those asked for within a moment share one request.
let pending = new Map();
let timer = null;

function request(taskId) {
  return new Promise((resolve, reject) => {
    const waiting = pending.get(taskId) || [];
    waiting.push({resolve, reject});
    pending.set(taskId, waiting);
    if (!timer) {
      timer = setTimeout(flush, 30);
    }
  });
}

function flush() {
  const batch = pending;
  pending = new Map();
  timer = null;
  const ids = Array.from(batch.keys());
  fetch('/api/task-cards?ids=' + ids.map(encodeURIComponent).join(','),
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => {
      if (!response.ok) {
        throw new Error('读取任务期限失败（' + response.status + '）');
      }
      return response.json();
    })
    .then((cards) => {
      const byId = {};
      cards.forEach((card) => {
        byId[card.taskId] = card;
      });
      batch.forEach((waiting, id) => waiting.forEach((w) => w.resolve(byId[id] || null)));
    })
    .catch((error) => batch.forEach((waiting) => waiting.forEach((w) => w.reject(error))));
}

function dueText(card) {
  if (!card.due) {
    return '<span class="litigation-card-due">未设期限</span>';
  }
  let state = '';
  if (card.state === 'OVERDUE') {
    state = ' <strong class="litigation-card-late">已逾期' + (card.daysOverdue > 0 ? ' ' + card.daysOverdue + ' 日'
      : '（今日到期）') + '</strong>';
  } else if (card.state === 'DUE_SOON') {
    state = ' <strong class="litigation-card-soon">' + (card.daysLeft === 0 ? '今日到期' : '还剩 ' + card.daysLeft
      + ' 日') + '</strong>';
  }
  return '<span class="litigation-card-due">期限 ' + escapeHtml(card.due) + state + '</span>';
}

// A 督办 has no due day of its own: its card says which overdue item it is about, so that a case's several 督办 differ.
function supervisedText(item) {
  if (!item || !item.item) {
    return '';
  }
  return '<div class="litigation-card-supervised" title="被督办的逾期事项">督办事项：' + escapeHtml(item.item)
    + (item.due ? '，期限 ' + escapeHtml(item.due) : '')
    + (item.daysOverdue != null ? '，<strong class="litigation-card-late">已逾期 ' + escapeHtml(item.daysOverdue)
      + ' 日</strong>' : '') + '</div>';
}

// Tasklist folds its card plugins away under the card's variables; the case number and the due day must be seen at a
// glance, so the card's line goes under the task's name, above Camunda's dates, whose relative 「到期 …前」 it replaces.
function place(node, html) {
  const item = node.closest ? node.closest('li.task') : null;
  if (!item) {
    node.innerHTML = html;
    return null;
  }
  item.querySelectorAll('.litigation-card').forEach((old) => old.remove());
  const names = item.querySelector('.names');
  if (names) {
    names.insertAdjacentHTML('afterend', html);
  } else {
    node.innerHTML = html;
  }
  return item;
}

function render(node, {taskId}) {
  node.innerHTML = '';
  request(taskId)
    .then((card) => {
      // Rendered before Tasklist attaches the card; by the time the answer comes the card is in its list.
      const html = !card ? '' : '<div class="litigation-card" data-task-id="' + escapeHtml(card.taskId) + '">'
        + (card.caseNumber ? '<div class="litigation-card-case" title="案号">' + escapeHtml(card.caseNumber) + '</div>'
          : '')
        + supervisedText(card.supervised)
        + '<div>' + (card.supervised && !card.due ? '' : dueText(card))
        + (card.returns > 0 ? ' <span class="litigation-card-returned" title="审核或审批时退回修改的次数">退回第 '
          + card.returns + ' 次</span>' : '')
        + '</div></div>';
      const item = place(node, html);
      if (item) {
        item.classList.remove(...STATE_CLASSES);
        item.classList.toggle('litigation-has-card', !!card);
        if (card && card.state === 'OVERDUE') {
          item.classList.add('litigation-task-overdue');
        } else if (card && card.state === 'DUE_SOON') {
          item.classList.add('litigation-task-due-soon');
        }
      }
    })
    .catch((error) => {
      place(node, '<div class="litigation-card text-danger">' + escapeHtml(error.message) + '</div>');
    });
}

export default [{
  id: 'litigation.taskCard',
  pluginPoint: 'tasklist.card',
  // before the card's variables (Camunda's own card plugin, 200), which Tasklist folds away
  priority: 300,
  render
}];
