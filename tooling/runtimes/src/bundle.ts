// The bundler build: esbuild bundles the scenario with the installed packages for a runtime that
// has no node_modules (workerd, a web page), resolving them by that platform's export conditions.
import { build } from "esbuild";
import path from "node:path";

export async function bundle(project: string, entry: string, conditions: string[]): Promise<string> {
  const outfile = path.join(project, `${path.basename(entry, ".js")}.bundle.js`);
  await build({
    absWorkingDir: project,
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions,
    target: "es2022",
    logLevel: "error",
  });
  return outfile;
}
