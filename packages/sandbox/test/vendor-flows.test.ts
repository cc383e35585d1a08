// Segmenter, SegmentHub and Segmint keep coherent state: segments replaced as documented, profile
// and visitor attributes and segments read back, tokens that expire.
import { describe, expect, it } from "vitest";
import { at, call, SEGMENTER_AUTH, SEGMINT_BASIC, segmintToken, specProblems, useSandbox } from "./harness.ts";

let clock = Date.parse("2024-06-15T12:00:00Z");
const sandbox = await useSandbox({ now: () => clock, tokenTtlSeconds: 60, credentials: { segmenthub: { accounts: ["acct-hub"] } } });

describe("Segmenter segments", () => {
  const create = (body: unknown): ReturnType<typeof call> => call(sandbox, "POST", "/segmenter/segments", { headers: SEGMENTER_AUTH, body });
  const update = (body: unknown): ReturnType<typeof call> => call(sandbox, "PUT", "/segmenter/segments", { headers: SEGMENTER_AUTH, body });

  it("are created with their persons, and an update replaces the persons (an empty list removes everyone)", async () => {
    const created = await create({
      name: "VIP",
      TagId: "t-1",
      persons: [
        { externalId: "c-1", email: "ann@example.com", substitutionTags: [{ tag: "first", value: "Ann" }] },
        { externalId: "c-2", phoneNumber: "+1 555" },
      ],
    });
    expect(created.body).toEqual({
      data: { id: "sbx-segment-1", persons: [{ id: "sbx-person-1", externalId: "c-1", email: "ann@example.com" }, { id: "sbx-person-2", externalId: "c-2" }] },
      errorMessage: "",
    });
    const segment = (): unknown => sandbox.state.segmenter.segments["sbx-segment-1"];
    expect(segment()).toMatchObject({ name: "VIP", tagId: "t-1", persons: [{ externalId: "c-1" }, { externalId: "c-2", phone: "+1 555" }] });

    // Keep c-1 (same person id; tags merged: one edited, one added), drop c-2, add c-3.
    const replaced = await update({
      id: "sbx-segment-1",
      name: "VIP customers",
      persons: [
        { externalId: "c-1", substitutionTags: [{ tag: "first", value: "Annie" }, { tag: "tier", value: "gold" }] },
        { externalId: "c-3" },
      ],
    });
    expect(replaced.body).toEqual({ data: { isUpdated: true }, errorMessage: "" });
    expect(segment()).toMatchObject({
      name: "VIP customers",
      persons: [
        { id: "sbx-person-1", externalId: "c-1", substitutionTags: [{ tag: "first", value: "Annie" }, { tag: "tier", value: "gold" }] },
        { id: "sbx-person-3", externalId: "c-3", substitutionTags: [] },
      ],
    });

    await update({ id: "sbx-segment-1", persons: [] });
    expect(segment()).toMatchObject({ name: "VIP customers", persons: [] });
  });

  it("an update of an unknown segment answers isUpdated: false, as the docs describe", async () => {
    const answer = await update({ id: "nope", persons: [] });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { isUpdated: false }, errorMessage: "Segment nope not found" });
    expect(specProblems("segmenter", "updateSegment", answer)).toEqual([]);
  });
});

