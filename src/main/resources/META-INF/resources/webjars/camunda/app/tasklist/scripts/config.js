// Lianhu's Tasklist configuration (replaces the one the webjar ships; docs/architecture.md, "Webapps").
// Chinese for every browser that does not ask for English; weeks start on Monday (zh.json's dateLocales).
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // The county's format: 2026-12-04 09:30 (moment formats of the locale file).
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: '认领当前选中的任务' },
    focusFilter: { key: 'ctrl+shift+f', description: '定位到第一个过滤器' },
    focusList: { key: 'ctrl+alt+l', description: '定位到任务列表的第一个任务' },
    focusForm: { key: 'ctrl+alt+f', description: '定位到任务表单的第一个输入框' },
    startProcess: { key: 'ctrl+alt+p', description: '打开发起流程对话框' }
  }
};
