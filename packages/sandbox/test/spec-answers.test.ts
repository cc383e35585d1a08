// Operations without a stateful handler answer from their spec: the documented example for the
// success status, validated against the response schema. A new operation in a spec is served the
// moment the spec is (re)generated, with no sandbox code; an example that violates its own schema
// fails loudly.
import { readSpec, specFile } from "@seg/spec";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderGenerated } from "../scripts/embed-specs.ts";
import { specs } from "../src/generated/specs.ts";
import { startSandbox, type Sandbox } from "../src/index.ts";
import { compileSpec } from "../src/openapi/vendor-spec.ts";
import { vendorCatalog } from "../src/vendors/catalog.ts";
import { documentedSuccess, successProblems } from "../src/vendors/generic/answers.ts";
import { serveVendor } from "../src/vendors/registry.ts";
import { call, useSandbox } from "./harness.ts";
import { specRequest } from "./spec-request.ts";

type Node = Record<string, unknown>;

const embedded = vendorCatalog().map((info) => serveVendor(info));

describe("every documented success of every spec", () => {
  const operations = embedded.flatMap((vendor) => vendor.spec.operations.map((operation) => [`${vendor.vendor}.${operation.operationId}`, vendor, operation] as const));

  it.each(operations)("%s: its example (or what its schema builds) conforms to its response schema", (_name, vendor, operation) => {
    expect(successProblems(vendor.spec, operation)).toEqual([]);
  });
});

/** A copy of a spec with one more operation under `path`. */
function withOperation(document: Node, route: string, operation: Node): Node {
  const copy = structuredClone(document);
  (copy.paths as Node)[route] = { get: operation };
  return copy;
}

const campaignStats = (example: unknown): Node => ({
  operationId: "getCampaignStats",
  "x-seg-idempotent": true,
  parameters: [{ name: "campaignId", in: "path", required: true, schema: { type: "string" }, example: "1001" }],
  responses: {
    "200": {
      description: "Delivery statistics of a campaign.",
      content: {
        "application/json": {
          schema: { type: "object", required: ["sent", "opened"], properties: { sent: { type: "integer" }, opened: { type: "integer" } } },
          example,
        },
      },
    },
  },
});

