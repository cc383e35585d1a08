// Everything `pnpm new-vendor` checks before it writes a file: the name, that nothing of that name
// exists, the spec's seg conventions (specs/README.md) as @seg/spec reads them, and the spec gate.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isObject, specOperations, type Json } from "@seg/spec";
import { parse } from "yaml";
import { run } from "../run.ts";
import { workspacePackages } from "../workspace.ts";
import { vendorFacts, type VendorFacts } from "./facts.ts";
import { NewVendorRefused } from "./refused.ts";

/** Lower-case letters and digits: the npm name `@seg/<name>`, the spec's file name, and `create<Name>Client` read back. */
const NAME = /^[a-z][a-z0-9]{1,49}$/;

/** What to add for each convention @seg/spec enforces, after its own message. */
const HINTS: [RegExp, string][] = [
  [/x-seg-idempotent/, "add `x-seg-idempotent: true` (repeating it cannot change the outcome, so it may be retried) or `false` to that operation, with the reason in a comment"],
  [/x-seg-host/, "name each server's host with `x-seg-host: <name>` (`api`, `import`, …)"],
  [/securitySchemes|security/, "use one scheme in the root `security`: an apiKey in a header, http bearer or http basic, or a body token (`x-seg-body-token`)"],
];

function conventionRefusal(error: unknown): NewVendorRefused {
  const message = error instanceof Error ? error.message : String(error);
  const hint = HINTS.find(([pattern]) => pattern.test(message))?.[1];
  return new NewVendorRefused(`the spec breaks a seg convention (specs/README.md): ${message}${hint ? `\nfix: ${hint}` : ""}`);
}

async function checkName(root: string, vendor: string): Promise<void> {
  if (!NAME.test(vendor)) {
    throw new NewVendorRefused(
      `"${vendor}" is not a vendor name: use 2–50 lower-case letters and digits, starting with a letter (it becomes @seg/${vendor.toLowerCase().replace(/[^a-z0-9]/g, "")}, specs/<name>.yaml and create<Name>Client)`,
    );
  }
  const taken = [
    existsSync(path.join(root, "specs", `${vendor}.yaml`)) && `specs/${vendor}.yaml`,
    existsSync(path.join(root, "packages", vendor)) && `packages/${vendor}`,
    ...(await workspacePackages(root)).filter((pkg) => pkg.manifest.name === `@seg/${vendor}`).map((pkg) => `${pkg.dir} (@seg/${vendor})`),
  ].filter((found): found is string => typeof found === "string");
  if (taken.length) {
    throw new NewVendorRefused(`"${vendor}" exists already: ${[...new Set(taken)].join(", ")}. Choose another name, or change that vendor's spec instead (CONTRIBUTING.md, section 1)`);
  }
}

async function readSpecFile(file: string): Promise<Json> {
  const text = await readFile(file, "utf8").catch(() => {
    throw new NewVendorRefused(`--spec ${file}: no such file`);
  });
  let doc: unknown;
  try {
    doc = parse(text, { merge: true });
  } catch (error) {
    throw new NewVendorRefused(`--spec ${file} is not YAML: ${(error as Error).message}`);
  }
  if (!isObject(doc) || typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.1.")) {
    throw new NewVendorRefused(`--spec ${file} is not an OpenAPI 3.1 document (\`openapi: 3.1.0\` at its root)`);
  }
  return JSON.parse(JSON.stringify(doc)) as Json;
}

/** `redocly lint` with the repository's rules, as `pnpm lint:specs` will run it on the copied spec. */
async function specGate(root: string, file: string): Promise<void> {
  const redocly = path.join(root, "node_modules", ".bin", "redocly");
  const env = { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" };
  const { code, stdout, stderr } = await run(redocly, ["lint", "--config", path.join(root, "redocly.yaml"), file], { cwd: root, env, capture: true });
  if (code === 0) return;
  // The problems are on stdout; stderr has the summary after Redocly's Node-version banner, and
  // advice to ignore the problems, which is not this command's.
  const summary = stderr.slice(Math.max(0, stderr.indexOf("validating"))).replace(/^run `redocly lint --generate-ignore-file`.*$/m, "");
  throw new NewVendorRefused(`the spec fails the spec gate (redocly.yaml's rules, \`pnpm lint:specs\`):\n${summary.trim()}\n\n${stdout.trim()}`);
}

/** The facts of the vendor to scaffold, or a refusal saying what to fix; reads only. */
export async function checkNewVendor(root: string, vendor: string, specFile: string, displayName?: string): Promise<VendorFacts> {
  await checkName(root, vendor);
  const doc = await readSpecFile(specFile);
  let facts: VendorFacts;
  try {
    specOperations(doc);
    facts = vendorFacts(vendor, doc, displayName);
  } catch (error) {
    throw error instanceof NewVendorRefused ? error : conventionRefusal(error);
  }
  await specGate(root, specFile);
  return facts;
}
