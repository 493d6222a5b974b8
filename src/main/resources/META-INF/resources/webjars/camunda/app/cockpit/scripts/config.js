// Cockpit of 行政应诉管理系统: the Justice Bureau's overdue panel on the dashboard (escalation/SupervisionController,
// which also links the annual report), and the district's product name in the header.
export default {
  app: {
    name: '行政应诉 · 监控',
    vendor: '沙坡头区'
  },
  customScripts: ['litigation/overdue-panel']
};