describe("an operation added to a copy of a spec", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "seg-sandbox-spec-"));
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });
  const started: Sandbox[] = [];
  afterAll(() => Promise.all(started.map((sandbox) => sandbox.close())));
  const serve = async (vendor: string, document: Node): Promise<Sandbox> => {
    const sandbox = await startSandbox({ specs: { ...specs, [vendor]: document }, checkResponses: true });
    started.push(sandbox);
    return sandbox;
  };

  it("is generated into the embedded specs and served with its example, beside the stateful handlers", async () => {
    // The spec as a file in a scratch copy of specs/ (YAML is a superset of JSON), read as `pnpm generate` reads it.
    mkdirSync(path.join(scratch, "specs"));
    for (const vendor of Object.keys(specs)) copyFileSync(specFile(vendor), path.join(scratch, "specs", `${vendor}.yaml`));
    const document = withOperation(readSpec("segmint", scratch), "/campaigns/{campaignId}/stats", campaignStats({ sent: 1200, opened: 310 }));
    writeFileSync(path.join(scratch, "specs", "segmint.yaml"), JSON.stringify(document));
    expect(renderGenerated(scratch).get("src/generated/specs.ts")).toContain('"operationId": "getCampaignStats"');

    const sandbox = await serve("segmint", readSpec("segmint", scratch));
    const token = await call(sandbox, "POST", "/segmint/auth/v1/token?grant_type=token", {
      headers: { authorization: `Basic ${Buffer.from("sandbox-user:sandbox-password").toString("base64")}` },
    });
    const bearer = { authorization: `Bearer ${String((token.body as Node).access_token)}` };
    const stats = await call(sandbox, "GET", "/segmint/campaigns/1001/stats", { headers: bearer });
    expect(stats).toMatchObject({ status: 200, body: { sent: 1200, opened: 310 } });
    expect(sandbox.log.at(-1)).toMatchObject({ vendor: "segmint", operationId: "getCampaignStats", result: 200 });
    // Credentials are still checked (by the vendor's module), and the stateful handlers still answer.
    expect((await call(sandbox, "GET", "/segmint/campaigns/1001/stats")).status).toBe(401);
    expect(await call(sandbox, "GET", "/segmint/campaigns/1002", { headers: bearer })).toMatchObject({ status: 200, body: { name: "Holiday Rewards" } });
  });

  it("serves a body documented as another media type (a CSV) as its text, and a status without content as an empty body", async () => {
    const csv = "id,sent\n1001,1200\n";
    const document = withOperation(specs.segmenter, "/segments/export", {
      operationId: "exportSegments",
      "x-seg-idempotent": true,
      responses: { "200": { description: "Every segment, as CSV.", content: { "text/csv": { schema: { type: "string" }, example: csv } } } },
    });
    ((document.paths as Node)["/segments/export"] as Node).delete = {
      operationId: "clearExport",
      "x-seg-idempotent": true,
      responses: { "204": { description: "Cleared." }, "404": { description: "No export." } },
    };
    const sandbox = await serve("segmenter", document);
    const exported = await fetch(`${sandbox.url}/segmenter/segments/export`, { headers: { "x-api-key": "sandbox-key" } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await exported.text()).toBe(csv);
    const cleared = await fetch(`${sandbox.url}/segmenter/segments/export`, { method: "DELETE", headers: { "x-api-key": "sandbox-key" } });
    expect(cleared.status).toBe(204);
    expect(await cleared.text()).toBe("");
  });

  it("is answered with a value built from its schema when it documents no example", async () => {
    const sandbox = await serve("segmint", withOperation(specs.segmint, "/campaigns/{campaignId}/stats", campaignStats(undefined)));
    const [operation] = compileSpec("scratch", withOperation(specs.segmint, "/campaigns/{campaignId}/stats", campaignStats(undefined))).operations.filter((op) => op.operationId === "getCampaignStats");
    expect(operation && documentedSuccess(operation)).toEqual({ status: 200, body: { sent: 0, opened: 0 }, contentType: "application/json", from: "schema" });
    const token = await call(sandbox, "POST", "/segmint/auth/v1/token?grant_type=token", {
      headers: { authorization: `Basic ${Buffer.from("sandbox-user:sandbox-password").toString("base64")}` },
    });
    const stats = await call(sandbox, "GET", "/segmint/campaigns/1/stats", { headers: { authorization: `Bearer ${String((token.body as Node).access_token)}` } });
    expect(stats).toMatchObject({ status: 200, body: { sent: 0, opened: 0 } });
  });

  it("fails loudly when its example violates its own schema", async () => {
    const broken = withOperation(specs.segmint, "/campaigns/{campaignId}/stats", campaignStats({ sent: "many" }));
    const spec = compileSpec("segmint", broken);
    expect(successProblems(spec, spec.operation("getCampaignStats"))).toEqual(["body must have required property 'opened'", "/sent must be integer"]);

    const sandbox = await serve("segmint", broken);
    sandbox.setFaults([]);
    const token = await call(sandbox, "POST", "/segmint/auth/v1/token?grant_type=token", {
      headers: { authorization: `Basic ${Buffer.from("sandbox-user:sandbox-password").toString("base64")}` },
    });
    const stats = await call(sandbox, "GET", "/segmint/campaigns/1/stats", { headers: { authorization: `Bearer ${String((token.body as Node).access_token)}` } });
    expect(stats).toMatchObject({ status: 500, body: { error: "the spec's example violates its own response schema", operationId: "getCampaignStats" } });
  });

  it("answers 501 only when it documents neither an example nor a schema", async () => {
    const bare = withOperation(specs.segmenter, "/segments/count", {
      operationId: "countSegments",
      "x-seg-idempotent": true,
      responses: { "200": { description: "A count.", content: { "application/json": {} } } },
    });
    const sandbox = await serve("segmenter", bare);
    const answer = await call(sandbox, "GET", "/segmenter/segments/count", { headers: { "x-api-key": "sandbox-key" } });
    expect(answer).toMatchObject({ status: 501, body: { error: "Not Implemented", message: "countSegments: the spec documents no success example or schema to answer from" } });
  });
});

describe("operations no module handles", async () => {
  // The embedded specs, and one with an operation added (so the suite runs while every embedded
  // operation has a stateful handler).
  const documents = { ...specs, segmint: withOperation(specs.segmint, "/campaigns/{campaignId}/stats", campaignStats({ sent: 5, opened: 2 })) };
  const sandbox = await useSandbox({ specs: documents });
  const generic = vendorCatalog(documents).map((info) => serveVendor(info)).flatMap((vendor) =>
    vendor.spec.operations.filter((op) => !vendor.stateful.includes(op.operationId)).map((op) => [`${vendor.vendor}.${op.operationId}`, vendor, op] as const),
  );

  it.each(generic)("%s answers its documented success", async (_name, vendor, operation) => {
    const request = await specRequest(sandbox, vendor, operation);
    const answer = await call(sandbox, request.method, request.path, request);
    const success = documentedSuccess(operation);
    expect(answer.status, JSON.stringify(answer.body)).toBe(success?.status);
    expect(answer.body).toEqual(success?.body);
  });
});
