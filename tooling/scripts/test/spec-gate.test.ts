// `pnpm lint:specs` must fail on each kind of defect it exists to catch. Each case breaks a copy
// of a real spec in one way and runs the real Redocly CLI with the repo's config on it.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { repoRoot } from "../src/paths.ts";

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   the cases edit free-form YAML by path; typing it would only restate the spec. */
const run = promisify(execFile);
type Spec = Record<string, any>;

let dir: string;
let config: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "seg-spec-gate-"));
  // The repo's config, pointed at the broken copy instead of the real spec.
  const repoConfig = parse(await readFile(path.join(repoRoot, "redocly.yaml"), "utf8")) as Spec;
  repoConfig.apis = { segmetrics: { ...repoConfig.apis.segmetrics, root: path.join(dir, "segmetrics.yaml") } };
  config = path.join(dir, "redocly.yaml");
  await writeFile(config, stringify(repoConfig));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lint(edit: (spec: Spec) => void): Promise<{ ok: boolean; output: string }> {
  const spec = parse(await readFile(path.join(repoRoot, "specs/segmetrics.yaml"), "utf8")) as Spec;
  edit(spec);
  await writeFile(path.join(dir, "segmetrics.yaml"), stringify(spec));
  try {
    const { stdout, stderr } = await run(path.join(repoRoot, "node_modules/.bin/redocly"), ["lint", "--config", config], {
      env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { ok: false, output: stdout + stderr };
  }
}

describe("pnpm lint:specs", () => {
  it("passes the spec as committed", async () => {
    expect((await lint(() => undefined)).ok).toBe(true);
  }, 60_000);

  it.each<[string, (spec: Spec) => void, RegExp]>([
    ["an invalid spec (a response without description)", (s) => { delete s.paths["/contact"].post.responses["200"].$ref; }, /description|required/i],
    ["an operation without operationId", (s) => { delete s.paths["/contact"].post.operationId; }, /operationId/],
    ["an operation without its documented error response", (s) => { delete s.paths["/invoice"].post.responses["400"]; }, /documented-errors|400/],
    ["an example that does not validate against its schema", (s) => {
      s.paths["/contact"].post.requestBody.content["application/json"].examples.contact.value.status = "pending";
    }, /no-invalid-media-type-examples|allowed values/i],
    ["an operation that does not declare its retry safety", (s) => { delete s.paths["/contact"].post["x-seg-idempotent"]; }, /x-seg-idempotent/],
  ])("fails on %s", async (_name, edit, message) => {
    const result = await lint(edit);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(message);
  }, 60_000);
});
