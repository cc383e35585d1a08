// Hostile path, query, header and body values from the caller, for every operation the specs
// describe (and every vendor's `undocumented` escape hatch). A value that could address another
// resource, add a parameter, split a header or not serialise is refused with a SegConfigError naming
// it before anything is sent; a value that is merely odd reaches the server as exactly one segment,
// one parameter, percent-encoded.
import { SegConfigError } from "@seg/core";
import { startTestServer, type RecordedRequest, type TestServer } from "@seg/test-server";
import { afterAll, describe, expect, it } from "vitest";
import {
  apiRequests,
  CALLABLE,
  callOp,
  clientOf,
  commaArrays,
  label,
  okOf,
  SPECS,
  specOf,
  undocumentedOp,
  type Init,
  type SpecOperation,
} from "./operations.ts";
import { rejection, surfaces } from "./surfaces.ts";

// One server per vendor for the whole file (over a thousand cases): tests run one at a time, and each
// starts from an empty request log.
const servers = new Map<string, Promise<TestServer>>();
afterAll(async () => {
  await Promise.all([...servers.values()].map(async (server) => (await server).close()));
});

async function vendorServer(vendor: string): Promise<TestServer> {
  let server = servers.get(vendor);
  if (!server) servers.set(vendor, (server = startTestServer(okOf(vendor))));
  const started = await server;
  started.requests.splice(0);
  return started;
}

/** Marks what must never be quoted back in an error. */
const MARK = "HOSTILE_DO_NOT_ECHO";

/** Runs `op` with `change` applied and expects a SegConfigError on `field` with nothing sent. */
async function refused(op: SpecOperation, change: (init: Init) => Init, field: string | RegExp): Promise<SegConfigError> {
  const server = await vendorServer(op.vendor);
  const error = await rejection(() => callOp(clientOf(op.vendor, server.url), op, change));
  expect(error).toBeInstanceOf(SegConfigError);
  if (typeof field === "string") expect((error as SegConfigError).field).toBe(field);
  else expect((error as SegConfigError).field).toMatch(field);
  expect(server.requests).toHaveLength(0);
  expect(surfaces(error)).not.toContain(MARK);
  return error as SegConfigError;
}

/** Runs `op` with `change` applied and returns the one API request the server saw. */
async function sent(op: SpecOperation, change: (init: Init) => Init): Promise<RecordedRequest> {
  const server = await vendorServer(op.vendor);
  const result = await callOp(clientOf(op.vendor, server.url), op, change);
  expect(result.response.ok).toBe(true);
  const requests = apiRequests(server.requests, op.vendor);
  expect(requests).toHaveLength(1);
  return requests[0] as RecordedRequest;
}

const withPath = (name: string, value: unknown) => (init: Init): Init => ({ ...init, params: { ...init.params, path: { ...init.params?.path, [name]: value } } });
const withoutPath = (name: string) => (init: Init): Init => {
  const path = { ...init.params?.path };
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the parameter under test, left out
  delete path[name];
  return { ...init, params: { ...init.params, path } };
};
const withQuery = (query: Record<string, unknown>) => (init: Init): Init => ({ ...init, params: { ...init.params, query: { ...init.params?.query, ...query } } });

/** Every documented operation plus each vendor's escape hatch. */
const TARGETS: readonly SpecOperation[] = [...CALLABLE, ...SPECS.map((spec) => undocumentedOp(spec.vendor))];

// ─────────────────────────────── path parameters ───────────────────────────────

const HOSTILE_PATH: readonly (readonly [string, unknown])[] = [
  ['".."', ".."],
  ['"."', "."],
  ['""', ""],
  ["{}", {}],
  ["[]", []],
  ['["a"]', ["a"]],
  ["undefined", undefined],
  ["null", null],
  ["true", true],
  ["false", false],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
  ['{"../../../../admin?x": ""}', { [`../../../../admin?x=${MARK}`]: "" }],
  ["a lone surrogate \\uD800", `\uD800${MARK}`],
  ["a lone low surrogate \\uDC00", `${MARK}\uDC00`],
  ["a BigInt", 1234n],
  ["a function", () => MARK],
  ["a symbol", Symbol(MARK)],
  ["a Date", new Date(0)],
];

/** Values that are fine as one segment, percent-encoded. */
const SENT_PATH: readonly (readonly [string, string | number])[] = [
  ['"a/b?c#d"', "a/b?c#d"],
  ['"..a"', "..a"],
  ['"a.."', "a.."],
  ['"..."', "..."],
  ['"%2e%2e" (a literal percent sign, not a dot segment)', "%2e%2e"],
  ['"../../admin"', "../../admin"],
  ['"a&b=c"', "a&b=c"],
  ['" " (a space)', " "],
  ['"joey@bloggs.com"', "joey@bloggs.com"],
  ['"é😀"', "é😀"],
  ["1234 (a number)", 1234],
  ["0", 0],
  ["-1", -1],
  ["1.5", 1.5],
];

