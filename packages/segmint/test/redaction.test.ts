// The username, the password (raw, URL-encoded and inside the Basic header) and every token stay
// out of every error path: messages, JSON.stringify, util.inspect, stacks and debug logs, even when
// the server echoes them back.
import { inspect } from "node:util";
import { REDACTED, SegApiError, SegConnectionError, SegError, SegTimeoutError, type Logger } from "@seg/core";
import { afterEach, describe, expect, it } from "vitest";
import { unwrap, type SegmintClient } from "../src/index.ts";
import { BASIC, FAST_RETRY, fakeSegmint, getCampaign, PASSWORD, tokenNo, USERNAME, type FakeSegmint, type FakeSegmintOptions } from "./harness.ts";

const SECRETS = [
  USERNAME,
  PASSWORD,
  encodeURIComponent(PASSWORD),
  BASIC.slice("Basic ".length),
  ...[1, 2, 3, 4].map(tokenNo),
];

/** Everything a human or a log pipeline could see of an error. */
const surfaces = (error: unknown): string[] => [
  (error as Error).message,
  JSON.stringify(error),
  inspect(error, { depth: 10 }),
  String((error as Error).stack),
];

/** The error of a call, thrown by the client or by `unwrap`. */
async function failureOf(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<unknown> {
  try {
    unwrap(await call);
  } catch (error) {
    return error;
  }
  throw new Error("the call succeeded");
}

/** A server echoing what it was sent and what it knows: the credentials, and the token it issued. */
const echo = (r: { headers: Record<string, unknown>; path: string }) => {
  const sent = String(r.headers.authorization);
  const token = sent.startsWith("Bearer ") ? sent.slice("Bearer ".length) : "(none)";
  return {
    message: `rejected ${sent} for ${USERNAME} / ${PASSWORD} at ${r.path}`,
    authorization: sent,
    [USERNAME]: PASSWORD,
    nested: { password: PASSWORD, token, hint: `token was ${token}, basic was ${sent.replace(/^Basic /, "")}` },
  };
};

interface Scenario {
  fake: FakeSegmintOptions;
  call: (client: SegmintClient, fake: FakeSegmint) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  /** The class of error expected. */
  type: abstract new (...args: never[]) => SegError;
  /** The server echoed a secret, so the error must show a redaction. */
  echoed?: boolean;
}

const campaign = (client: SegmintClient) => getCampaign(client);
const afterRevoke = async (client: SegmintClient, fake: FakeSegmint) => {
  await getCampaign(client);
  fake.revoke();
  return getCampaign(client);
};

const scenarios: Record<string, Scenario> = {
  "bad credentials, echoed by the token endpoint": {
    fake: { onToken: (r) => ({ status: 401, json: echo(r) }) },
    call: campaign,
    type: SegApiError,
    echoed: true,
  },
  "token endpoint 500s echoing the credentials (retried)": {
    fake: { onToken: (r) => ({ status: 500, json: echo(r) }) },
    call: campaign,
    type: SegApiError,
    echoed: true,
  },
  "token endpoint answers text echoing the Basic header": {
    fake: { onToken: (r) => ({ status: 400, body: `bad header ${String(r.headers.authorization)}`, headers: { "content-type": "text/plain" } }) },
    call: campaign,
    type: SegApiError,
    echoed: true,
  },
  "token endpoint answers 200 with the token under an unknown key": {
    fake: { onToken: () => ({ status: 200, json: { accessToken: tokenNo(1), user: USERNAME } }) },
    call: campaign,
    type: SegError,
  },
  "token endpoint resets the connection": {
    fake: { onToken: () => "reset" },
    call: campaign,
    type: SegConnectionError,
  },
  "token endpoint hangs": {
    fake: { onToken: () => "hang", client: { timeoutMs: 100, retry: false } },
    call: campaign,
    type: SegTimeoutError,
  },
  "API 403 echoing the bearer token": {
    fake: { onApi: (r) => ({ status: 403, json: echo(r) }) },
    call: campaign,
    type: SegApiError,
    echoed: true,
  },
  "API 401 after renewal, echoing both tokens": {
    fake: { onApi: (r, n) => (n === 1 ? undefined : { status: 401, json: echo(r) }) },
    call: afterRevoke,
    type: SegApiError,
    echoed: true,
  },
  "API 404 as text echoing the token": {
    fake: { onApi: (r) => ({ status: 404, body: `no such campaign for ${String(r.headers.authorization)}` }) },
    call: campaign,
    type: SegApiError,
    echoed: true,
  },
  "API 503 echoing everything (retried)": {
    fake: { onApi: (r) => ({ status: 503, json: echo(r) }) },
    call: campaign,
    type: SegApiError,
    echoed: true,
  },
  "API resets the connection": {
    fake: { onApi: () => "reset" },
    call: campaign,
    type: SegConnectionError,
  },
  "API hangs": {
    fake: { onApi: () => "hang", client: { timeoutMs: 100, retry: false } },
    call: campaign,
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

describe("no secret on any error path", () => {
  it.each(Object.entries(scenarios))("%s", async (_name, scenario) => {
    const lines: string[] = [];
    const record =
      (level: string) =>
      (message: string, fields?: Record<string, unknown>): void => {
        lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
      };
    const logger: Logger = { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
    fake = await fakeSegmint({
      ...scenario.fake,
      client: { retry: FAST_RETRY, logger, logLevel: "debug", ...scenario.fake.client },
    });

    const error = await failureOf(scenario.call(fake.client, fake));

    expect(error).toBeInstanceOf(scenario.type);
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [...surfaces(error), ...lines]) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
    if (scenario.echoed) expect((error as Error).message).toContain(REDACTED);
  });
});

describe("no secret in the logs of a healthy life cycle", () => {
  it("exchange, calls, a 401 renewal and a replay, logged at debug", async () => {
    const lines: string[] = [];
    const record = (message: string, fields?: Record<string, unknown>): void => {
      lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
    };
    fake = await fakeSegmint({ client: { logger: { debug: record, info: record, warn: record, error: record }, logLevel: "debug" } });
    await getCampaign(fake.client);
    fake.revoke();
    await getCampaign(fake.client);
    await fake.client.undocumented("GET", "/customer-insights/v1/x");

    expect(lines.some((line) => line.includes("401, renewing credentials"))).toBe(true);
    expect(lines.some((line) => line.includes("createToken"))).toBe(true);
    for (const line of lines) for (const secret of SECRETS) expect(line).not.toContain(secret);
  });
});
