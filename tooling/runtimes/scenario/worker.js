// Cloudflare's workerd: bundled by esbuild with the worker conditions; the orchestrator calls it once.
import { libs } from "./libs.js";
import { serverScenario } from "./scenario.js";

export default {
  async fetch(_request, env) {
    const results = await serverScenario(libs, JSON.parse(env.SEG_RUNTIME_ENV));
    return Response.json({ results });
  },
};
