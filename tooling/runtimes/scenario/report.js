// How a server-side runner hands its results to the orchestrator: one marked line on stdout.
export const RESULTS_MARK = "SEG-RUNTIME-RESULTS ";

/** `node 22.23.3`, `bun 1.4.5`, `deno 2.9.6`: the runtime this process is. */
export function runtimeName() {
  if (globalThis.Bun) return `bun ${globalThis.Bun.version}`;
  if (globalThis.Deno) return `deno ${globalThis.Deno.version.deno}`;
  return `node ${globalThis.process.versions.node}`;
}

export function report(results) {
  console.log(RESULTS_MARK + JSON.stringify({ runtime: runtimeName(), results }));
}
