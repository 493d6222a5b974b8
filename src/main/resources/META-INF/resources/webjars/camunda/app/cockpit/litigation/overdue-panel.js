// Cockpit dashboard panel: every overdue item, by handling unit, each linking to its case page and its process instance
// (README「督办（区司法局）」; data from GET /api/supervision/overdue). Plain JavaScript, Cockpit 7.14+ plugin module.
const escapeHtml = (text) => String(text == null ? '' : text)
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function render(node) {
  node.innerHTML = '<section class="litigation-overdue"><h3 class="section-heading">逾期事项（按承办单位）'
    + ' <small><a href="/cases?overdue=true" target="_blank">逾期案件台账 »</a>'
    + '　<a href="/reports/annual" target="_blank">年度统计报告 »</a></small></h3>'
    + '<div class="litigation-overdue-body">正在读取……</div></section>';
  const body = node.querySelector('.litigation-overdue-body');
  fetch('/api/supervision/overdue', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => {
      if (!response.ok) {
        throw new Error(response.status === 403 ? '只有区司法局可以查看全部逾期事项' : '读取失败（' + response.status + '）');
      }
      return response.json();
    })
    .then((items) => {
      if (!items.length) {
        body.innerHTML = '<p>目前没有逾期事项。</p>';
        return;
      }
      const byUnit = {};
      items.forEach((item) => {
        const unit = item.unitName || item.unit || '（未指定）';
        (byUnit[unit] = byUnit[unit] || []).push(item);
      });
      const units = Object.keys(byUnit).sort((a, b) => byUnit[b].length - byUnit[a].length);
      body.innerHTML = '<p>共 ' + items.length + ' 项逾期，涉及 ' + units.length + ' 个单位。</p>'
        + units.map((unit) => '<h4>' + escapeHtml(unit) + '（' + byUnit[unit].length + ' 项）</h4>'
          + '<table class="table table-condensed cam-table"><thead><tr><th>案号</th><th>事项</th><th>期限</th>'
          + '<th>逾期天数</th></tr></thead><tbody>'
          + byUnit[unit].map((item) => '<tr><td><a href="/cases/' + escapeHtml(encodeURIComponent(item.caseNumber))
            + '" target="_blank" title="打开案件页面">' + escapeHtml(item.caseNumber) + '</a>'
            + ' <small><a href="#/process-instance/' + escapeHtml(encodeURIComponent(item.processInstanceId))
            + '/runtime" title="在 Cockpit 中查看流程实例">流程</a></small></td><td>' + escapeHtml(item.item) + '</td><td>'
            + escapeHtml(item.due) + '</td><td><strong>' + escapeHtml(item.daysOverdue) + '</strong></td></tr>').join('')
          + '</tbody></table>').join('');
    })
    .catch((error) => {
      body.innerHTML = '<p class="text-danger">' + escapeHtml(error.message) + '</p>';
    });
}

export default [{
  id: 'litigation.overduePanel',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render,
  properties: {label: '逾期事项'}
}];
