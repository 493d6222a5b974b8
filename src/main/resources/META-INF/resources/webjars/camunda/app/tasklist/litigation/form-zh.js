// Camunda Forms in Tasklist in Chinese (README「界面语言」): form-js 1.8.7, which Camunda 7.24 ships, has no translation
// hook, so its fixed English texts are replaced where they appear in the page; dates are shown and typed as yyyy-MM-dd
// whatever the browser's own date format, and the date picker is Chinese with Monday first.
// The value a form submits does not change: form-js keeps a date field as an ISO date (yyyy-MM-dd) of its own, which
// is what the server's form checks read; only the text in the input and the picker's calendar are touched here.
// A start form that a clerk has begun filling in (登记应诉通知书 among them) is not thrown away by Escape, a click beside
// the dialog, 关闭 or 返回 without asking first; Escape in an open date picker or option list closes only that.
// Plain JavaScript, a Tasklist custom script; it registers no plugin and works on the page as form-js draws it.

// Every message and label form-js 1.8.7 puts in front of a person filling in a form (its viewer; the form editor is
// not part of Tasklist). A row is either an exact text or a pattern whose groups the Chinese text takes over.
const TEXTS = [
  ['Field is required.', '此项为必填项。'],
  [/^Field must match pattern (.*)\.$/, () => '格式不符合要求。'],
  [/^Field must have minimum value of (.*)\.$/, (min) => '不能小于 ' + min + '。'],
  [/^Field must have maximum value of (.*)\.$/, (max) => '不能大于 ' + max + '。'],
  [/^Field must have minimum length of (.*)\.$/, (min) => '不能少于 ' + min + ' 个字。'],
  [/^Field must have maximum length of (.*)\.$/, (max) => '不能超过 ' + max + ' 个字。'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '须为国际格式的电话号码（以 + 和国家代码开头，如 +869551234567）。'],
  ['Field must be a valid email.', '须为有效的电子邮箱地址。'],
  ['Value is not a number.', '须为数字。'],
  ['Value is expected to be an integer.', '须为整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (digits) => '最多 ' + digits + ' 位小数。'],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    (low, high) => '数值无效，最接近的两个有效值为 ' + low + ' 和 ' + high + '。'],
  ['Date and time must both be entered.', '日期和时间须同时填写。'],
  ['Select', '请选择'],
  ['Search', '输入以查找'],
  ['No results', '没有匹配的选项'],
  ['All values selected', '已全部选择'],
  ['No options source defined in the form definition', '表单未定义选项来源'],
  ['Nothing to show.', '暂无内容。'],
  ['No content to show.', '暂无内容。'],
  ["External content couldn't be loaded.", '外部内容无法加载。'],
  ['Remove tag', '移除'],
  ['Increment', '增加'],
  ['Decrement', '减少'],
  ['Previous page', '上一页'],
  ['Next page', '下一页'],
  ['This is an image placeholder', '图片'],
  ['hh:mm', '时:分'],
  ['hh:mm ?m', '时:分']
];

// form-js derives the date input's placeholder from the browser's date format (mm/dd/yyyy, yyyy/mm/dd, …); the format
// typed here is always the one below.
const DATE_PLACEHOLDER = '年-月-日，如 2026-01-31';
const DATE_FORMAT = 'Y-m-d';

// flatpickr's own Mandarin locale (flatpickr, MIT licence, src/l10n/zh.ts), copied because form-js bundles flatpickr
// without its locales. Added here: Monday as the first day of the week (GB/T 7408, as Chinese calendars print it;
// flatpickr's zh leaves Sunday), the year's label and the spoken form of a day (flatpickr's default is English).
const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时时制',
  amPM: ['上午', '下午'],
  monthAriaLabel: '月',
  hourAriaLabel: '小时',
  minuteAriaLabel: '分钟',
  firstDayOfWeek: 1,
  yearAriaLabel: '年',
  time_24hr: true
};

// Tasklist picks its language by the browser's first language (scripts/config.js: Chinese unless that is English);
// form-js follows the same choice.
const ENGLISH = String((navigator.languages && navigator.languages[0]) || navigator.language || '')
  .toLowerCase().split('-')[0] === 'en';

const ATTRIBUTES = ['placeholder', 'title', 'aria-label', 'alt'];
// The bpmn.io mark under each form stays as its licence requires (unchanged and visible).
const UNTOUCHED = '.fjs-powered-by, .fjs-powered-by-lightbox';
const FORM = '.fjs-container';

function chinese(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    return null;
  }
  for (const [english, zh] of TEXTS) {
    if (typeof english === 'string') {
      if (trimmed === english) {
        return text.replace(trimmed, zh);
      }
    } else {
      const match = english.exec(trimmed);
      if (match) {
        return text.replace(trimmed, zh(...match.slice(1)));
      }
    }
  }
  return null;
}

