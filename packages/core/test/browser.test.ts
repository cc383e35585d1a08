// In a browser (simulated by the global a page has: `document`; a worker's: `importScripts`), core
// adds no User-Agent and refuses a client holding a secret unless the caller opts in.
import { startTestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { bodyTokenAuth, noAuth, SegConfigError, tokenExchangeAuth, unwrap } from "../src/index.ts";
import { ACME_USER_AGENT, acmeClient } from "./fixtures/acme.ts";

const scope = globalThis as { document?: unknown; importScripts?: unknown };
afterEach(() => {
  delete scope.document;
  delete scope.importScripts;
});

const inPage = (): void => {
  scope.document = {};
};
const inWorker = (): void => {
  scope.importScripts = () => undefined;
};

describe.each([
  ["a page", inPage],
  ["a browser worker", inWorker],
])("in %s", (_where, enter) => {
  it("refuses a client whose configuration holds a secret, naming the opt-in and never the secret", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { ok: true } }));
    enter();
    const secretful = [
      ["a header key", {}],
      ["a body token", { auth: bodyTokenAuth({ field: "token", token: "tok_secret" }) }],
      ["a token exchange", { auth: tokenExchangeAuth({ exchange: () => Promise.resolve({ token: "t" }), secrets: ["pw_secret"] }) }],
    ] as const;
    for (const [, options] of secretful) {
      let thrown: unknown;
      try {
        acmeClient(server, options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(SegConfigError);
      expect((thrown as SegConfigError).field).toBe("dangerouslyAllowBrowser");
      expect((thrown as Error).message).toMatch(/acme client is configured with a secret, and this is a browser/);
      expect((thrown as Error).message).not.toMatch(/key_123|tok_secret|pw_secret/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("creates a client without secrets and sends no User-Agent of its own", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { ok: true } }));
    enter();
    const client = acmeClient(server, { auth: noAuth });
    expect(unwrap(await client.GET("/status"))).toEqual({ ok: true });
    // Node's fetch adds its own (a browser adds the browser's); core adds none.
    expect(server.requests[0]!.headers["user-agent"]).not.toBe(ACME_USER_AGENT);
  });

  it("creates a secret-holding client with dangerouslyAllowBrowser: true, credentials sent as usual", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { id: "1", name: "Widget" } }));
    enter();
    const client = acmeClient(server, { dangerouslyAllowBrowser: true });
    await client.GET("/things/{id}", { params: { path: { id: "1" } } });
    expect(server.requests[0]!.headers["x-api-key"]).toBe("key_123");
    expect(server.requests[0]!.headers["user-agent"]).not.toBe(ACME_USER_AGENT);
  });
});

describe("outside a browser", () => {
  it("creates a secret-holding client without the opt-in and sends the client's User-Agent", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { ok: true } }));
    await acmeClient(server).GET("/status");
    expect(server.requests[0]!.headers["user-agent"]).toBe(ACME_USER_AGENT);
  });
});
