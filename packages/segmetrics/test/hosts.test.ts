// Without overrides each operation goes to the host the docs give it. The client's fetch is wrapped
// to record the URL it was asked for and send the request to a local server instead.
import { startTestServer } from "@seg/test-server";
import { describe, expect, it } from "vitest";
import { createSegmetricsClient } from "../src/index.ts";

describe("default hosts", () => {
  it("sends each API area to its own documented host, with ids in the URL", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { status: "success" } }));
    const asked: string[] = [];
    const client = createSegmetricsClient({
      accountId: "acc1",
      integrationId: "int2",
      apiKey: "key",
      fetch: (request) => {
        asked.push(request.url);
        const local = new URL(request.url);
        return fetch(new Request(`${server.url}${local.pathname}${local.search}`, request));
      },
    });

    await client.POST("/contact", { body: { email: "joey@bloggs.com" } });
    await client.GET("/identify", { params: { query: { seg_uid: "u1", email: "joey@bloggs.com" } } });
    await client.GET("/report/{report_type}", { params: { path: { report_type: "leads" } } });
    await client.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: 249 } } });
    await client.DELETE("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: 249 } } });

    expect(asked).toEqual([
      "https://import.segmetrics.io/api/v1/acc1/int2/contact",
      "https://track.segmetrics.io/identify?account_id=acc1&seg_uid=u1&email=joey%40bloggs.com",
      "https://api.segmetrics.io/acc1/report/leads",
      "https://api.segmetrics.io/acc1/contact/249",
      "https://import.segmetrics.io/api/v1/acc1/int2/contact/249",
    ]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["key", undefined, "key", "key", "key"]);
  });
});
