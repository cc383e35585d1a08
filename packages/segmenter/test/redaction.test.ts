// Segmenter's own refusals never carry the API key: the replace guard's, and a configuration error
// when the key and the base URL are swapped. Every failure of a call, with the key echoed back:
// conformance.test.ts.
import type { TestServer } from "@seg/test-server";
import { caught, errorSurfaces, leaksIn } from "@seg/test-server/conformance";
import { afterEach, describe, expect, it } from "vitest";
import { createSegmenterClient, SegConfigError, type SegmentPerson } from "../src/index.ts";
import { API_KEY, clientWithServer } from "./harness.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the API key never leaks", () => {
  it("from the replace guard's refusal", async () => {
    const started = await clientWithServer();
    server = started.server;
    const nobody: SegmentPerson[] = [];
    const error = await caught(() => started.client.updateSegment({ id: "s", persons: nobody }));
    expect(error).toBeInstanceOf(SegConfigError);
    expect(leaksIn(errorSurfaces(error), [API_KEY])).toEqual([]);
  });

  it("from the config error of a key given as the base URL by mistake", async () => {
    const error = await caught(() => createSegmenterClient({ apiKey: "https://segmenter.example.com", baseUrl: API_KEY }));
    expect(error).toBeInstanceOf(SegConfigError);
    expect((error as SegConfigError).field).toBe("baseUrl");
    expect(leaksIn(errorSurfaces(error), [API_KEY])).toEqual([]);
  });
});
