// The replace guard: an update that would empty a segment never leaves the process, whichever way
// it is sent; removing everyone on purpose (clearSegmentPersons) sends `persons: []`.
import type { TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { SegConfigError, type SegmenterClient, type SegmentPerson } from "../src/index.ts";
import { responseExample } from "./doc-examples.ts";
import { clientWithServer, PREFIX } from "./harness.ts";

const updated = responseExample("updateSegment", "200", "updated");
const segment = { id: "seg-42", name: "VIP", description: "Top buyers", broadcastMediumId: "bm-1", segmentType: "static" };
const person = { externalId: "crm-1", email: "ada@example.com" };
/** A list that turns out empty only at run time (`persons: []` itself does not compile). */
const nobody: SegmentPerson[] = [];

interface RefusedCase {
  call: (client: SegmenterClient) => Promise<unknown>;
  field: "persons" | "id";
  message: RegExp;
}

const REPLACE_EXPLAINED = /REPLACES the segment's stored persons.*Nothing was sent.*clearSegmentPersons/;

const refused: Record<string, RefusedCase> = {
  "PUT /segments with persons empty at run time": {
    call: (c) => c.PUT("/segments", { body: { ...segment, persons: nobody } }),
    field: "persons",
    message: /^persons: is empty: .*every person from segment "seg-42"/,
  },
  "updateSegment with persons empty at run time": {
    call: (c) => c.updateSegment({ ...segment, persons: nobody }),
    field: "persons",
    message: /^persons: is empty/,
  },
  "PUT /segments without persons (untyped caller)": {
    call: (c) => c.PUT("/segments", { body: segment as never }),
    field: "persons",
    message: /^persons: is required on an update/,
  },
  "updateSegment without persons (untyped caller)": {
    call: (c) => c.updateSegment(segment as never),
    field: "persons",
    message: /^persons: is required on an update/,
  },
  "updateSegment with persons: null (untyped caller)": {
    call: (c) => c.updateSegment({ ...segment, persons: null } as never),
    field: "persons",
    message: /^persons: is required on an update/,
  },
  "PUT /segments with no init at all (untyped caller)": {
    call: (c) => (c.PUT as (path: string) => Promise<unknown>)("/segments"),
    field: "persons",
    message: /^persons: is required on an update/,
  },
  "undocumented PUT /segments with persons: []": {
    call: (c) => c.undocumented("PUT", "/segments", { body: { ...segment, persons: [] } }),
    field: "persons",
    message: /^persons: is empty/,
  },
  "undocumented PUT to another path with persons: []": {
    call: (c) => c.undocumented("PUT", "/v2/segment", { body: { id: "seg-42", persons: [] } }),
    field: "persons",
    message: /^persons: is empty/,
  },
  "undocumented lowercase put (untyped caller)": {
    call: (c) => c.undocumented("put" as "PUT", "/segments", { body: { id: "seg-42", persons: [] } }),
    field: "persons",
    message: /^persons: is empty/,
  },
  "clearSegmentPersons given persons to keep (untyped caller)": {
    call: (c) => c.clearSegmentPersons({ ...segment, persons: [person] } as never),
    field: "persons",
    message: /^persons: must not be given to clearSegmentPersons.*updateSegment/,
  },
  "clearSegmentPersons without an id (untyped caller)": {
    call: (c) => c.clearSegmentPersons({ name: "VIP" } as never),
    field: "id",
    message: /^id: is required: the id of the segment to clear/,
  },
  "clearSegmentPersons with an empty id": {
    call: (c) => c.clearSegmentPersons({ id: "" }),
    field: "id",
    message: /^id: is required/,
  },
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("an update that would empty a segment is refused before any request", () => {
  it.each(Object.entries(refused))("%s", async (_name, { call, field, message }) => {
    const started = await clientWithServer(() => ({ status: 200, json: updated }));
    server = started.server;

    let pending: Promise<unknown> | undefined;
    // The refusal is a rejected promise, never a synchronous throw (like every other failure).
    expect(() => (pending = call(started.client))).not.toThrow();
    const error: unknown = await pending?.catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SegConfigError);
    expect((error as SegConfigError).field).toBe(field);
    expect((error as SegConfigError).message).toMatch(message);
    if (field === "persons" && !/must not be given/.test((error as Error).message)) {
      expect((error as Error).message).toMatch(REPLACE_EXPLAINED);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("refuses even with retries on and a request already made on the same client", async () => {
    const started = await clientWithServer(() => ({ status: 200, json: updated }), { retry: { maxRetries: 5, baseDelayMs: 1 } });
    server = started.server;
    await started.client.updateSegment({ ...segment, persons: [person] });
    await expect(started.client.updateSegment({ ...segment, persons: nobody })).rejects.toThrow(SegConfigError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("what the guard lets through", () => {
  it("clearSegmentPersons sends the segment fields with persons: [] (the deliberate clear)", async () => {
    const started = await clientWithServer(() => ({ status: 200, json: updated }));
    server = started.server;

    const { data, error } = await started.client.clearSegmentPersons(segment);

    expect(error).toBeUndefined();
    expect(data).toEqual(updated);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("PUT");
    expect(request?.path).toBe(`${PREFIX}/segments`);
    expect(request?.body).toBe(JSON.stringify({ ...segment, persons: [] }));
  });

  it("clearSegmentPersons accepts an explicit persons: [] (untyped caller)", async () => {
    const started = await clientWithServer(() => ({ status: 200, json: updated }));
    server = started.server;
    await started.client.clearSegmentPersons({ id: "seg-42", persons: [] } as never);
    expect(server.requests.map((r) => r.json())).toEqual([{ id: "seg-42", persons: [] }]);
  });

  it("clearSegmentPersons does not alter the caller's object", async () => {
    const started = await clientWithServer(() => ({ status: 200, json: updated }));
    server = started.server;
    const body = { id: "seg-42" };
    await started.client.clearSegmentPersons(body);
    expect(body).toEqual({ id: "seg-42" });
  });

  it.each([
    ["an undocumented PUT with persons to keep", (c: SegmenterClient) => c.undocumented("PUT", "/v2/segment", { body: { id: "s", persons: [person] } })],
    ["an undocumented PUT without persons", (c: SegmenterClient) => c.undocumented("PUT", "/v2/segment/name", { body: { id: "s", name: "n" } })],
    ["an undocumented POST with persons: [] (creating an empty segment removes no one)", (c: SegmenterClient) => c.undocumented("POST", "/v2/segment", { body: { name: "n", persons: [] } })],
    ["a create with persons: []", (c: SegmenterClient) => c.createSegment({ name: "n", persons: [] })],
  ])("%s", async (_name, call) => {
    const started = await clientWithServer(() => ({ status: 200, json: {} }));
    server = started.server;
    await call(started.client);
    expect(server.requests).toHaveLength(1);
  });
});