function inForm(node) {
  if (ENGLISH) {
    return false;
  }
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!element && !!element.closest(FORM) && !element.closest(UNTOUCHED);
}

// Where form-js writes a text of its own; elsewhere a form's text is the form's or the case's, left as it is.
const OWN_TEXT = '.fjs-form-field-error, .fjs-select-display, .fjs-dropdownlist-empty, .fjs-table-middle-container, '
  + '.fjs-form-field-iframe, .fjs-image-placeholder';

function translateText(node) {
  if (!inForm(node) || !node.parentElement.closest(OWN_TEXT)) {
    return;
  }
  const zh = chinese(node.data);
  if (zh !== null && zh !== node.data) {
    node.data = zh;
  }
}

function translateAttributes(element) {
  if (!inForm(element)) {
    return;
  }
  if (isDateInput(element)) {
    if (element.getAttribute('placeholder') !== DATE_PLACEHOLDER) {
      element.setAttribute('placeholder', DATE_PLACEHOLDER);
    }
    localizePicker(element);
  }
  ATTRIBUTES.forEach((name) => {
    const value = element.getAttribute(name);
    const zh = value === null ? null : chinese(value);
    if (zh !== null && zh !== value) {
      element.setAttribute(name, zh);
    }
  });
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  translateAttributes(root);
  root.querySelectorAll('*').forEach(translateAttributes);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translateText(node);
  }
}

function isDateInput(element) {
  return element.tagName === 'INPUT' && !!element.closest('.fjs-datepicker');
}

// Dates typed by hand: 2026-1-31, 2026/01/31, 2026.1.31, 2026年1月31日 and 20260131 all mean the same day; a day that
// does not exist (2026-02-30) is no date at all rather than the calendar's rollover into March.
function parseTyped(text) {
  const value = String(text).trim();
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value)
    || /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

function localizePicker(input) {
  const picker = input._flatpickr;
  if (ENGLISH || !picker || picker.litigationZh) {
    return;
  }
  picker.litigationZh = true;
  picker.set({
    locale: FLATPICKR_ZH,
    dateFormat: DATE_FORMAT,
    ariaDateFormat: 'Y年n月j日',
    parseDate: (text) => parseTyped(text)
  });
  // The header's month list was built in English when the picker was made; flatpickr builds it anew only on another
  // year, then from the Chinese locale.
  if (picker.monthsDropdownContainer) {
    Array.from(picker.monthsDropdownContainer.options).forEach((option) => {
      option.textContent = FLATPICKR_ZH.months.longhand[Number(option.value)];
    });
  }
}

function openPicker(target) {
  const wrapper = target && target.closest ? target.closest('.flatpickr-wrapper') : null;
  const input = wrapper ? wrapper.querySelector('input.flatpickr-input') : null;
  const picker = input ? input._flatpickr : null;
  return picker && picker.isOpen ? picker : null;
}

// ---- A start form is not lost without a question ----

const DISCARD_QUESTION = ENGLISH ? 'The form has not been submitted. Discard what you have entered?'
  : '表单尚未提交，确定放弃已填写的内容吗？';
const baselines = new WeakMap();

function startDialog(node) {
  const element = node && node.nodeType === Node.ELEMENT_NODE ? node : node && node.parentElement;
  const dialog = element ? element.closest('.modal') : null;
  return dialog && dialog.querySelector('[cam-tasklist-form] ' + FORM) ? dialog : null;
}

function snapshot(form) {
  const values = [];
  form.querySelectorAll('input, textarea, select').forEach((field) => {
    // the month and year the date picker is turned to are no part of what was filled in
    if (field.closest('.flatpickr-calendar')) {
      return;
    }
    values.push(field.type === 'radio' || field.type === 'checkbox' ? field.checked : field.value);
  });
  form.querySelectorAll('.fjs-select-display, .fjs-taglist-tag-label').forEach((shown) => values.push(shown.textContent));
  return JSON.stringify(values);
}

// The form as the clerk found it: taken at the first key or click in it, before that key or click changes anything.
function remember(event) {
  if (!event.isTrusted) {
    return;
  }
  const dialog = startDialog(event.target);
  const form = dialog ? dialog.querySelector(FORM) : null;
  if (form && event.target.closest(FORM) && !baselines.has(form)) {
    baselines.set(form, snapshot(form));
  }
}

function unsaved(dialog) {
  const form = dialog.querySelector(FORM);
  return !!form && baselines.has(form) && baselines.get(form) !== snapshot(form);
}

