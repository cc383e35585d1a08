// Segmint's own paths to a leak, beyond the shared matrix (conformance.test.ts: every documented
// status, echoes from the API and the token endpoint, resets and timeouts): a token response the
// client cannot read, a token endpoint that hangs, the escape hatch, and the logs of a whole token
// life cycle. The username, the password (raw, URL-encoded and inside the Basic header) and every
// token stay out of all of them.
import { REDACTED, SegApiError, SegError, SegTimeoutError } from "@seg/core";
import { caught, errorSurfaces, keepingLogger, leaksIn } from "@seg/test-server/conformance";
import { afterEach, describe, expect, it } from "vitest";
import { unwrap, type SegmintClient } from "../src/index.ts";
import { BASIC, FAST_RETRY, fakeSegmint, getCampaign, PASSWORD, tokenNo, USERNAME, type FakeSegmint, type FakeSegmintOptions } from "./harness.ts";

const SECRETS = [USERNAME, PASSWORD, encodeURIComponent(PASSWORD), BASIC.slice("Basic ".length), ...[1, 2, 3, 4].map(tokenNo)];

/** A server echoing what it was sent and what it knows: the credentials, and the token it issued. */
const echo = (r: { headers: Record<string, unknown>; path: string }) => {
  const sent = String(r.headers.authorization);
  return { message: `rejected ${sent} for ${USERNAME} / ${PASSWORD} at ${r.path}`, authorization: sent, [USERNAME]: PASSWORD };
};

interface Scenario {
  fake: FakeSegmintOptions;
  call: (client: SegmintClient) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  type: abstract new (...args: never[]) => SegError;
  echoed?: boolean;
}

const scenarios: Record<string, Scenario> = {
  "token endpoint answers 200 with the token under an unknown key": {
    fake: { onToken: () => ({ status: 200, json: { accessToken: tokenNo(1), user: USERNAME } }) },
    call: getCampaign,
    type: SegError,
  },
  "token endpoint hangs": {
    fake: { onToken: () => "hang", client: { timeoutMs: 1_000, retry: false } },
    call: getCampaign,
    type: SegTimeoutError,
  },
  "undocumented call 404 echoing the token": {
    fake: { onApi: (r) => ({ status: 404, json: echo(r) }) },
    call: (client) => client.undocumented("GET", "/customer-insights/v1/x"),
    type: SegApiError,
    echoed: true,
  },
};

let fake: FakeSegmint | undefined;
afterEach(async () => {
  await fake?.server.close();
  fake = undefined;
});

describe("no secret on Segmint's own error paths", () => {
  it.each(Object.entries(scenarios))("%s", async (_name, scenario) => {
    const { lines, logger } = keepingLogger();
    fake = await fakeSegmint({ ...scenario.fake, client: { retry: FAST_RETRY, logger, logLevel: "debug", ...scenario.fake.client } });
    const client = fake.client;

    const error = await caught(async () => unwrap(await scenario.call(client)));

    expect(error).toBeInstanceOf(scenario.type);
    expect(lines.length).toBeGreaterThan(0);
    expect(leaksIn({ ...errorSurfaces(error), logs: lines.join("\n") }, SECRETS)).toEqual([]);
    if (scenario.echoed) expect((error as Error).message).toContain(REDACTED);
  });
});

describe("no secret in the logs of a healthy life cycle", () => {
  it("exchange, calls, a 401 renewal and a replay, logged at debug", async () => {
    const { lines, logger } = keepingLogger();
    fake = await fakeSegmint({ client: { logger, logLevel: "debug" } });
    await getCampaign(fake.client);
    fake.revoke();
    await getCampaign(fake.client);
    await fake.client.undocumented("GET", "/customer-insights/v1/x");

    expect(lines.some((line) => line.includes("401, renewing credentials"))).toBe(true);
    expect(lines.some((line) => line.includes("createToken"))).toBe(true);
    expect(leaksIn({ logs: lines.join("\n") }, SECRETS)).toEqual([]);
  });
});
