// Tasklist of 行政应诉管理系统: Chinese first (our own locales/zh.json covers every key of the shipped en.json);
// a browser asking for English still gets English. Header shows the district and the product. Each task of a case has
// the tab 「案卷材料」 (litigation/case-file); each card of the list shows the full case number, the due day and whether it
// is overdue or was returned (litigation/task-card). Camunda Forms speak Chinese, dates as yyyy-MM-dd, and a start form
// begun is not closed without asking (litigation/form-zh). Due and follow-up date controls are for administrators, who
// give a reason (litigation/due-dates); documents of a form open in a new tab with what was saved by 暂存
// (litigation/saved-draft).
export default {
  app: {
    name: '行政应诉管理系统',
    vendor: '沙坡头区'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  customScripts: ['litigation/case-file', 'litigation/task-card', 'litigation/form-zh', 'litigation/claim-hint',
    'litigation/due-dates', 'litigation/saved-draft',
    '../litigation/login'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '跳到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '跳到任务列表中的第一项任务'},
    focusForm: {key: 'ctrl+alt+f', description: '跳到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开“发起流程”对话框'}
  }
};
