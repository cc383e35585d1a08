import { describe, expect, it } from "vitest";
import { environmentBaseUrls, SegConfigError } from "../src/index.ts";

const environments = { live: { api: "https://api.example", track: "https://t.example" }, test: { api: "https://api.test.example", track: "https://t.test.example" } };

describe("environmentBaseUrls", () => {
  it("gives the chosen environment's URL for every host, and nothing when none is chosen", () => {
    expect(environmentBaseUrls(environments, "test")).toEqual({ api: "https://api.test.example", track: "https://t.test.example" });
    expect(environmentBaseUrls(environments, undefined)).toBeUndefined();
  });

  it("refuses an unknown environment, naming the field and the choices", () => {
    const attempt = () => environmentBaseUrls(environments, "toString", "env");
    expect(attempt).toThrow(SegConfigError);
    expect(attempt).toThrow("env: must be one of live, test");
  });
});
