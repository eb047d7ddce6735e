// Lianhu's Welcome configuration (replaces the one the webjar ships; docs/architecture.md, "Webapps").
// Chinese for every browser that does not ask for English; weeks start on Monday (zh.json's dateLocales).
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
