// A vendor the sandbox has never heard of — a spec written here, with no sandbox code — is served
// with everything derived from it: its prefix, its credentials and their defaults, error bodies in
// the shape its spec documents, its answers, `clientOptions`, the CLI's flags and usage text, the
// info endpoint, and (after `pnpm generate`) the public types.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { specVendors } from "@seg/spec";
import { afterAll, describe, expect, it } from "vitest";
import { renderGenerated } from "../scripts/embed-specs.ts";
import { parseCli, usage } from "../src/cli-args.ts";
import { vendorCatalog } from "../src/vendors/catalog.ts";
import { call, useSandbox } from "./harness.ts";

const problem = { type: "object", required: ["code", "detail"], properties: { code: { type: "integer" }, detail: { type: "string" } } };
const problemResponse = (code: number, detail: string): Record<string, unknown> => ({
  description: "A problem.",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" }, example: { code, detail } } },
});

/** Acme: one host with a URL variable, an API key in a header, problems documented as `{ code, detail }`. */
const acme = {
  openapi: "3.1.0",
  info: { title: "Acme Widgets API", version: "1" },
  servers: [{ url: "https://api.acme.test/v2/{workspace_id}", "x-seg-host": "api", variables: { workspace_id: { default: "YOUR_WORKSPACE" } } }],
  security: [{ acmeKey: [] }],
  components: {
    securitySchemes: { acmeKey: { type: "apiKey", in: "header", name: "X-Acme-Key" } },
    schemas: {
      Problem: problem,
      Widget: { type: "object", required: ["id", "name"], properties: { id: { type: "string" }, name: { type: "string" } } },
    },
  },
  paths: {
    "/widgets/{id}": {
      get: {
        operationId: "getWidget",
        "x-seg-idempotent": true,
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "A widget.", content: { "application/json": { schema: { $ref: "#/components/schemas/Widget" }, example: { id: "w-1", name: "Sprocket" } } } },
          "404": problemResponse(404, "No such widget."),
        },
      },
    },
    "/widgets": {
      post: {
        operationId: "createWidget",
        "x-seg-idempotent": false,
        requestBody: {
          required: true,
          content: { "application/json": { schema: { type: "object", required: ["name"], properties: { name: { type: "string" } }, additionalProperties: false } } },
        },
        responses: {
          "201": { description: "Created.", content: { "application/json": { schema: { $ref: "#/components/schemas/Widget" }, examples: { gear: { value: { id: "w-2", name: "Gear" } } } } } },
          "400": problemResponse(400, "The widget is invalid."),
        },
      },
    },
  },
};

/** Beta: a bearer token, and no documented error body. */
const beta = {
  openapi: "3.1.0",
  info: { title: "Beta API", version: "1" },
  servers: [{ url: "https://beta.test", "x-seg-host": "api" }],
  security: [{ bearer: [] }],
  components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
  paths: {
    "/ping": { get: { operationId: "ping", "x-seg-idempotent": true, responses: { "200": { description: "Pong.", content: { "application/json": { schema: { type: "object", properties: { ok: { const: true } }, required: ["ok"] } } } } } } },
  },
};

const specs = { acme, beta };
const sandbox = await useSandbox({ specs, faults: ["acme:getWidget:status=503:times=1"] });
const key = { "x-acme-key": "sandbox-key" };

