import { describe, expect, it } from "vitest";
import { readTokenResponse, SegError } from "../src/index.ts";

describe("readTokenResponse", () => {
  it("reads OAuth's access_token, or a bare token, with a lifetime in seconds when one is stated", () => {
    expect(readTokenResponse('{"access_token":"a1","expires_in":3600}', 200, "acme createToken")).toEqual({ token: "a1", expiresInMs: 3_600_000 });
    expect(readTokenResponse('{"token":"t1","expiresIn":"60"}', 200, "acme createToken")).toEqual({ token: "t1", expiresInMs: 60_000 });
    expect(readTokenResponse('{"access_token":"a1","expires_in":0}', 200, "acme createToken")).toEqual({ token: "a1", expiresInMs: undefined });
    expect(readTokenResponse('{"access_token":"a1","expires_in":"soon"}', 200, "acme createToken")).toEqual({ token: "a1", expiresInMs: undefined });
  });

  it("refuses an answer without a token, naming the call and never quoting the body", () => {
    for (const text of ['{"access_token":"  "}', "not json s3cret", "[]", ""]) {
      const attempt = () => readTokenResponse(text, 200, "acme createToken");
      expect(attempt).toThrow(SegError);
      expect(attempt).toThrow('acme createToken answered HTTP 200 without "access_token" or "token"');
    }
  });
});