const PATH_TARGETS = TARGETS.flatMap((op) => op.parameters.filter((p) => p.in === "path").map((p) => [`${label(op)} {${p.name}}`, op, p.name] as const));

describe.each(PATH_TARGETS)("path parameter %s", (_name, op, name) => {
  it.each(HOSTILE_PATH)("refuses %s: SegConfigError params.path.<name>, nothing sent", async (_what, value) => {
    await refused(op, withPath(name, value), `params.path.${name}`);
  });

  it("refuses it left out", async () => {
    await refused(op, withoutPath(name), `params.path.${name}`);
  });

  it.each(SENT_PATH)("sends %s as one percent-encoded segment", async (_what, value) => {
    const request = await sent(op, withPath(name, value));
    const expected = op.path.replace(/\{([^{}]+)\}/g, (_, other: string) => (other === name ? encodeURIComponent(String(value)) : "p1"));
    expect(request.path.endsWith(expected)).toBe(true);
    expect(request.path).not.toMatch(/\/\.\.?(\/|$)/);
    // No part of the value became a query parameter or a fragment.
    const names = new Set(op.parameters.filter((p) => p.in === "query").map((p) => p.name));
    for (const key of request.query.keys()) expect(names).toContain(key);
  });
});

describe.each(TARGETS.map((op) => [label(op), op] as const))("unknown path parameter names on %s", (_name, op) => {
  // A name is the caller's key, not a value: it is named in the field.
  it.each(["not_a_parameter", "../../../../admin?x"])("refuses %s, nothing sent", async (unknown) => {
    await refused(op, withPath(unknown, "x"), `params.path.${unknown}`);
  });
});

// ─────────────────────────────── query values ───────────────────────────────

const HOSTILE_QUERY: readonly (readonly [string, unknown])[] = [
  ["{}", {}],
  ['{"]=1&account_id=victim&x[": "1"}', { [`]=1&account_id=victim&x[${MARK}`]: "1" }],
  ["a nested array", [["a", "b"]]],
  ["an array holding an object", [{ a: MARK }]],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
  ["an array holding NaN", ["ok", NaN]],
  ["a lone surrogate", `${MARK}\uD800`],
  ["an array holding a lone surrogate", ["ok", `\uDC00${MARK}`]],
  ["a function", () => MARK],
  ["a BigInt", 12n],
  ["an array holding a BigInt", [12n]],
  ["a symbol", Symbol(MARK)],
  ["a Date", new Date(0)],
];

type ArrayStyle = "comma-joined (form, explode false)" | "repeated keys (form, explode true)" | undefined;
const styleOf = (comma: boolean): ArrayStyle => (comma ? "comma-joined (form, explode false)" : "repeated keys (form, explode true)");

/**
 * Every query parameter of every operation the caller fills (bound ones have their own tests), with
 * the array style its spec gives it (none for a scalar), and one per escape hatch (the vendor's style).
 */
const QUERY_TARGETS: readonly (readonly [string, SpecOperation, string, ArrayStyle])[] = [
  ...CALLABLE.flatMap((op) =>
    op.parameters
      .filter((p) => p.in === "query" && !p.bound)
      .map((p) => [`${label(op)} ?${p.name}`, op, p.name, p.types.includes("array") ? styleOf(p.commaArray) : undefined] as const),
  ),
  ...SPECS.map((spec) => {
    const op = undocumentedOp(spec.vendor, "GET", "/undocumented");
    return [`${label(op)} ?q`, op, "q", styleOf(commaArrays(spec.vendor))] as const;
  }),
];

const SENT_SCALARS: readonly (readonly [string, string | number | boolean, string])[] = [
  ['"a&account_id=victim#frag"', "a&account_id=victim#frag", "a&account_id=victim#frag"],
  ['"a=b"', "a=b", "a=b"],
  ['"é😀 +"', "é😀 +", "é😀 +"],
  ['""', "", ""],
  ["1.5", 1.5, "1.5"],
  ["-1", -1, "-1"],
  ["true", true, "true"],
  ["false", false, "false"],
];

