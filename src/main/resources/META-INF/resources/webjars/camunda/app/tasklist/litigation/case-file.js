// Tasklist task tab 「案卷材料」: the case file of the case a task belongs to — every file by category, newest version
// first, earlier versions on request, upload of new files and new versions (data from /api/cases/{caseNumber}/files).
// Plain JavaScript, a Tasklist 7.14+ plugin module; the tab is rendered afresh whenever another task is opened.

const CATEGORIES = [
  ['COMPLAINT', '起诉状副本'],
  ['NOTICE', '应诉通知书'],
  ['EVIDENCE', '证据'],
  ['NORMATIVE', '规范性文件依据'],
  ['DEFENCE', '答辩状'],
  ['POWER_OF_ATTORNEY', '授权委托书'],
  ['IDENTITY', '身份证明'],
  ['HEARING', '庭审材料'],
  ['COURT_DECISION', '裁判文书'],
  ['APPEAL', '上诉材料'],
  ['LOSS_ANALYSIS', '败诉分析报告'],
  ['RECOMMENDATION', '司法建议及回复'],
  ['OTHER', '其他']
];
const CATEGORY_NAMES = Object.fromEntries(CATEGORIES);

// The server refuses more (413); checking first spares a clerk minutes of uploading a scan that cannot be kept.
const MAX_BYTES = 50 * 1024 * 1024;
const ACCEPT = '.pdf,.ofd,.docx,.doc,.xlsx,.xls,.wps,.jpg,.jpeg,.png,.tif,.tiff';
const ACCEPTED_TYPES = 'PDF、OFD、DOCX、DOC、XLSX、XLS、WPS 文档或 JPEG、PNG、TIFF 图片';
const ACCEPTED_FORMATS = 'PDF、OFD、DOCX、DOC、XLSX、XLS、WPS、JPEG、PNG、TIFF';

const TYPE_NAMES = {
  'application/pdf': 'PDF',
  'application/ofd': 'OFD',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.ms-works': 'WPS',
  'application/kswps': 'WPS',
  'application/wps-office.wps': 'WPS',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/tiff': 'TIFF'
};

const escapeHtml = (text) => String(text == null ? '' : text)
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const pad = (n) => String(n).padStart(2, '0');

function formatTime(value) {
  // The server writes nanoseconds; Date reads milliseconds at most.
  const date = value ? new Date(String(value).replace(/(\.\d{3})\d+/, '$1')) : null;
  if (!date || isNaN(date.getTime())) {
    return value ? String(value) : '';
  }
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' '
    + pad(date.getHours()) + ':' + pad(date.getMinutes());
}

function formatSize(bytes) {
  const n = Number(bytes) || 0;
  if (n >= 1024 * 1024) {
    return (n / 1024 / 1024).toFixed(1) + ' MB';
  }
  return Math.max(0.1, n / 1024).toFixed(1) + ' KB';
}

function typeName(file) {
  const known = TYPE_NAMES[String(file.contentType || '').split(';')[0].trim().toLowerCase()];
  if (known) {
    return known;
  }
  const dot = String(file.fileName || '').lastIndexOf('.');
  return dot > 0 ? file.fileName.substring(dot + 1).toUpperCase() : '—';
}

const categoryName = (file) => file.categoryLabel || CATEGORY_NAMES[file.category] || file.category || '其他';
const chainKey = (file) => JSON.stringify([file.category, file.title || '']);

function cookie(name) {
  const found = document.cookie.split(';').map((part) => part.trim()).find((part) => part.startsWith(name + '='));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
}

/** The Chinese messages of an API error body, or one for the status when the body has none. */
function errorMessage(status, body) {
  const messages = body && Array.isArray(body.errors)
    ? body.errors.map((error) => error && error.message).filter(Boolean) : [];
  if (messages.length) {
    return messages.join('；');
  }
  switch (status) {
    case 0: return '网络连接中断，请稍后再试。';
    case 401: return '登录已失效，请重新登录。';
    case 403: return '没有权限进行此项操作，或登录已失效（请刷新页面）。';
    case 404: return '未找到该案件，或您无权查看该案件的材料。';
    case 413: return '文件超过 50 MB 的上限，未能上传。';
    case 415: return '不接受这种文件：只能上传 ' + ACCEPTED_TYPES + '。';
    default: return '操作失败（错误代码 ' + status + '），请稍后再试。';
  }
}

