// The redirect matrix: 301, 302, 303, 307 and 308, to the configured origin and to another one, for
// every credential slot of every vendor. Another origin must receive nothing at all; the configured
// one gets the request again under the Fetch standard's rules for method and body.
import { SegRedirectError } from "@seg/core";
import { startTestServer, type RecordedRequest, type TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { rejection, surfaces } from "./surfaces.ts";
import { SLOTS, type Slot } from "./vendors.ts";

const STATUSES = [301, 302, 303, 307, 308] as const;
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A vendor server that redirects the slot's request once, to `target(server)`. */
async function redirecting(slot: Slot, status: number, target: (server: TestServer, request: RecordedRequest) => string): Promise<TestServer> {
  let redirected = false;
  const server: TestServer = await startTestServer((request) => {
    if (!redirected && slot.carries(request)) {
      redirected = true;
      return { status, headers: { location: target(server, request) }, body: "moved" };
    }
    return slot.ok(request);
  });
  servers.push(server);
  return server;
}

describe.each(SLOTS.map((slot) => [`${slot.vendor}: ${slot.slot}`, slot] as const))("%s", (_name, slot) => {
  it.each(STATUSES)("a %i to another origin is refused: nothing reaches it, the error names the status and the origin", async (status) => {
    const other = await startTestServer(() => ({ status: 200, json: {} }));
    servers.push(other);
    const server = await redirecting(slot, status, () => `${other.url}/collect?next=1`);
    const error = await rejection(slot.call(server.url, { retry: false }));
    expect(error).toBeInstanceOf(SegRedirectError);
    expect(error).toMatchObject({ status, target: other.url, vendor: slot.vendor });
    expect(other.requests).toHaveLength(0);
    for (const secret of slot.secrets) expect(surfaces(error)).not.toContain(secret);
  });

  it.each(STATUSES)("a %i within the origin is followed, credentials re-sent there, method and body by the Fetch rules", async (status) => {
    // Moved under `/moved`, keeping the path, so the server answers it as it would the original.
    const server = await redirecting(slot, status, (self, request) => `${self.url}/moved${request.path}`);
    await slot.call(server.url, { retry: false })();
    const first = server.requests.find((request) => slot.carries(request));
    if (!first) throw new Error("the slot's request never arrived");
    const moved = server.requests.find((request) => request.path.startsWith("/moved/"));
    expect(moved).toBeDefined();
    const becomesGet = status === 303 || (status <= 302 && first.method === "POST");
    expect(moved?.method).toBe(becomesGet ? "GET" : first.method);
    expect(moved?.body).toBe(becomesGet ? "" : first.body);
    if (becomesGet) expect(moved?.headers["content-type"]).toBeUndefined();
    // Header credentials go to the configured origin again; a body-bound one leaves with the body.
    const inBody = slot.sent({ ...first, headers: {} });
    expect(slot.sent(first)).toBe(true);
    expect(slot.sent(moved as RecordedRequest)).toBe(!(inBody && becomesGet));
  });
});

describe("redirect limits", () => {
  const [slot] = SLOTS;
  if (!slot) throw new Error("no vendor slots");

  it("stops after five same-origin hops with a typed error", async () => {
    const server = await startTestServer((request) => ({ status: 307, headers: { location: `${request.path}x` } }));
    servers.push(server);
    const error = await rejection(slot.call(server.url, { retry: false }));
    expect(error).toBeInstanceOf(SegRedirectError);
    expect((error as Error).message).toContain("more than 5 redirects");
    expect(server.requests).toHaveLength(6);
  });

  it("answers a 3xx without Location as the response it is", async () => {
    const server = await startTestServer(() => ({ status: 302, json: { moved: "nowhere" } }));
    servers.push(server);
    const result = (await slot.call(server.url, { retry: false })()) as { response: Response; error: unknown };
    expect(result.response.status).toBe(302);
    expect(result.error).toEqual({ moved: "nowhere" });
  });

  it("refuses a Location that is not a URL", async () => {
    const server = await startTestServer(() => ({ status: 307, headers: { location: "http://[::1" } }));
    servers.push(server);
    const error = await rejection(slot.call(server.url, { retry: false }));
    expect(error).toBeInstanceOf(SegRedirectError);
    expect(server.requests).toHaveLength(1);
  });

  it("redacts a secret echoed into the Location", async () => {
    const other = await startTestServer();
    servers.push(other);
    const [secret] = slot.secrets as [string];
    const server = await startTestServer(() => ({ status: 302, headers: { location: `http://${secret.toLowerCase()}.127.0.0.1.nip.invalid:${new URL(other.url).port}/x?k=${secret}` } }));
    servers.push(server);
    const error = await rejection(slot.call(server.url, { retry: false }));
    expect(error).toBeInstanceOf(SegRedirectError);
    expect(surfaces(error).toLowerCase()).not.toContain(secret.toLowerCase());
  });
});
