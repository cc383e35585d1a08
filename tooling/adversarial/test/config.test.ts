// Configuration mistakes are SegConfigErrors naming the option when the client is created (or, for
// per-call options, when the call starts), never a platform error later and never an echo of the
// value, which may be a key pasted into the wrong option. Base URLs, credentials, environment
// variables and transport numbers, for every vendor the specs describe.
import { SegConfigError } from "@seg/core";
import { startTestServer, type RecordedRequest, type TestServer } from "@seg/test-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  apiRequests,
  baseUrlOptions,
  baseUrlSlots,
  CALLABLE,
  callOp,
  construct,
  constructorOf,
  label,
  okOf,
  SPECS,
  type AnyClient,
  type SpecOperation,
} from "./operations.ts";
import { surfaces } from "./surfaces.ts";

/**
 * Where every valid host of a client that must fail at construction points: it must never hear
 * from one (a constructor that fetched a token early, say, would show here).
 */
let witness: TestServer;
let WITNESS = "";
beforeAll(async () => {
  witness = await startTestServer();
  WITNESS = witness.url;
});
afterAll(async () => {
  await witness.close();
});

const servers: TestServer[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function vendorServer(vendor: string): Promise<TestServer> {
  const server = await startTestServer(okOf(vendor));
  servers.push(server);
  return server;
}

/** Marks what must never be quoted back in an error. */
const MARK = "CFG_DO_NOT_ECHO";

/** What `create` threw; fails the test if it did not throw a SegConfigError on `field`, or echoed `hidden`. */
function thrownAtConstruction(create: () => unknown, field: string, hidden: readonly string[] = []): SegConfigError {
  let error: unknown;
  try {
    create();
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(SegConfigError);
  expect((error as SegConfigError).field).toBe(field);
  for (const text of [MARK, ...hidden]) expect(surfaces(error)).not.toContain(text);
  expect(witness.requests).toHaveLength(0);
  return error as SegConfigError;
}

/** The first documented operation of each vendor: what a per-call option rides on. */
const FIRST: readonly SpecOperation[] = SPECS.map((spec) => CALLABLE.find((op) => op.vendor === spec.vendor)).filter((op): op is SpecOperation => op !== undefined);
/** One documented operation per host of each vendor: what shows a host's base URL is used. */
const PER_HOST = SPECS.flatMap((spec) => spec.hosts.map((host) => CALLABLE.find((op) => op.vendor === spec.vendor && op.host === host)).filter((op): op is SpecOperation => op !== undefined));

// ─────────────────────────────── base URLs ───────────────────────────────

const HOSTILE_URLS: readonly (readonly [string, unknown])[] = [
  ['"not a url"', "not a url"],
  ['"ftp://x"', "ftp://x"],
  ['"https://user:pw@x"', "https://user:pw@x"],
  ['"https://x/?q"', "https://x/?q"],
  ['"https://x/#f"', "https://x/#f"],
  ['"https://x/?" (an empty query)', "https://x/?"],
  ['"https://x/#" (an empty fragment)', "https://x/#"],
  ['"javascript:alert(1)"', "javascript:alert(1)"],
  ['"file:///etc/passwd"', "file:///etc/passwd"],
  ['"//x/path" (no scheme)', "//x/path"],
  ["a key pasted into it", `not a url ${MARK}`],
  ["credentials in it", `https://user:${MARK}@x.example`],
  ["a key in its query", `https://x.example/?api_key=${MARK}`],
  ["a key in its fragment", `https://x.example/#${MARK}`],
  ["a number", 987654321],
  ["an object", { url: `https://${MARK}.example` }],
];

const BASE_URL_TARGETS = SPECS.flatMap((spec) => baseUrlSlots(spec).map((slot) => [`${spec.vendor} ${slot.field}`, spec, slot] as const));

describe.each(BASE_URL_TARGETS)("%s", (_name, spec, slot) => {
  it.each(HOSTILE_URLS)("refuses %s at construction, without echoing it", (_what, value) => {
    const hidden = typeof value === "string" || typeof value === "number" ? [String(value)] : [];
    thrownAtConstruction(() => constructorOf(spec.vendor).create({ ...constructorOf(spec.vendor).credentials, ...baseUrlOptions(spec, WITNESS, { [slot.field]: value }) }), slot.field, hidden);
  });

  it.each(HOSTILE_URLS.filter(([, value]) => typeof value === "string"))(`refuses %s in ${slot.env}, naming the variable (or the option it stands for)`, (_what, value) => {
    // Every host from the environment, this one hostile.
    for (const other of baseUrlSlots(spec)) vi.stubEnv(other.env, other.host === slot.host ? (value as string) : other.value(WITNESS));
    let error: unknown;
    try {
      constructorOf(spec.vendor).create({ ...constructorOf(spec.vendor).credentials });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(SegConfigError);
    expect(witness.requests).toHaveLength(0);
    // Core names the variable; @seg/segmenter reads its own and names the option (see the report).
    expect([slot.env, slot.field]).toContain((error as SegConfigError).field);
    expect(surfaces(error)).not.toContain(value as string);
    expect(surfaces(error)).not.toContain(MARK);
  });
});

/** Every non-empty, proper subset of a list. */
const subsets = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: 2 ** items.length - 2 }, (_, mask) => items.filter((_item, at) => ((mask + 1) >> at) & 1));

const SEVERAL_HOSTS = SPECS.filter((spec) => spec.hosts.length > 1);

describe.each(SEVERAL_HOSTS.map((spec) => [spec.vendor, spec] as const))("%s with several hosts", (_name, spec) => {
  const slots = baseUrlSlots(spec);

  it.each(subsets(slots).map((some) => [some.map((slot) => slot.host).join(" and "), some] as const))(
    "overriding only %s is refused at construction: field baseUrls names the missing hosts",
    (_given, some) => {
      const { baseUrls } = baseUrlOptions(spec, WITNESS) as { baseUrls: Record<string, string> };
      const partial = Object.fromEntries(some.map((slot) => [slot.host, baseUrls[slot.host]]));
      const error = thrownAtConstruction(() => construct(spec.vendor, WITNESS, { baseUrls: partial }), "baseUrls");
      for (const slot of slots) if (!some.includes(slot)) expect(error.message).toContain(slot.host);
    },
  );

  it.each(subsets(slots).map((some) => [some.map((slot) => slot.env).join(" and "), some] as const))("only %s in the environment is refused the same way", (_given, some) => {
    for (const slot of some) vi.stubEnv(slot.env, slot.value(WITNESS));
    const error = thrownAtConstruction(() => constructorOf(spec.vendor).create({ ...constructorOf(spec.vendor).credentials }), "baseUrls");
    for (const slot of slots) if (!some.includes(slot)) expect(error.message).toContain(slot.host);
  });

  it.each(["staging", "__proto__x", "Import"])("an unknown host key %s is refused as baseUrls.<key>", (key) => {
    const { baseUrls } = baseUrlOptions(spec, WITNESS) as { baseUrls: Record<string, string> };
    thrownAtConstruction(() => construct(spec.vendor, WITNESS, { baseUrls: { ...baseUrls, [key]: WITNESS } }), `baseUrls.${key}`);
  });
});

describe.each(SPECS.map((spec) => [baseUrlSlots(spec).map((slot) => slot.env).join(", "), spec] as const))("the environment: %s", (_name, spec) => {
  const ops = PER_HOST.filter((op) => op.vendor === spec.vendor);

  it("routes every host's calls to the test server", async () => {
    const server = await vendorServer(spec.vendor);
    for (const slot of baseUrlSlots(spec)) vi.stubEnv(slot.env, slot.value(server.url));
    const client = constructorOf(spec.vendor).create({ ...constructorOf(spec.vendor).credentials, retry: false });
    for (const op of ops) {
      const result = await callOp(client, op);
      expect(result.response.ok, label(op)).toBe(true);
    }
    expect(apiRequests(server.requests, spec.vendor)).toHaveLength(ops.length);
    if (spec.hosts.length > 1) {
      for (const [at, op] of ops.entries()) expect(apiRequests(server.requests, spec.vendor)[at]?.path.startsWith(`/${op.host}/`), label(op)).toBe(true);
    }
  });

  it("options win over the environment: a server named only there receives nothing", async () => {
    const server = await vendorServer(spec.vendor);
    const elsewhere = await vendorServer(spec.vendor);
    for (const slot of baseUrlSlots(spec)) vi.stubEnv(slot.env, slot.value(elsewhere.url));
    const client = construct(spec.vendor, server.url);
    for (const op of ops) await callOp(client, op);
    expect(apiRequests(server.requests, spec.vendor)).toHaveLength(ops.length);
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe.each(SPECS.map((spec) => [spec.vendor] as const))("creating a %s client", (vendor) => {
  it("sends nothing by itself (no early token exchange, no probe)", async () => {
    const server = await vendorServer(vendor);
    construct(vendor, server.url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(0);
  });
});

// ─────────────────────────────── credentials ───────────────────────────────

const HOSTILE_CREDENTIALS: readonly (readonly [string, unknown])[] = [
  ["CRLF and a second header", `${MARK}\r\nX-Injected: 1`],
  ["LF", `${MARK}\n`],
  ["CR", `a\r${MARK}`],
  ["NUL", `${MARK}\0`],
  ["a number", 424242424242],
  ["an object", { key: MARK }],
  ["an array", [MARK]],
  ["a boolean", true],
];

const CREDENTIAL_TARGETS = SPECS.flatMap((spec) => Object.keys(constructorOf(spec.vendor).credentials).map((option) => [`${spec.vendor} ${option}`, spec, option] as const));

describe.each(CREDENTIAL_TARGETS)("credential option %s", (_name, spec, option) => {
  it.each(HOSTILE_CREDENTIALS)("with %s is refused when the client is created, naming the option, never quoting the value", (_what, value) => {
    const hidden = typeof value === "number" ? [String(value)] : [];
    thrownAtConstruction(() => construct(spec.vendor, WITNESS, { [option]: value }), option, hidden);
  });

  it("outside Latin-1 is refused at construction naming the option, or else works: never a failure at call time", async () => {
    const server = await vendorServer(spec.vendor);
    const op = FIRST.find((candidate) => candidate.vendor === spec.vendor) as SpecOperation;
    let client: AnyClient;
    try {
      client = construct(spec.vendor, server.url, { [option]: "ключ-é-😀-DO_NOT_LEAK" });
    } catch (error) {
      expect(error).toBeInstanceOf(SegConfigError);
      expect((error as SegConfigError).field).toBe(option);
      return;
    }
    // Accepted: then it must be sendable (in a URL, a JSON body, a UTF-8 Basic pair).
    const result = await callOp(client, op);
    expect(result.response.ok).toBe(true);
    expect(apiRequests(server.requests, spec.vendor)).toHaveLength(1);
  });
});

// ─────────────────────────────── transport numbers ───────────────────────────────

const HOSTILE_NUMBERS: readonly (readonly [string, Record<string, unknown>, string])[] = [
  ["timeoutMs: 0", { timeoutMs: 0 }, "timeoutMs"],
  ["timeoutMs: -1", { timeoutMs: -1 }, "timeoutMs"],
  ["timeoutMs: NaN", { timeoutMs: NaN }, "timeoutMs"],
  ['timeoutMs: "30"', { timeoutMs: "30" }, "timeoutMs"],
  ["timeoutMs: -Infinity", { timeoutMs: -Infinity }, "timeoutMs"],
  ["deadlineMs: 0", { deadlineMs: 0 }, "deadlineMs"],
  ["deadlineMs: -1", { deadlineMs: -1 }, "deadlineMs"],
  ["deadlineMs: NaN", { deadlineMs: NaN }, "deadlineMs"],
  ['deadlineMs: "30"', { deadlineMs: "30" }, "deadlineMs"],
  ["retry.maxRetries: -1", { retry: { maxRetries: -1 } }, "retry.maxRetries"],
  ["retry.maxRetries: 1.5", { retry: { maxRetries: 1.5 } }, "retry.maxRetries"],
  ["retry.maxRetries: NaN", { retry: { maxRetries: NaN } }, "retry.maxRetries"],
  ['retry.maxRetries: "3"', { retry: { maxRetries: "3" } }, "retry.maxRetries"],
];

describe.each(FIRST.map((op) => [label(op), op] as const))("transport numbers, %s", (_name, op) => {
  it.each(HOSTILE_NUMBERS)("%s is refused at construction", (_what, options, field) => {
    thrownAtConstruction(() => construct(op.vendor, WITNESS, options), field);
  });

  it.each(HOSTILE_NUMBERS)("%s per call rejects the call, nothing sent", async (_what, options, field) => {
    const server = await vendorServer(op.vendor);
    const client = construct(op.vendor, server.url);
    const error = await callOp(client, op, (init) => ({ ...init, ...options })).then(
      () => undefined,
      (rejected: unknown) => rejected,
    );
    expect(error).toBeInstanceOf(SegConfigError);
    expect((error as SegConfigError).field).toBe(field);
    expect(server.requests).toHaveLength(0);
  });
});

const NO_LIMIT: readonly (readonly [string, Record<string, unknown>])[] = [
  ["timeoutMs: Infinity", { timeoutMs: Infinity }],
  ["timeoutMs: 2 ** 31 + 5", { timeoutMs: 2 ** 31 + 5 }],
  ["deadlineMs: Infinity", { deadlineMs: Infinity }],
  ["deadlineMs: 2 ** 31 + 5", { deadlineMs: 2 ** 31 + 5 }],
  ["both Infinity", { timeoutMs: Infinity, deadlineMs: Infinity }],
  ["both 2 ** 31 + 5", { timeoutMs: 2 ** 31 + 5, deadlineMs: 2 ** 31 + 5 }],
];

// Beyond a timer's 2³¹-1 ms, setTimeout fires at once: these must mean "no limit", not "1 ms".
// Concurrent, each with its own server answering after 100 ms, so the block takes ~100 ms, not 5 s.
describe.concurrent.each(FIRST.map((op) => [label(op), op] as const))("no limit, %s", (_name, op) => {
  const PLACES = [
    ["at construction", (client: (options: Record<string, unknown>) => AnyClient, options: Record<string, unknown>) => callOp(client(options), op)],
    ["per call", (client: (options: Record<string, unknown>) => AnyClient, options: Record<string, unknown>) => callOp(client({}), op, (init) => ({ ...init, ...options }))],
  ] as const;
  const cases = NO_LIMIT.flatMap(([what, options]) => PLACES.map(([place, run]) => [`${what} ${place}`, options, run] as const));

  it.for(cases)("%s does not time out a server answering after 100 ms", async ([, options, run], { expect: local }) => {
    // Its own server, closed here: the file's afterEach would close the servers of tests still running.
    const ok = okOf(op.vendor);
    const server = await startTestServer((request) => {
      const reply = ok(request);
      return typeof reply === "object" ? { ...reply, delayMs: 100 } : reply;
    });
    try {
      const result = await run((given) => construct(op.vendor, server.url, given), options);
      local(result.response.ok).toBe(true);
      local(apiRequests(server.requests, op.vendor)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe("a request the server saw under an environment base URL", () => {
  it("is the same request as with the option", async () => {
    const [op] = FIRST;
    if (!op) throw new Error("no operations");
    const spec = SPECS.find((candidate) => candidate.vendor === op.vendor);
    if (!spec) throw new Error("no spec");
    const viaOption = await vendorServer(op.vendor);
    await callOp(construct(op.vendor, viaOption.url), op);
    const viaEnv = await vendorServer(op.vendor);
    for (const slot of baseUrlSlots(spec)) vi.stubEnv(slot.env, slot.value(viaEnv.url));
    await callOp(constructorOf(op.vendor).create({ ...constructorOf(op.vendor).credentials, retry: false }), op);
    const pick = (request: RecordedRequest | undefined) => ({ method: request?.method, path: request?.path, query: request?.rawQuery, body: request?.body });
    expect(pick(apiRequests(viaEnv.requests, op.vendor)[0])).toEqual(pick(apiRequests(viaOption.requests, op.vendor)[0]));
  });
});