function getJson(url) {
  return fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}}).then((response) => {
    if (response.ok) {
      return response.json();
    }
    return response.json().catch(() => null).then((body) => {
      const error = new Error(errorMessage(response.status, body));
      error.status = response.status;
      throw error;
    });
  });
}

/**
 * The case number of the task: its process instance's business key, or — where the user may not read the instance
 * of a stage (such as answer preparation) — the task's own caseNumber variable. Queries rather than lookups by id, so
 * that an instance the user may not read is an empty answer and not an error in the browser's console.
 */
function caseNumberOf(engineApi, taskId) {
  return getJson(engineApi + '/task/' + encodeURIComponent(taskId)).then((task) => {
    if (!task.processInstanceId) {
      return null;
    }
    return getJson(engineApi + '/process-instance?processInstanceIds=' + encodeURIComponent(task.processInstanceId))
      .then((instances) => instances.length && instances[0].businessKey ? instances[0].businessKey : null)
      .then((key) => key || getJson(engineApi + '/task/' + encodeURIComponent(taskId)
        + '/variables?variableNames=caseNumber&deserializeValues=false')
        .then((variables) => variables.caseNumber && typeof variables.caseNumber.value === 'string'
          && variables.caseNumber.value.trim() ? variables.caseNumber.value.trim() : null));
  });
}

/** Name and unit for the uploaders' user ids (Tasklist's users are "name unit"); users one may not read keep their id. */
function userNames(engineApi, ids) {
  if (!ids.length) {
    return Promise.resolve({});
  }
  return getJson(engineApi + '/user?idIn=' + ids.map(encodeURIComponent).join(','))
    .then((users) => Object.fromEntries(users.map((user) => [user.id,
      {name: user.firstName || user.lastName || user.id, unit: user.firstName ? user.lastName || '' : ''}])))
    .catch(() => ({}));
}

// A file dropped beside the drop zone would make the browser leave Tasklist to show the file: while the tab is open,
// only the zone's file input takes drops.
let dropGuard = false;
function guardDrops() {
  if (dropGuard) {
    return;
  }
  dropGuard = true;
  ['dragover', 'drop'].forEach((type) => window.addEventListener(type, (event) => {
    const target = event.target;
    const files = event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files');
    if (files && document.querySelector('.litigation-casefile')
        && !(target instanceof HTMLInputElement && target.type === 'file')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'none';
    }
  }));
}

function render(node, {api, taskId}) {
  guardDrops();
  const engineApi = api.engineApi;
  node.innerHTML = '<section class="litigation-casefile"><p class="casefile-note">正在读取……</p></section>';
  const root = node.firstChild;
  caseNumberOf(engineApi, taskId)
    .then((caseNumber) => {
      if (!caseNumber) {
        root.innerHTML = '<p class="casefile-note">此任务不属于具体案件。</p>';
        return;
      }
      new CaseFile(root, engineApi, api.CSRFToken, caseNumber).show();
    })
    .catch((error) => {
      root.innerHTML = '<p class="casefile-note text-danger">' + escapeHtml(error.message) + '</p>';
    });
}

class CaseFile {

  constructor(root, engineApi, csrfToken, caseNumber) {
    this.root = root;
    this.engineApi = engineApi;
    this.csrfToken = csrfToken;
    this.caseNumber = caseNumber;
    this.base = '/api/cases/' + encodeURIComponent(caseNumber) + '/files';
    this.names = {};
    this.file = null;
  }

