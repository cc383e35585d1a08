// The vendor lists outside the vendor packages follow the vendor packages: a vendor added gets its
// entries, one removed loses them, everything else in those files stays as written.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { registryFiles } from "../src/vendor-registry/index.ts";

let root: string;
const write = async (file: string, text: string): Promise<void> => {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
};
const manifest = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "seg-vendor-registry-"));
  for (const vendor of ["acme", "zeta"]) {
    await write(`specs/${vendor}.yaml`, "openapi: 3.1.0\n");
    await write(`packages/${vendor}/package.json`, manifest({ name: `@seg/${vendor}`, description: `Typed client for ${vendor}` }));
    await write(`packages/${vendor}/src/index.ts`, `export { create${vendor[0]!.toUpperCase()}${vendor.slice(1)}Client } from "./client.ts";\n`);
  }
  await write("specs/nopackage.yaml", "openapi: 3.1.0\n"); // a spec without its package is no vendor yet
  await write(
    "packages/sdk/package.json",
    manifest({
      name: "@seg/sdk",
      devDependencies: { "@seg/core": "workspace:^", "@seg/gone": "workspace:^" },
      peerDependencies: { "@seg/acme": "0.x || 1.x", "@seg/gone": "0.x" },
      peerDependenciesMeta: { "@seg/acme": { optional: true }, "@seg/gone": { optional: true } },
    }),
  );
  await write("packages/sandbox/package.json", manifest({ name: "@seg/sandbox", devDependencies: { "@seg/acme": "workspace:^" } }));
  await write(
    "redocly.yaml",
    "# the gate\nextends:\n  - recommended-strict\napis:\n  acme:\n    root: specs/acme.yaml\n    rules:\n      # Acme's own rule\n      rule/x: { subject: { type: Responses }, assertions: { required: [\"400\"] } }\n  gone:\n    root: specs/gone.yaml\n",
  );
  await write("README.md", "# seg\n\n<!-- registry:vendors -->\nstale\n<!-- /registry:vendors -->\n\nMore.\n");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("registryFiles", () => {
  it("gives the facade an optional peer on each vendor package (ranges kept, new ones 0.x) and a devDependency", async () => {
    const sdk = JSON.parse((await registryFiles(root))["packages/sdk/package.json"]!) as Record<string, Record<string, unknown>>;
    expect(sdk.peerDependencies).toEqual({ "@seg/acme": "0.x || 1.x", "@seg/zeta": "0.x" });
    expect(sdk.peerDependenciesMeta).toEqual({ "@seg/acme": { optional: true }, "@seg/zeta": { optional: true } });
    expect(sdk.devDependencies).toEqual({ "@seg/acme": "workspace:^", "@seg/core": "workspace:^", "@seg/gone": "workspace:^", "@seg/zeta": "workspace:^" });
  });

  it("gives the sandbox a devDependency on each, and skips a dependent the workspace does not have", async () => {
    const files = await registryFiles(root);
    expect((JSON.parse(files["packages/sandbox/package.json"]!) as { devDependencies: unknown }).devDependencies).toEqual({ "@seg/acme": "workspace:^", "@seg/zeta": "workspace:^" });
    expect(Object.keys(files)).not.toContain("tooling/adversarial/package.json");
  });

  it("lists every vendor spec in redocly.yaml's apis, keeping a vendor's own rules and the comments", async () => {
    const text = (await registryFiles(root))["redocly.yaml"]!;
    expect(Object.keys((parse(text) as { apis: object }).apis)).toEqual(["acme", "zeta"]);
    expect(text).toContain("  zeta:\n    root: specs/zeta.yaml\n");
    expect(text).toContain("# Acme's own rule\n");
    expect(text.startsWith("# the gate\n")).toBe(true);
  });

  it("writes the README's vendor table between its markers, from each package's description", async () => {
    expect((await registryFiles(root))["README.md"]).toBe(
      "# seg\n\n<!-- registry:vendors -->\n" +
        "<!-- Generated from specs/ and packages/<vendor>/package.json by `pnpm generate`: edit those, not this table. -->\n" +
        "| vendor package | what it is | spec | every operation |\n| --- | --- | --- | --- |\n" +
        "| [`@seg/acme`](packages/acme) | Typed client for acme | [`specs/acme.yaml`](specs/acme.yaml) | [API.md](packages/acme/API.md) |\n" +
        "| [`@seg/zeta`](packages/zeta) | Typed client for zeta | [`specs/zeta.yaml`](specs/zeta.yaml) | [API.md](packages/zeta/API.md) |\n" +
        "<!-- /registry:vendors -->\n\nMore.\n",
    );
  });
});
