// How a spec says its credentials travel, read from its security schemes and seg's extensions:
// the one answer the client scaffold, the sandbox and the tests share.
import { fail, isObject, METHODS, type Json } from "./walk.ts";

export type Credential =
  /** An `apiKey` scheme `in: header`: the raw key in that header (`x-api-key`, `Authorization`). */
  | { kind: "header"; scheme: string; header: string }
  /** `http` / `bearer`: `Authorization: Bearer <token>`, the token given by the user. */
  | { kind: "bearer"; scheme: string }
  /** `http` / `basic`: `Authorization: Basic base64(username:password)`. */
  | { kind: "basic"; scheme: string }
  /**
   * A bearer token the client obtains itself: the spec's default is bearer, and one operation marked
   * `x-seg-called-by-client` is secured by Basic (Segmint's token exchange).
   */
  | { kind: "exchange"; scheme: string; basicScheme: string; operation: string }
  /** `x-seg-body-token: <name>`: the secret is the JSON body property bound (`x-seg-bind`) to `<name>`. */
  | { kind: "body"; bind: string }
  /** No credential at all (`security: []` and no body token). */
  | { kind: "none" };

function schemeOf(doc: Json, name: string): Json {
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const scheme = schemes[name];
  if (!isObject(scheme)) fail(`security ${name}`, "names no entry of components.securitySchemes");
  return scheme;
}

/** The schemes a security requirement list names (`[{ apiKey: [] }]` → `["apiKey"]`). */
const schemeNames = (security: unknown): string[] =>
  Array.isArray(security) ? security.flatMap((requirement) => (isObject(requirement) ? Object.keys(requirement) : [])) : [];

/** The operation the client calls itself to obtain its token, as `"POST /path"`, if any. */
function exchangeOperation(doc: Json): { where: string; security: string[] } | undefined {
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (isObject(operation) && operation["x-seg-called-by-client"] === true) {
        return { where: `${method.toUpperCase()} ${path}`, security: schemeNames(operation.security) };
      }
    }
  }
  return undefined;
}

/**
 * The credential every authenticated operation of `doc` carries. Throws, saying what to change, when
 * the spec asks for something seg cannot send (a query or cookie key, OAuth flows, several schemes).
 */
export function credentialOf(doc: Json): Credential {
  const bodyToken = doc["x-seg-body-token"];
  if (bodyToken !== undefined) {
    if (typeof bodyToken !== "string" || bodyToken === "") fail("x-seg-body-token", "must name the x-seg-bind value that holds the secret");
    return { kind: "body", bind: bodyToken };
  }
  const names = [...new Set(schemeNames(doc.security))];
  if (names.length === 0) return { kind: "none" };
  if (names.length > 1) fail("security", `names ${names.join(", ")}: seg sends one credential per vendor; keep one scheme in the root security`);
  const [name = ""] = names;
  const scheme = schemeOf(doc, name);
  if (scheme.type === "apiKey") {
    if (scheme.in !== "header" || typeof scheme.name !== "string") {
      fail(`securitySchemes.${name}`, `an apiKey ${String(scheme.in)} is not supported: seg sends keys in a header (in: header, name: <header>)`);
    }
    return { kind: "header", scheme: name, header: scheme.name };
  }
  if (scheme.type === "http" && typeof scheme.scheme === "string") {
    const kind = scheme.scheme.toLowerCase();
    if (kind === "basic") return { kind: "basic", scheme: name };
    if (kind === "bearer") {
      const exchange = exchangeOperation(doc);
      const basic = exchange?.security.find((other) => other !== name && schemeOf(doc, other).scheme === "basic");
      if (exchange && basic) return { kind: "exchange", scheme: name, basicScheme: basic, operation: exchange.where };
      return { kind: "bearer", scheme: name };
    }
  }
  return fail(
    `securitySchemes.${name}`,
    `type ${String(scheme.type)}${typeof scheme.scheme === "string" ? ` / ${scheme.scheme}` : ""} is not supported: use an apiKey in a header, http bearer or http basic (or x-seg-body-token)`,
  );
}
