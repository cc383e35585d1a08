// Node (CommonJS): the packages loaded by require(), i.e. their CJS builds.
const { libs } = require("./libs.cjs");
const env = JSON.parse(process.env.SEG_RUNTIME_ENV);
// The scenario itself is an ES module with no imports; only the packages come through require().
Promise.all([import("./scenario.js"), import("./report.js")]).then(async ([{ serverScenario }, { report }]) => {
  report(await serverScenario(libs, env));
});
