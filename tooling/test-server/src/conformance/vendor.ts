// One vendor as the conformance runner sees it, all derived from specs/<vendor>.yaml through
// @seg/spec: its operations, how its credential travels, the options its client takes (with a
// planted canary in every secret one) and where each host lives under the runner's test server.
import { randomBytes } from "node:crypto";
import { clientShape, readSpec, specOperations, type ClientShape, type Credential, type Json, type SpecOperation } from "@seg/spec";

export interface Canary {
  /** The option or role it stands for (`apiKey`, `password`, `issued token 1`). */
  name: string;
  value: string;
  /** Every form it could leak in: raw, URL-encoded, base64, and its unique tail alone. */
  forms: string[];
}

export interface ConformanceVendor {
  vendor: string;
  doc: Json;
  shape: ClientShape;
  credential: Credential;
  /** Every operation a caller calls (all but the token exchange the client makes itself). */
  operations: SpecOperation[];
  /** The token exchange, for `credential.kind === "exchange"`. */
  exchange: SpecOperation | undefined;
  /** The value of every option `clientShape` names: canaries for secrets, plain values for the rest. */
  values: Record<string, string>;
  /** The secrets the client holds, and the tokens the runner's exchange issues. */
  canaries: Canary[];
  /**
   * What a careless server echoes besides what it received: the configured secrets (and their Basic
   * encoding). Not issued tokens the client never saw: nothing could redact those.
   */
  configured: string[];
  /** The token the runner's exchange issues the n-th time (from 1). */
  issuedToken: (n: number) => string;
  /** `baseUrl` or `baseUrls` putting every host under `origin`, each under `/<host>`. */
  baseUrlOptions: (origin: string) => Record<string, unknown>;
  /** The path a request for `operation` must reach, with path parameters `path` (already chosen). */
  wirePath: (operation: SpecOperation, path: Record<string, unknown>) => string;
}

const base64 = (text: string): string => Buffer.from(text, "utf8").toString("base64");
const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

function canary(name: string, value: string, tail: string): Canary {
  return { name, value, forms: [...new Set([value, encodeURIComponent(value), base64(value), tail])] };
}

/** The path part of a server URL template (`/api/v1/{account_id}`); `""` for a bare host or a whole-URL `{baseUrl}`. */
const templatePath = (template: string): string => /^https?:\/\/[^/]+(\/.*)?$/.exec(template)?.[1]?.replace(/\/+$/, "") ?? "";

export function conformanceVendor(vendor: string): ConformanceVendor {
  const doc = readSpec(vendor);
  const shape = clientShape(vendor, doc);
  const { credential } = shape;
  const { servers, operations } = specOperations(doc);
  const exchangeWhere = credential.kind === "exchange" ? credential.operation : undefined;

  const run = randomBytes(4).toString("hex");
  const values: Record<string, string> = {};
  const canaries: Canary[] = [];
  for (const option of shape.options) {
    if (!option.secret) {
      values[option.name] = `cfg-${kebab(option.name)}`;
      continue;
    }
    const tail = `${option.name}${run}`;
    // Basic credentials must travel UTF-8 encoded: a password outside Latin-1 proves it.
    const utf8 = option.name === "password" ? "-pässwörd€" : "";
    const value = `canary-${kebab(option.name)}-DO_NOT_LEAK-${tail}${utf8}`;
    values[option.name] = value;
    canaries.push(canary(option.name, value, tail));
  }
  if (credential.kind === "basic" || credential.kind === "exchange") {
    const pair = base64(`${values.username ?? ""}:${values.password ?? ""}`);
    canaries.push({ name: "Basic credentials", value: pair, forms: [pair] });
  }
  const configured = canaries.map((found) => found.value);
  const issuedToken = (n: number): string => `issued-token-DO_NOT_LEAK-${n}-${run}`;
  if (credential.kind === "exchange") {
    for (const n of [1, 2, 3]) canaries.push(canary(`issued token ${n}`, issuedToken(n), issuedToken(n)));
  }

  const hostPath = (host: string): string => {
    const filled = templatePath(servers[host] ?? "").replace(/\{([^}]+)\}/g, (_, variable: string) => {
      const option = variable.replace(/[_-]+([a-z0-9])/gi, (__, letter: string) => letter.toUpperCase());
      return encodeURIComponent(values[option] ?? `{${variable}}`);
    });
    return `/${host}${filled}`;
  };

  return {
    vendor,
    doc,
    shape,
    credential,
    operations: operations.filter((operation) => operation.where !== exchangeWhere),
    exchange: operations.find((operation) => operation.where === exchangeWhere),
    values,
    canaries,
    configured,
    issuedToken,
    baseUrlOptions: (origin) => {
      const url = (host: string): string => `${origin}/${host}${templatePath(servers[host] ?? "")}`;
      if (shape.multiHost) return { baseUrls: Object.fromEntries(shape.hosts.map((host) => [host, url(host)])) };
      return { baseUrl: url(shape.hosts[0] ?? Object.keys(servers)[0] ?? "") };
    },
    wirePath: (operation, path) =>
      hostPath(operation.host) + operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(path[name]))),
  };
}
