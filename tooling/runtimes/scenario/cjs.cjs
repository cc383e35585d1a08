// Node (CommonJS): the packages loaded by require(), i.e. their CJS builds.
const libs = {
  sdk: require("@seg/sdk"),
  segmenter: require("@seg/segmenter"),
  segmenterAdapter: require("@seg/segmenter/adapter"),
  segmenthub: require("@seg/segmenthub"),
  segmenthubAdapter: require("@seg/segmenthub/adapter"),
  segmetrics: require("@seg/segmetrics"),
  segmetricsAdapter: require("@seg/segmetrics/adapter"),
  segmint: require("@seg/segmint"),
  segmintAdapter: require("@seg/segmint/adapter"),
};
const env = JSON.parse(process.env.SEG_RUNTIME_ENV);
// The scenario itself is an ES module with no imports; only the packages come through require().
Promise.all([import("./scenario.js"), import("./report.js")]).then(async ([{ serverScenario }, { report }]) => {
  report(await serverScenario(libs, env));
});
