// Admin of 行政应诉管理系统: Chinese first (our own locales/zh.json), English for an English browser. The sign-in form
// keeps the user name after a wrong password (../litigation/login, shared with Tasklist and Cockpit).
export default {
  app: {
    name: '行政应诉 · 系统管理',
    vendor: '沙坡头区'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  customScripts: ['../litigation/login']
};