// The question is the page's own, not the browser's confirm(): its buttons are Chinese in any browser, and a browser
// may answer confirm() by itself without showing it.
function ask(dialog, leave) {
  if (dialog.querySelector('.litigation-discard')) {
    return;
  }
  const question = document.createElement('div');
  question.className = 'litigation-discard';
  question.setAttribute('role', 'alertdialog');
  question.setAttribute('aria-modal', 'true');
  question.innerHTML = '<div class="litigation-discard-box"><p class="litigation-discard-text"></p>'
    + '<div class="litigation-discard-actions"><button type="button" class="btn btn-default litigation-discard-keep">'
    + (ENGLISH ? 'Keep editing' : '继续填写') + '</button> <button type="button" class="btn btn-danger '
    + 'litigation-discard-leave">' + (ENGLISH ? 'Discard' : '放弃') + '</button></div></div>';
  question.querySelector('.litigation-discard-text').textContent = DISCARD_QUESTION;
  const before = document.activeElement;
  const close = () => {
    question.remove();
    if (before && before.focus && document.contains(before)) {
      before.focus();
    }
  };
  question.querySelector('.litigation-discard-keep').addEventListener('click', close);
  question.querySelector('.litigation-discard-leave').addEventListener('click', () => {
    question.remove();
    leaving = true;
    try {
      leave();
    } finally {
      leaving = false;
    }
  });
  question.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' || event.key === 'Esc') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });
  dialog.appendChild(question);
  question.querySelector('.litigation-discard-keep').focus();
}

let leaving = false;

// Holds back an attempt to leave a begun form and asks; leave() is what the attempt would have done.
function keepUnlessConfirmed(dialog, event, leave) {
  if (leaving || !dialog || !unsaved(dialog)) {
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  ask(dialog, leave);
}

function closeButton(dialog) {
  return dialog.querySelector('.modal-footer button[ng-click="$dismiss()"]');
}

function onKeyDown(event) {
  remember(event);
  const escape = event.key === 'Escape' || event.key === 'Esc';
  if (!escape || (event.target.closest && event.target.closest('.litigation-discard'))) {
    return;
  }
  // Tasklist's dialog closes on any Escape that reaches the page; an open picker or option list takes it first.
  const picker = openPicker(event.target) || openPicker(document.activeElement);
  if (picker) {
    event.preventDefault();
    event.stopPropagation();
    const focusedInCalendar = picker.calendarContainer.contains(document.activeElement);
    picker.close();
    if (focusedInCalendar) {
      picker.input.focus();
    }
    return;
  }
  const dialog = document.querySelector('.modal ' + FORM) ? startDialog(document.querySelector('.modal ' + FORM)) : null;
  const target = event.target && event.target.closest ? event.target : null;
  const field = target && target.closest(FORM) ? target.closest('.fjs-form-field') : null;
  if (field && field.querySelector('.fjs-dropdownlist')) {
    // form-js closes its option list on this key; the dialog only looks whether someone took the key already.
    event.preventDefault();
    return;
  }
  keepUnlessConfirmed(dialog, event, () => closeButton(dialog).click());
}

function onClick(event) {
  const target = event.target;
  if (!target || !target.closest) {
    return;
  }
  const dialog = startDialog(target);
  if (!dialog) {
    return;
  }
  const back = target.closest('.modal-footer button[ng-click="back()"]');
  if (back) {
    keepUnlessConfirmed(dialog, event, () => back.click());
  } else if (target === dialog || target.closest('.modal-footer button[ng-click="$dismiss()"]')) {
    keepUnlessConfirmed(dialog, event, () => closeButton(dialog).click());
  }
}

function observe() {
  new MutationObserver((mutations) => {
    mutations.forEach((mutation) => {
      if (mutation.type === 'childList') {
        mutation.addedNodes.forEach(translateTree);
        if (mutation.target.nodeType === Node.ELEMENT_NODE && mutation.target.closest(FORM)) {
          // flatpickr wraps the input after form-js drew it; that is the moment its instance exists
          mutation.target.querySelectorAll('.fjs-datepicker input').forEach(translateAttributes);
        }
      } else if (mutation.type === 'characterData') {
        translateText(mutation.target);
      } else if (mutation.type === 'attributes') {
        translateAttributes(mutation.target);
      }
    });
  }).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES.concat(['class'])
  });
  translateTree(document.body);
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('mousedown', remember, true);
  window.addEventListener('click', onClick, true);
  // A date input that gets the focus before the page noticed its picker is put into Chinese before the picker opens.
  window.addEventListener('focusin', (event) => {
    if (event.target && event.target.tagName === 'INPUT' && isDateInput(event.target)) {
      localizePicker(event.target);
    }
  }, true);
}

if (document.body) {
  observe();
} else {
  document.addEventListener('DOMContentLoaded', observe);
}

export default [];