describe("SegmentHub profiles and visitors", () => {
  const hub = (path: string, body: Record<string, unknown>): ReturnType<typeof call> =>
    call(sandbox, "POST", `/segmenthub${path}`, { body: { account: "acct-hub", token: "sandbox-token", ...body } });

  it("attributes are set and queried (all, or those asked for)", async () => {
    await hub("/profiles/attributes", { profileId: "john@example.com", attributes: { firstName: "John", country: "us", brands: ["Nike", "adidas"] } });
    await hub("/profiles/attributes", { profileId: "john@example.com", attributes: { firstName: "Johnny" } });
    const some = await hub("/profiles/query", { profileId: "john@example.com", attributes: ["firstName", "brands", "unknown"] });
    expect(some.body).toEqual({
      status: 200,
      message: "Profile queried successfully.",
      errors: [],
      attributes: { firstName: [{ value: "Johnny" }], brands: [{ value: "Nike" }, { value: "adidas" }] },
      segments: [],
    });
    const all = await hub("/profiles/query", { profileId: "john@example.com" });
    expect(Object.keys(at(all.body, "attributes") as object)).toEqual(["firstName", "country", "brands"]);
  });

  it("segments are assigned, removed, and queried (only the ones asked about)", async () => {
    await hub("/visitors/segments", { visitorId: "v-1", assignees: ["VIP", "Churn", "New"] });
    await hub("/visitors/segments", { visitorId: "v-1", removes: ["Churn"], assignees: ["VIP"] });
    expect(at((await hub("/visitors/query", { visitorId: "v-1" })).body, "segments")).toEqual(["VIP", "New"]);
    expect(at((await hub("/visitors/query", { visitorId: "v-1", segments: ["VIP", "Churn"] })).body, "segments")).toEqual(["VIP"]);
    // Profiles and visitors are separate.
    expect(at((await hub("/profiles/query", { profileId: "v-1" })).body, "segments")).toEqual([]);
  });

  it("a product view lands in the visitor's and the profile's lastViewedProducts", async () => {
    for (const sku of ["SKU1", "SKU2", "SKU1"]) {
      const event = await call(sandbox, "POST", "/segmenthub/campaigns/query", {
        body: { account: "acct-hub", visitorId: "v-2", profileId: "jane@example.com", platform: "www.example.com", event: "productView", sku },
      });
      expect(event.body).toEqual({ status: 200, message: "Campaigns executed successfully.", campaigns: [] });
    }
    const query = await hub("/profiles/query", { profileId: "jane@example.com", attributes: ["lastViewedProducts"] });
    expect(at(query.body, "attributes.lastViewedProducts")).toEqual([{ value: "SKU1" }, { value: "SKU2" }]);
    expect(sandbox.state.segmenthub.accounts["acct-hub"]?.events).toHaveLength(3);
  });

  it("an account the sandbox does not know gets the documented 404", async () => {
    const answer = await call(sandbox, "POST", "/segmenthub/profiles/query", { body: { account: "acct-other", token: "sandbox-token", profileId: "x" } });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ status: 404, message: "The requested account acct-other was not found or is suspended.", errors: [] });
    expect(specProblems("segmenthub", "queryProfile", answer)).toEqual([]);
  });
});

describe("Segmint tokens", () => {
  const campaign = (token: string): ReturnType<typeof call> => call(sandbox, "GET", "/segmint/campaigns/1001", { headers: { authorization: `Bearer ${token}` } });

  it("are issued for the Basic credentials, work until they expire, then get 401", async () => {
    const issued = await call(sandbox, "POST", "/segmint/auth/v1/token?grant_type=token", { headers: SEGMINT_BASIC });
    expect(issued.body).toEqual({ access_token: expect.stringMatching(/^sbx_/) as unknown, token_type: "Bearer", expires_in: 60 });
    const token = String(at(issued.body, "access_token"));
    expect((await campaign(token)).body).toMatchObject({ id: "1001", name: "Spring Savings" });

    clock += 59_000;
    expect((await campaign(token)).status).toBe(200);
    sandbox.advanceTime(1_000);
    const expired = await campaign(token);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ error: "Unauthorized", message: "The authorization token provided has expired" });
    expect(specProblems("segmint", "getCampaign", expired)).toEqual([]);

    // A new token works again; the expired one was forgotten when it was issued.
    expect((await campaign(await segmintToken(sandbox))).status).toBe(200);
    expect(Object.keys(sandbox.state.segmint.tokens)).not.toContain(token);
  });

  it("the clock can be moved through the control API too", async () => {
    const token = await segmintToken(sandbox);
    const moved = await call(sandbox, "POST", "/__sandbox/time", { body: { advanceMs: 61_000 } });
    expect(moved.status).toBe(200);
    expect((await campaign(token)).status).toBe(401);
  });
});
