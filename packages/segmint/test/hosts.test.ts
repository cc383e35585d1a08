// Which host the token exchange and the API calls go to. The client's fetch is wrapped to record
// the URL it was asked for and send the request to a local server instead.
import { startTestServer, type TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { createSegmintClient, type SegmintOptions } from "../src/index.ts";
import { PASSWORD, USERNAME } from "./harness.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Makes one documented and one undocumented call; returns the URLs the client asked for. */
async function urlsAskedFor(options: SegmintOptions): Promise<string[]> {
  server = await startTestServer((request) =>
    request.path.endsWith("/auth/v1/token") ? { status: 200, json: { access_token: "t-1" } } : { status: 200, json: {} },
  );
  const local = server.url;
  const asked: string[] = [];
  const client = createSegmintClient({
    username: USERNAME,
    password: PASSWORD,
    ...options,
    fetch: (request) => {
      asked.push(request.url);
      const url = new URL(request.url);
      return fetch(new Request(`${local}${url.pathname}${url.search}`, request));
    },
  });
  await client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: "1234" } } });
  await client.undocumented("GET", "/data-cleansing/v1/jobs");
  return asked;
}

const calls = (base: string): string[] => [
  `${base}/auth/v1/token?grant_type=token`,
  `${base}/campaigns/1234`,
  `${base}/data-cleansing/v1/jobs`,
];

describe("environment and baseUrl", () => {
  it.each<[string, SegmintOptions, string]>([
    ["no option: production", {}, "https://dataservices.segmint.net"],
    ["environment: production", { environment: "production" }, "https://dataservices.segmint.net"],
    ["environment: stage", { environment: "stage" }, "https://dataservices-stage.segmint.net"],
    ["environment: demo", { environment: "demo" }, "https://dataservices-demo.segmint.net"],
    ["baseUrl", { baseUrl: "https://proxy.example.com" }, "https://proxy.example.com"],
    ["baseUrl with a path and trailing slashes", { baseUrl: "https://proxy.example.com/segmint//" }, "https://proxy.example.com/segmint"],
    ["baseUrl wins over environment", { environment: "demo", baseUrl: "http://10.0.0.1:8080" }, "http://10.0.0.1:8080"],
  ])("%s", async (_name, options, base) => {
    expect(await urlsAskedFor(options)).toEqual(calls(base));
  });

  it("a baseUrl with a path prefix reaches the server under that prefix", async () => {
    server = await startTestServer((request) =>
      request.path.endsWith("/auth/v1/token") ? { status: 200, json: { access_token: "t-1" } } : { status: 200, json: {} },
    );
    const client = createSegmintClient({ username: USERNAME, password: PASSWORD, baseUrl: `${server.url}/proxy/segmint/` });
    await client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: "7" } } });
    expect(server.requests.map((r) => r.path)).toEqual(["/proxy/segmint/auth/v1/token", "/proxy/segmint/campaigns/7"]);
  });
});
