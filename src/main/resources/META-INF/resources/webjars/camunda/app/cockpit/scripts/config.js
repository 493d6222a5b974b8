// Cockpit of 行政应诉管理系统: Chinese first (our own locales/zh.json covers every key of the shipped en.json), the
// district's product name in the header, and the Justice Bureau's overdue panel on the dashboard
// (escalation/SupervisionController; it also links the annual report).
export default {
  app: {
    name: '行政应诉 · 监控',
    vendor: '沙坡头区'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  customScripts: ['litigation/overdue-panel', '../litigation/login']
};
