import { describe, expect, it } from "vitest";
import { adapterOf, isSkip, withAdapter, type VendorAdapter } from "../src/index.ts";
import type * as AdapterModule from "../src/adapter.ts";

const skip = { skipped: "acme has no tags" };
const adapter: VendorAdapter = {
  vendor: "acme",
  upsertPerson: () => Promise.resolve({ id: "1" }),
  addTags: () => skip,
  removeTags: () => skip,
  recordPurchase: () => Promise.resolve({ id: "o-1" }),
  getProfile: () => Promise.resolve({ email: "a@example.com" }),
};

describe("withAdapter / adapterOf", () => {
  it("attaches an adapter to a client without changing what it looks like", () => {
    const client = { GET: () => "get" };
    expect(withAdapter(client, adapter)).toBe(client);
    expect(adapterOf(client)).toBe(adapter);
    expect(Object.keys(client)).toEqual(["GET"]);
    expect(JSON.stringify(client)).toBe("{}");
    expect(adapterOf({ ...client })).toBeUndefined();
  });

  it("finds nothing on a client without one", () => {
    expect(adapterOf({})).toBeUndefined();
  });

  it("is found by another copy of @seg/core", async () => {
    const specifier = "../src/adapter.ts?copy";
    const copyB = (await import(/* @vite-ignore */ specifier)) as typeof AdapterModule;
    expect(copyB.adapterOf).not.toBe(adapterOf);
    const client = copyB.withAdapter({}, adapter);
    expect(adapterOf(client)).toBe(adapter);
  });
});

describe("isSkip", () => {
  it.each([
    [skip, true],
    [{ skipped: "" }, true],
    [{ skipped: 1 }, false],
    [{ id: "1" }, false],
    [null, false],
    ["skipped", false],
    [Promise.resolve(skip), false],
  ])("isSkip(%o) is %s", (value, want) => {
    expect(isSkip(value)).toBe(want);
  });
});