  show() {
    this.root.innerHTML = '<div class="casefile-head">案号：<strong>' + escapeHtml(this.caseNumber) + '</strong>'
      + ' <a class="casefile-case-page" target="_blank" rel="noopener" href="/cases/'
      + escapeHtml(encodeURIComponent(this.caseNumber)) + '">打开案件页面</a></div>'
      + '<form class="casefile-upload" novalidate>'
      + '<div class="casefile-drop">'
      + '<input type="file" class="casefile-input" accept="' + ACCEPT + '" title="选择要上传的文件">'
      + '<span class="glyphicon glyphicon-cloud-upload" aria-hidden="true"></span>'
      + '<span class="casefile-drop-body"><span class="casefile-drop-text">将文件拖到此处，或点击选择文件</span>'
      + '<span class="casefile-drop-hint">可上传 ' + ACCEPTED_FORMATS + '，每个文件不超过 50 MB</span></span>'
      + '</div>'
      + '<div class="casefile-fields">'
      + '<label class="casefile-field"><span>材料类别<span class="casefile-required">*</span></span>'
      + '<select class="form-control input-sm casefile-category" required><option value="">请选择类别</option>'
      + CATEGORIES.map(([value, name]) => '<option value="' + value + '">' + name + '</option>').join('')
      + '</select></label>'
      + '<label class="casefile-field casefile-field-title"><span>标题（选填）</span>'
      + '<input type="text" class="form-control input-sm casefile-title" maxlength="200" '
      + 'placeholder="不填写的，以文件名为标题"></label>'
      + '<button type="submit" class="btn btn-primary btn-sm casefile-submit">上传</button>'
      + '</div>'
      + '<div class="casefile-status" role="status" aria-live="polite"></div>'
      + '</form>'
      + '<div class="casefile-list"><p class="casefile-note">正在读取……</p></div>';
    this.form = this.root.querySelector('.casefile-upload');
    this.input = this.root.querySelector('.casefile-input');
    this.drop = this.root.querySelector('.casefile-drop');
    this.list = this.root.querySelector('.casefile-list');
    this.status = this.root.querySelector('.casefile-status');
    this.input.addEventListener('change', () => this.choose(this.input.files[0]));
    // The file input covers the drop zone, so a dropped file lands in it natively; these only show the zone as active.
    ['dragenter', 'dragover'].forEach((type) => this.drop.addEventListener(type, () => this.drop.classList.add('casefile-drag')));
    ['dragleave', 'drop'].forEach((type) => this.drop.addEventListener(type, () => this.drop.classList.remove('casefile-drag')));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.list.addEventListener('click', (event) => {
      const toggle = event.target.closest('.casefile-history-toggle');
      if (toggle) {
        event.preventDefault();
        this.toggleHistory(toggle);
      }
    });
    this.list.addEventListener('keydown', (event) => {
      const label = event.target.closest('.casefile-new-version');
      if (label && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        label.querySelector('input').click();
      }
    });
    this.list.addEventListener('change', (event) => {
      if (event.target.matches('.casefile-version-input') && event.target.files[0]) {
        this.uploadVersion(event.target);
      }
    });
    this.load();
  }

  choose(file) {
    this.file = file || null;
    const text = this.drop.querySelector('.casefile-drop-text');
    this.setStatus('');
    if (!this.file) {
      text.textContent = '将文件拖到此处，或点击选择文件';
      this.drop.classList.remove('casefile-chosen');
      return;
    }
    text.textContent = '已选择：' + this.file.name + '（' + formatSize(this.file.size) + '）';
    this.drop.classList.add('casefile-chosen');
    const refusal = this.precheck(this.file);
    if (refusal) {
      this.setStatus(refusal, 'danger');
    }
  }

  precheck(file) {
    if (file.size > MAX_BYTES) {
      return '文件「' + file.name + '」大小为 ' + formatSize(file.size) + '，超过 50 MB 的上限，不能上传。'
        + '请压缩或分册后再上传。';
    }
    if (file.size === 0) {
      return '文件「' + file.name + '」是空文件，不能上传。';
    }
    return null;
  }

  submit() {
    const category = this.form.querySelector('.casefile-category').value;
    const title = this.form.querySelector('.casefile-title').value.trim();
    if (!this.file) {
      this.setStatus('请先选择要上传的文件。', 'danger');
      return;
    }
    if (!category) {
      this.setStatus('请选择材料类别。', 'danger');
      return;
    }
    const refusal = this.precheck(this.file);
    if (refusal) {
      this.setStatus(refusal, 'danger');
      return;
    }
    this.setBusy(this.form, true);
    this.send(this.file, category, title, (text) => this.setStatus(text, 'info', true))
      .then((saved) => {
        this.setBusy(this.form, false);
        this.form.reset();
        this.choose(null);
        this.setStatus('已上传「' + saved.title + '」（' + categoryName(saved) + '，第' + saved.version + '版）。', 'success');
        this.load();
      }, (error) => {
        this.setBusy(this.form, false);
        this.setStatus(error.message, 'danger');
      });
  }

