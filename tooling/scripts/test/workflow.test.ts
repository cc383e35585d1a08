// The example pipeline (.github/workflows/release.yml) checked against the repository it runs in:
// every command it runs exists (a root script, a binary the workspace installs, a flag seg-scripts
// takes), the publish steps get the variables `pnpm release` reads, and every action is pinned.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_OPTIONS } from "../src/cli-options.ts";
import { repoRoot } from "../src/paths.ts";
import { REGISTRY_AUTH_VAR, REGISTRY_PASSWORD_VAR, REGISTRY_TOKEN_VAR, REGISTRY_URL_VAR, REGISTRY_USERNAME_VAR } from "../src/registry-guard.ts";
import { readJson } from "../src/workspace.ts";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
}

let workflow: Workflow;
let scripts: Record<string, string>;
const steps = (): Step[] => Object.values(workflow.jobs).flatMap((job) => job.steps);
/** The shell commands of a step: its `run`, or the commands it hands to changesets/action. */
const commandsOf = (step: Step): string[] => {
  const text = step.run ?? (step.uses?.startsWith("changesets/action@") ? [step.with?.version, step.with?.publish].join("\n") : "");
  return text.split(/\n|&&|\|\||;/).map((c) => c.replace(/#.*$/, "").trim()).filter(Boolean);
};
/** The seg-scripts commands the root scripts run, and their flags. */
const SEG_SCRIPTS = /^seg-scripts\s+\S+/;

/** Why a command would not run in this repository, or undefined. */
function problem(command: string): string | undefined {
  const [tool, sub, third] = command.split(/\s+/);
  const flags = command.split(/\s+/).filter((word) => word.startsWith("--")).map((flag) => flag.slice(2).split("=")[0]!);
  if (tool === "corepack") return sub === "enable" && third === "pnpm" ? undefined : "only `corepack enable pnpm` is expected";
  if (tool !== "pnpm") return `${tool} is not a tool this pipeline uses`;
  if (sub === "install") return flags.every((f) => f === "frozen-lockfile") ? undefined : "install takes --frozen-lockfile only";
  if (sub === "exec") return existsSync(path.join(repoRoot, "node_modules", ".bin", third ?? "")) ? undefined : `no ${third} binary in node_modules/.bin`;
  const script = sub === "run" ? third : sub;
  if (!script || !(script in scripts)) return `no root script "${script}" in package.json`;
  // A root script that runs seg-scripts: the flags must be ones it takes.
  if (SEG_SCRIPTS.test(scripts[script]!)) {
    const unknown = flags.filter((flag) => !(flag in CLI_OPTIONS));
    if (unknown.length > 0) return `seg-scripts takes no --${unknown.join(", --")}`;
  }
  return undefined;
}

beforeAll(async () => {
  workflow = parse(await readFile(path.join(repoRoot, ".github", "workflows", "release.yml"), "utf8")) as Workflow;
  scripts = (await readJson<{ scripts: Record<string, string> }>(path.join(repoRoot, "package.json"))).scripts;
});

describe("the release workflow", () => {
  it("runs only commands this repository has", () => {
    const commands = steps().flatMap(commandsOf);
    expect(commands).toEqual(expect.arrayContaining(["pnpm run ci", "pnpm changeset version", "pnpm release --skip-checks", "pnpm release --tag next --skip-checks"]));
    expect(commands.map((c) => [c, problem(c)]).filter(([, p]) => p !== undefined)).toEqual([]);
  });

  it("would notice a command the repository lacks", () => {
    expect(problem("pnpm run no-such-script")).toMatch(/no root script "no-such-script"/);
    expect(problem("pnpm release --no-such-flag")).toMatch(/seg-scripts takes no --no-such-flag/);
    expect(problem("pnpm exec no-such-binary")).toMatch(/no no-such-binary binary/);
    expect(problem("npx changeset publish")).toMatch(/npx is not a tool/);
  });

  it("gives every step that publishes the registry and one credential, from the repository's secrets", () => {
    const publishing = steps().filter((step) => commandsOf(step).some((c) => c.startsWith("pnpm release")));
    expect(publishing.length).toBeGreaterThanOrEqual(2);
    const credentials = [REGISTRY_TOKEN_VAR, REGISTRY_AUTH_VAR, REGISTRY_USERNAME_VAR, REGISTRY_PASSWORD_VAR];
    for (const step of publishing) {
      expect(step.env?.[REGISTRY_URL_VAR]).toMatch(/^\$\{\{ (vars|secrets)\.\w+ \}\}$/);
      const given = credentials.filter((name) => step.env?.[name] !== undefined);
      expect(given.length).toBeGreaterThan(0);
      for (const name of given) expect(step.env?.[name], name).toMatch(/^\$\{\{ secrets\.\w+ \}\}$/);
    }
  });

  it("checks out the full history (check:changesets needs it) and pins every action to a commit", () => {
    const checkouts = steps().filter((step) => step.uses?.startsWith("actions/checkout@"));
    expect(checkouts).toHaveLength(Object.keys(workflow.jobs).length);
    for (const step of checkouts) expect(step.with?.["fetch-depth"]).toBe(0);
    for (const step of steps().filter((s) => s.uses)) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  it("lets only the release job write: the version commit, the tags and the pull request", () => {
    expect(workflow.jobs.release?.permissions).toEqual({ contents: "write", "pull-requests": "write" });
    for (const [name, job] of Object.entries(workflow.jobs)) if (name !== "release") expect(job.permissions).toBeUndefined();
  });
});
