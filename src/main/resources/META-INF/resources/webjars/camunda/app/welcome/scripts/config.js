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
  // The sign-in form keeps the user name after a wrong password (shared with Tasklist, Cockpit and Admin).
  customScripts: ['../litigation/login']
};