describe.each(QUERY_TARGETS)("query parameter %s", (_name, op, name, style) => {
  it.each(HOSTILE_QUERY)("refuses %s: SegConfigError params.query.<name>, nothing sent", async (_what, value) => {
    const error = await refused(op, withQuery({ [name]: value }), `params.query.${name}`);
    expect(surfaces(error)).not.toContain("victim");
  });

  it.each(SENT_SCALARS)("sends %s as exactly one parameter", async (_what, value, text) => {
    const request = await sent(op, withQuery({ [name]: value }));
    expect(request.query.getAll(name)).toEqual([text]);
    expect(request.query.has("account_id") ? request.query.getAll("account_id") : []).not.toContain("victim");
  });

  // Only parameters the spec declares as arrays get the array cases (no skipped tests).
  if (style) it(`sends an array of scalars ${style}, each item encoded`, async () => {
    const request = await sent(op, withQuery({ [name]: ["tags", "a,b&c=d", 2, true] }));
    const key = encodeURIComponent(name);
    const items = ["tags", "a%2Cb%26c%3Dd", "2", "true"];
    const comma = style.startsWith("comma");
    expect(request.rawQuery).toContain(comma ? `${key}=${items.join(",")}` : items.map((item) => `${key}=${item}`).join("&"));
    expect(request.query.has("c")).toBe(false);
  });

  if (style?.startsWith("comma")) it("sends extend=tags,events for [\"tags\", \"events\"]", async () => {
    const request = await sent(op, withQuery({ [name]: ["tags", "events"] }));
    expect(request.rawQuery).toContain(`${encodeURIComponent(name)}=tags,events`);
  });
});

describe("query keys and bound values", () => {
  const identify = CALLABLE.find((op) => op.parameters.some((p) => p.in === "query" && p.bound));
  if (!identify) throw new Error("no operation with a bound query parameter in the specs");
  const boundName = identify.parameters.find((p) => p.bound)?.name as string;
  const keyTargets = [identify, ...SPECS.map((spec) => undocumentedOp(spec.vendor, "GET", "/undocumented"))];

  it(`${label(identify)}: seg_uid {"]=1&account_id=victim&x[": "1"} is refused, nothing sent`, async () => {
    const target = identify.parameters.find((p) => p.in === "query" && !p.bound && p.required)?.name as string;
    await refused(identify, withQuery({ [target]: { "]=1&account_id=victim&x[": "1" } }), `params.query.${target}`);
  });

  describe.each(keyTargets.map((op) => [label(op), op] as const))("%s", (_name, op) => {
    it.each(["a&account_id=victim", "a=b#c", "x[]=1&account_id", " é😀"])("a query key %j is one percent-encoded key: the server sees no extra parameter", async (key) => {
      const plain = await sent(op, (init) => init);
      const request = await sent(op, withQuery({ [key]: "1" }));
      expect(request.query.getAll(key)).toEqual(["1"]);
      // Exactly the configured account_id (or none), never the injected one.
      expect(request.query.getAll("account_id")).toEqual(plain.query.getAll("account_id"));
      expect([...request.query.keys()].sort()).toEqual([...plain.query.keys(), key].sort());
    });

    it("a query key with a lone surrogate is a SegConfigError, not a URIError, nothing sent", async () => {
      await refused(op, withQuery({ ["k\uD800"]: "1" }), /^params\.query/);
    });
  });

  it(`${label(identify)}: the bound ${boundName} cannot be replaced per call; the configured value passes`, async () => {
    const plain = await sent(identify, (init) => init);
    const configured = plain.query.get(boundName) as string;
    expect(configured).toBeTruthy();
    await refused(identify, withQuery({ [boundName]: "victim" }), `params.query.${boundName}`);
    const same = await sent(identify, withQuery({ [boundName]: configured }));
    expect(same.query.getAll(boundName)).toEqual([configured]);
  });
});

// ─────────────────────────────── headers ───────────────────────────────

const HOSTILE_HEADER_VALUES: readonly (readonly [string, unknown])[] = [
  ["CRLF and a second header", `a\r\nX-Injected: ${MARK}`],
  ["LF", `a\n${MARK}`],
  ["CR", `a\r${MARK}`],
  ["NUL", `a\0${MARK}`],
  ["only CRLF", "\r\n"],
  ["an array holding CRLF", ["ok", `a\r\n${MARK}`]],
  ["an object", { a: MARK }],
];

const HOSTILE_HEADER_NAMES: readonly (readonly [string, string])[] = [
  ["CRLF", `x-a\r\nX-${MARK}`],
  ["LF", `x-a\n${MARK}`],
  ["NUL", `x-a\0${MARK}`],
  ["a space", `x a${MARK}`],
  ["a colon", `x:${MARK}`],
];

/** The first documented operation of each vendor, and its escape hatch. */
const HEADER_TARGETS = SPECS.flatMap((spec) => [CALLABLE.find((op) => op.vendor === spec.vendor), undocumentedOp(spec.vendor)]).filter(
  (op): op is SpecOperation => op !== undefined,
);