describe("a vendor served from its spec alone", () => {
  it("is served under /<vendor> plus its server's path, URL variables as segments; clientOptions are its client's options", async () => {
    expect(sandbox.urls).toEqual({ acme: `${sandbox.url}/acme/v2/{workspace_id}`, beta: `${sandbox.url}/beta` });
    expect(sandbox.clientOptions).toEqual({
      acme: { apiKey: "sandbox-key", workspaceId: "sandbox-workspace-id", baseUrl: `${sandbox.url}/acme/v2/{workspace_id}` },
      beta: { token: "sandbox-token", baseUrl: `${sandbox.url}/beta` },
    });
    expect(sandbox.credentials).toEqual({ acme: { apiKey: "sandbox-key" }, beta: { token: "sandbox-token" } });
    const info = await call(sandbox, "GET", "/__sandbox");
    expect(info.body).toMatchObject({
      vendors: { acme: { name: "Acme Widgets", credential: "header", operations: 2, stateful: [], fromSpec: ["getWidget", "createWidget"] } },
    });
  });

  it("answers each operation with its documented example, once the spec's credential is right", async () => {
    // The fault rule fires first: the vendor's documented error shape, from its spec.
    expect(await call(sandbox, "GET", "/acme/v2/ws-1/widgets/w-9", { headers: key })).toMatchObject({ status: 503, body: { code: 503, detail: "Service Unavailable (fault injected by the sandbox)" } });
    expect(await call(sandbox, "GET", "/acme/v2/ws-1/widgets/w-9", { headers: key })).toMatchObject({ status: 200, body: { id: "w-1", name: "Sprocket" } });
    expect(await call(sandbox, "POST", "/acme/v2/ws-1/widgets", { headers: key, body: { name: "Gear" } })).toMatchObject({ status: 201, body: { id: "w-2", name: "Gear" } });
    expect(await call(sandbox, "GET", "/beta/ping", { headers: { authorization: "Bearer sandbox-token" } })).toMatchObject({ status: 200, body: { ok: true } });
    expect(sandbox.log.at(-2)).toMatchObject({ vendor: "acme", operationId: "createWidget", result: 201 });
  });

  it("answers errors in the shape its spec documents, or { error, message } when it documents none", async () => {
    const cases: [string, string, Parameters<typeof call>[3], number, unknown][] = [
      ["GET", "/acme/v2/ws-1/widgets/w-1", {}, 401, { code: 401, detail: "missing API key: send it as the X-Acme-Key header" }],
      ["GET", "/acme/v2/ws-1/widgets/w-1", { headers: { "x-acme-key": "nope" } }, 401, { code: 401, detail: "invalid API key in the X-Acme-Key header" }],
      ["POST", "/acme/v2/ws-1/widgets", { headers: key, body: { name: "x", color: "red" } }, 400, { code: 400, detail: "unknown field 'color'" }],
      ["DELETE", "/acme/v2/ws-1/widgets/w-1", { headers: key }, 404, { code: 404, detail: "Cannot DELETE /widgets/w-1" }],
      ["GET", "/beta/ping", { headers: { authorization: "Bearer nope" } }, 401, { error: "Unauthorized", message: "The authorization token provided is invalid" }],
    ];
    for (const [method, route, init, status, body] of cases) expect(await call(sandbox, method, route, init)).toMatchObject({ status, body });
  });

  it("takes its credentials from the options and the CLI, whose flags and usage text name it", () => {
    const catalog = vendorCatalog(specs);
    expect(parseCli(["--acme-key", "k1", "--beta-token", "t1"], catalog).sandbox.credentials).toEqual({ acme: { apiKey: "k1" }, beta: { token: "t1" } });
    const text = usage(catalog);
    expect(text).toContain("Serves Acme Widgets and Beta on one port of 127.0.0.1:\n  /acme/v2/{workspace_id}   /beta   control API: /__sandbox");
    expect(text).toMatch(/\n {2}--acme-key KEY +Acme Widgets API key \(X-Acme-Key header\) \(default sandbox-key\)\n/);
    expect(text).toMatch(/\n {2}--beta-token TOKEN +Beta bearer token \(default sandbox-token\)\n/);
    expect(() => parseCli(["--segmetrics-key", "k"], catalog)).toThrow("Unknown option '--segmetrics-key'");
  });
});

describe("pnpm generate, with the spec in specs/", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "seg-sandbox-vendor-"));
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it("gives the public types the vendor, and no module is needed", () => {
    const repo = fileURLToPath(new URL("../../../", import.meta.url));
    cpSync(path.join(repo, "specs"), path.join(scratch, "specs"), { recursive: true });
    writeFileSync(path.join(scratch, "specs", "acme.yaml"), JSON.stringify(acme));
    const sandboxCopy = path.join(scratch, "sandbox");
    mkdirSync(path.join(sandboxCopy, "src"), { recursive: true });
    cpSync(fileURLToPath(new URL("../src/vendors", import.meta.url)), path.join(sandboxCopy, "src/vendors"), { recursive: true });
    const types = renderGenerated(scratch, sandboxCopy).get("src/generated/vendors.ts") ?? "";
    // Sorted by name, with every vendor of specs/ beside it (however many there are).
    expect(types).toContain(`export type Vendor = ${["acme", ...specVendors(repo)].sort().map((vendor) => JSON.stringify(vendor)).join(" | ")};`);
    expect(types).toContain("  acme: { apiKey: string; workspaceId: string; baseUrl: string };");
    expect(types).toContain("  acme: { apiKey: string };");
    expect(renderGenerated(scratch, sandboxCopy).get("src/generated/modules.ts")).not.toContain("acme");

    // A module directory without a spec is refused, naming the fix.
    mkdirSync(path.join(sandboxCopy, "src/vendors/zeta"));
    expect(() => renderGenerated(scratch, sandboxCopy)).toThrow("src/vendors/zeta/ is a vendor module but specs/zeta.yaml does not exist");
  });
});
