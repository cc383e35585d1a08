// The pieces of `pnpm run docs` that decide what a page loads and what the site covers. The whole build
// runs in CI as `pnpm run docs` (it checks every vendor page carries every operation).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indexPage } from "../src/docs/index-page.ts";
import { selfContained } from "../src/docs/redoc.ts";
import { sourceEntryPoints } from "../src/docs/typedoc.ts";
import { specOperations } from "@seg/spec";

const redocPage = (extra = "") =>
  `<html><head>${extra}</head><body><script type="module">img({src:"https://cdn.redoc.ly/redoc/logo-mini-full.svg"});img({src:"https://cdn.redoc.ly/redoc/logo-mini.svg"});` +
  `const __redoc_options = {"skipBundle":true,"disableTelemetry":true};</script></body></html>`;

describe("a Redoc page is made self-contained", () => {
  it("the CDN logo becomes an inline image", () => {
    const page = selfContained(redocPage(), "x.html");
    expect(page).not.toContain("cdn.redoc.ly");
    expect(page.match(/data:image\/svg\+xml,/g)).toHaveLength(2);
  });

  it.each([
    ["no CDN logo to replace (a Redoc that loads something else)", "<html></html>", /x\.html: Redoc's CDN logo was not found/],
    ["telemetry left on", redocPage().replace('"disableTelemetry":true', '"disableTelemetry":false'), /telemetry is not disabled/],
    ["a script from elsewhere", redocPage('<script src="https://cdn.example/x.js"></script>'), /loads a script or stylesheet from elsewhere/],
    ["a remote stylesheet", redocPage('<link rel="stylesheet" href="https://fonts.example/css">'), /loads a script or stylesheet from elsewhere/],
  ])("refuses a page with %s", (_name, html, message) => {
    expect(() => selfContained(html, "x.html")).toThrow(message);
  });
});

describe("TypeDoc's entry points", () => {
  it("are the package's exports, mapped from dist/ to src/", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "seg-docs-"));
    try {
      await mkdir(path.join(root, "packages/acme/src"), { recursive: true });
      await writeFile(path.join(root, "packages/acme/src/index.ts"), "");
      await writeFile(path.join(root, "packages/acme/src/adapter.ts"), "");
      const exports = {
        ".": { import: { types: "./dist/index.d.ts", default: "./dist/index.js" } },
        "./adapter": { import: { default: "./dist/adapter.js" } },
        "./package.json": "./package.json",
      };
      const pkg = { dir: "packages/acme", manifest: { name: "@seg/acme", version: "0.0.0", exports } };
      expect(sourceEntryPoints(root, pkg)).toEqual([
        { specifier: "@seg/acme", file: "packages/acme/src/index.ts" },
        { specifier: "@seg/acme/adapter", file: "packages/acme/src/adapter.ts" },
      ]);
      const missing = { ...pkg, manifest: { ...pkg.manifest, exports: { "./cli": "./dist/cli.js" } } };
      expect(() => sourceEntryPoints(root, missing)).toThrow(/packages\/acme\/package\.json: exports\["\.\/cli"\] has no source file under src\//);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("the index page", () => {
  it("lists every operation, linked to its route in the vendor's Redoc page, and every package's API page", () => {
    const spec = {
      info: { title: "Acme API" },
      servers: [{ url: "https://acme.test", "x-seg-host": "api" }],
      paths: {
        "/a": { get: { operationId: "getThing", summary: "Get <a> thing", tags: ["Saved Reports"], "x-seg-idempotent": true } },
        "/b": { post: { operationId: "makeThing", "x-seg-idempotent": false } },
      },
    };
    const facts = { ...specOperations(spec), retryReasons: {} };
    const pkg = { vendor: "acme", dir: "packages/acme", name: "@seg/acme", factory: "createAcmeClient", spec: "specs/acme.yaml" };
    const html = indexPage([{ pkg, facts, page: "specs/acme.html" }], { "@seg/acme": "modules/_seg_acme.html" }, "api");
    expect(html).toContain('<a href="specs/acme.html#/saved-reports/getthing"><code>getThing</code></a>');
    expect(html).toContain('<a href="specs/acme.html"><code>makeThing</code></a>');
    expect(html).toContain("Get &lt;a&gt; thing");
    expect(html).toContain('<a href="api/modules/_seg_acme.html"><code>@seg/acme</code></a>');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
  });
});