  uploadVersion(input) {
    const row = input.closest('tr');
    const file = input.files[0];
    const status = row.querySelector('.casefile-row-status');
    const show = (text, kind, busy) => {
      status.className = 'casefile-row-status text-' + (kind || 'muted') + (busy ? ' casefile-busy' : '');
      status.textContent = text;
    };
    const refusal = this.precheck(file);
    if (refusal) {
      input.value = '';
      show(refusal, 'danger');
      return;
    }
    row.classList.add('casefile-row-busy');
    this.send(file, row.dataset.category, row.dataset.title, (text) => show(text, 'info', true))
      .then((saved) => {
        this.setStatus('已上传「' + saved.title + '」的第' + saved.version + '版。', 'success');
        return this.load();
      })
      .catch((error) => {
        input.value = '';
        row.classList.remove('casefile-row-busy');
        show(error.message, 'danger');
      });
  }

  /** Posts one file with the webapps' CSRF token; progress reported as text, the saved file's JSON as result. */
  send(file, category, title, progress) {
    return new Promise((resolve, reject) => {
      const data = new FormData();
      data.append('file', file, file.name);
      data.append('category', category);
      if (title) {
        data.append('title', title);
      }
      const request = new XMLHttpRequest();
      request.open('POST', this.base);
      request.setRequestHeader('Accept', 'application/json');
      request.setRequestHeader('X-XSRF-TOKEN', cookie('XSRF-TOKEN') || this.csrfToken || '');
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) {
          const percent = Math.min(100, Math.round(event.loaded * 100 / event.total));
          progress(percent < 100 ? '正在上传「' + file.name + '」… ' + percent + '%' : '正在保存「' + file.name + '」…');
        }
      });
      request.addEventListener('load', () => {
        let body = null;
        try {
          body = JSON.parse(request.responseText);
        } catch (ignored) {
          // a proxy's HTML error page: the status alone says what happened
        }
        if (request.status >= 200 && request.status < 300 && body) {
          resolve(body);
        } else {
          reject(new Error(errorMessage(request.status, body)));
        }
      });
      request.addEventListener('error', () => reject(new Error(errorMessage(0, null))));
      progress('正在上传「' + file.name + '」…');
      request.send(data);
    });
  }

  setBusy(form, busy) {
    form.classList.toggle('casefile-busy-form', busy);
    form.querySelectorAll('input, select, button').forEach((element) => {
      element.disabled = busy;
    });
  }

  setStatus(text, kind, busy) {
    this.status.className = 'casefile-status' + (text ? ' alert alert-' + (kind || 'info') : '')
      + (busy ? ' casefile-busy' : '');
    this.status.textContent = text;
  }

  load() {
    this.history = null;
    return getJson(this.base)
      .then((files) => {
        const ids = [...new Set(files.map((file) => file.uploadedBy).filter((id) => id && !(id in this.names)))];
        return userNames(this.engineApi, ids).then((names) => {
          Object.assign(this.names, names);
          this.files = files;
          this.showList();
        });
      })
      .catch((error) => {
        this.list.innerHTML = '<p class="casefile-note text-danger">' + escapeHtml(error.message) + '</p>';
      });
  }

  showList() {
    const files = this.files;
    if (!files.length) {
      this.list.innerHTML = '<p class="casefile-note">本案尚无案卷材料。</p>';
      return;
    }
    const order = CATEGORIES.map(([value]) => value);
    const rank = (category) => order.indexOf(category) < 0 ? order.length : order.indexOf(category);
    const byCategory = new Map();
    files.slice()
      .sort((a, b) => rank(a.category) - rank(b.category) || String(b.uploadedAt).localeCompare(String(a.uploadedAt)))
      .forEach((file) => {
        if (!byCategory.has(file.category)) {
          byCategory.set(file.category, []);
        }
        byCategory.get(file.category).push(file);
      });
    // One table for all categories, so that the columns line up from one category to the next.
    this.list.innerHTML = '<p class="casefile-summary">共 ' + files.length + ' 份材料（每份显示最新版本）</p>'
      + '<table class="table table-condensed casefile-table"><thead><tr>'
      + '<th class="casefile-col-title">标题 / 文件名</th><th>类型 / 大小</th>'
      + '<th>版本</th><th>上传人</th><th>上传时间</th><th class="casefile-col-actions">操作</th></tr></thead>'
      + [...byCategory.values()].map((group) => '<tbody class="casefile-group"><tr><th colspan="6">'
        + escapeHtml(categoryName(group[0])) + '<small>（' + group.length + ' 份）</small></th></tr></tbody>'
        + group.map((file) => this.rows(file)).join('')).join('')
      + '</table>';
  }

  href(file) {
    return this.base + '/' + encodeURIComponent(file.id);
  }

  cells(file) {
    return '<td class="casefile-col-title"><a class="casefile-download-title" href="' + escapeHtml(this.href(file))
      + '" download>' + escapeHtml(file.title || file.fileName) + '</a>'
      + '<div class="casefile-filename">' + escapeHtml(file.fileName) + '</div></td>'
      + '<td class="casefile-nowrap">' + escapeHtml(typeName(file)) + '<div class="casefile-sub">' + formatSize(file.size)
      + '</div></td>'
      + '<td><span class="casefile-version">第' + escapeHtml(file.version) + '版</span></td>'
      + '<td class="casefile-uploader">' + this.uploader(file.uploadedBy) + '</td>'
      + '<td class="casefile-time">' + escapeHtml(formatTime(file.uploadedAt)).replace(' ', '<br>') + '</td>';
  }

  uploader(id) {
    const known = this.names[id];
    return known ? escapeHtml(known.name) + (known.unit ? '<div class="casefile-sub">' + escapeHtml(known.unit) + '</div>' : '')
      : escapeHtml(id || '');
  }

  rows(file) {
    const earlier = Number(file.version) > 1;
    return '<tbody class="casefile-file" data-key="' + escapeHtml(chainKey(file)) + '">'
      + '<tr data-category="' + escapeHtml(file.category) + '" data-title="' + escapeHtml(file.title || '') + '">'
      + this.cells(file)
      + '<td class="casefile-col-actions">'
      + '<a class="casefile-download" href="' + escapeHtml(this.href(file)) + '" download>'
      + '<span class="glyphicon glyphicon-download-alt" aria-hidden="true"></span> 下载</a>'
      + '<label class="casefile-new-version" tabindex="0" role="button" title="按相同类别和标题上传，成为下一版">'
      + '<span class="glyphicon glyphicon-open" aria-hidden="true"></span> 上传新版本'
      + '<input type="file" class="casefile-version-input" accept="' + ACCEPT + '"></label>'
      + (earlier ? '<a href class="casefile-history-toggle" aria-expanded="false">'
        + '<span class="glyphicon glyphicon-chevron-right" aria-hidden="true"></span> 历史版本</a>' : '')
      + '<div class="casefile-row-status"></div>'
      + '</td></tr></tbody>';
  }

  toggleHistory(toggle) {
    const body = toggle.closest('tbody');
    const open = toggle.getAttribute('aria-expanded') === 'true';
    body.querySelectorAll('.casefile-old').forEach((row) => row.remove());
    toggle.setAttribute('aria-expanded', String(!open));
    toggle.querySelector('.glyphicon').className = 'glyphicon glyphicon-chevron-' + (open ? 'right' : 'down');
    if (open) {
      return;
    }
    const loading = document.createElement('tr');
    loading.className = 'casefile-old';
    loading.innerHTML = '<td colspan="6" class="casefile-note">正在读取历史版本……</td>';
    body.appendChild(loading);
    (this.history || (this.history = getJson(this.base + '?versions=all').then((all) => {
      const ids = [...new Set(all.map((file) => file.uploadedBy).filter((id) => id && !(id in this.names)))];
      return userNames(this.engineApi, ids).then((names) => Object.assign(this.names, names)).then(() => all);
    }))).then((all) => {
      const newest = Number(body.querySelector('.casefile-version').textContent.replace(/\D/g, ''));
      const earlier = all.filter((file) => chainKey(file) === body.dataset.key && Number(file.version) < newest)
        .sort((a, b) => Number(b.version) - Number(a.version));
      loading.remove();
      if (toggle.getAttribute('aria-expanded') !== 'true') {
        return;
      }
      body.insertAdjacentHTML('beforeend', earlier.length
        ? earlier.map((file) => '<tr class="casefile-old">' + this.cells(file) + '<td class="casefile-col-actions">'
          + '<a class="casefile-download" href="' + escapeHtml(this.href(file)) + '" download>'
          + '<span class="glyphicon glyphicon-download-alt" aria-hidden="true"></span> 下载</a></td></tr>').join('')
        : '<tr class="casefile-old"><td colspan="6" class="casefile-note">没有更早的版本。</td></tr>');
    }).catch((error) => {
      this.history = null;
      loading.querySelector('td').className = 'text-danger';
      loading.querySelector('td').textContent = error.message;
    });
  }
}

export default [{
  id: 'litigation.caseFile',
  pluginPoint: 'tasklist.task.detail',
  // after the form (1000), before the history (800)
  priority: 900,
  render,
  properties: {label: '案卷材料'}
}];
