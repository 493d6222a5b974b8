// Welcome page of 行政应诉管理系统: Chinese first (our own locales/zh.json), English for an English browser.
export default {
  app: {
    name: '行政应诉管理系统',
    vendor: '沙坡头区'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // Our own Chinese help in place of Camunda's English documentation link (README「使用帮助」).
  links: [
    {label: '使用帮助', href: '/help', description: '如何登记案件、办理任务、督办，期限怎样计算'},
    {label: '案件台账', href: '/cases', description: '本单位可见的全部案件，点击案号打开案件页面'}
  ],
  // The sign-in form keeps the user name after a wrong password (shared with Tasklist, Cockpit and Admin).
  customScripts: ['../litigation/login']
};