const PLACES = [
  ["headers", (headers: Record<string, unknown>) => (init: Init): Init => ({ ...init, headers })],
  ["params.header", (headers: Record<string, unknown>) => (init: Init): Init => ({ ...init, params: { ...init.params, header: headers } })],
] as const;

describe.each(HEADER_TARGETS.map((op) => [label(op), op] as const))("caller headers on %s", (_name, op) => {
  describe.each(PLACES)("in %s", (place, put) => {
    it.each(HOSTILE_HEADER_VALUES)("a value with %s is refused as <place>.<name>, unquoted, nothing sent", async (_what, value) => {
      await refused(op, put({ "x-trace": value }), `${place}.x-trace`);
    });

    it.each(HOSTILE_HEADER_NAMES)("a name with %s is refused, unquoted, nothing sent", async (_what, name) => {
      // The name is not a token, so it is not quoted in the field either: the field is the place.
      await refused(op, put({ [name]: "v" }), place);
    });

    it("a plain extra header reaches the server", async () => {
      const request = await sent(op, put({ "x-trace": "trace-1" }));
      expect(request.headers["x-trace"]).toBe("trace-1");
    });
  });
});

// Not CR/LF/NUL, but no more sendable: fetch's Headers refuses any character above U+00FF.
describe.each(SPECS.map((spec) => [spec.vendor, CALLABLE.find((op) => op.vendor === spec.vendor) ?? undocumentedOp(spec.vendor)] as const))(
  "%s: a caller header value outside Latin-1",
  (_vendor, op) => {
    it("is a SegConfigError headers.<name> (not the platform's TypeError), nothing sent", async () => {
      await refused(op, (init) => ({ ...init, headers: { "x-trace": "trace-😀" } }), "headers.x-trace");
    });
  },
);

/** Every operation (and escape hatch) that sends a credential header, with that header's name. */
const RESERVED_TARGETS = SPECS.flatMap((spec) =>
  spec.credentialHeaders.flatMap((header) =>
    [...CALLABLE.filter((op) => op.vendor === spec.vendor && op.authenticated), undocumentedOp(spec.vendor)].map((op) => [`${label(op)}: ${header}`, op, header] as const),
  ),
);

describe.each(RESERVED_TARGETS)("credential header %s", (_name, op, header) => {
  const forms: readonly (readonly [string, (init: Init) => Init])[] = [
    [`headers { ${header} }`, (init) => ({ ...init, headers: { [header]: MARK } })],
    [`headers { ${header.toUpperCase()} }`, (init) => ({ ...init, headers: { [header.toUpperCase()]: MARK } })],
    [`headers as a Headers object`, (init) => ({ ...init, headers: new Headers({ [header]: MARK }) })],
    [`params.header { ${header.toLowerCase()} }`, (init) => ({ ...init, params: { ...init.params, header: { [header.toLowerCase()]: MARK } } })],
  ];
  it.each(forms)("a caller's %s cannot replace the client's: SegConfigError headers.<name>, nothing sent", async (_form, change) => {
    await refused(op, change, `headers.${header.toLowerCase()}`);
  });
});

describe("credential headers come from the specs", () => {
  it("every vendor whose spec names a header credential is covered above", () => {
    expect(SPECS.filter((spec) => spec.credentialHeaders.length).map((spec) => spec.vendor).sort()).toEqual(
      [...new Set(RESERVED_TARGETS.map(([, op]) => op.vendor))].sort(),
    );
    expect(specOf("segmenter").credentialHeaders).toEqual(["x-api-key"]);
  });
});

// ─────────────────────────────── bodies ───────────────────────────────

function circular(): Record<string, unknown> {
  const body: Record<string, unknown> = { note: MARK };
  body.self = body;
  return body;
}

const HOSTILE_BODIES: readonly (readonly [string, () => Record<string, unknown>])[] = [
  ["a circular reference", () => ({ nested: circular() })],
  ["a BigInt", () => ({ amount: 10n })],
  ["a toJSON() that throws", () => ({ when: { toJSON: () => { throw new Error(MARK); } } })],
];

/** Every operation with a JSON body, and each vendor's escape hatch (Segmint documents none). */
const BODY_TARGETS = [...CALLABLE.filter((op) => op.jsonBody), ...SPECS.map((spec) => undocumentedOp(spec.vendor))];

describe.each(BODY_TARGETS.map((op) => [label(op), op] as const))("JSON body of %s", (_name, op) => {
  it.each(HOSTILE_BODIES)("with %s is refused as SegConfigError body, nothing sent", async (_what, extra) => {
    await refused(op, (init) => ({ ...init, body: { ...(init.body as object), ...extra() } }), "body");
  });

  it("the spec's example body is sent as JSON", async () => {
    const request = await sent(op, (init) => init);
    expect(request.json()).toMatchObject(op.body ?? {});
  });
});
