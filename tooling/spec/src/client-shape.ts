// The configuration a vendor's client takes, derived from its spec: its credentials, the values it
// fills into URLs and bodies, and its hosts. The client scaffold writes these options, the sandbox
// hands them out as `clientOptions.<vendor>`, and the conformance tests plant secrets in them.
import { credentialOf, type Credential } from "./auth.ts";
import { isObject, specOperations, type Json } from "./walk.ts";

export interface ClientOption {
  /** The option's name in the client config (`apiKey`, `accountId`, `token`). */
  name: string;
  /** The environment variable read when the option is left out (`SEGMETRICS_API_KEY`). */
  env: string;
  /** A credential: redacted everywhere, and planted as a canary by the conformance tests. */
  secret: boolean;
  /** Where it comes from in the spec. */
  from: "credential" | "server variable" | "bind";
}

export interface ClientShape {
  vendor: string;
  credential: Credential;
  /** Credentials first, then URL variables and bound values, each once. */
  options: ClientOption[];
  /** The `x-seg-host` names of the hosts operations are served from, in the spec's order. */
  hosts: string[];
  /** Several hosts: the client takes `baseUrls: { <host>: url }`; else one `baseUrl`. */
  multiHost: boolean;
}

/** `account_id` → `accountId` */
export const camelCase = (name: string): string => name.replace(/[_-]+([a-z0-9])/gi, (_, letter: string) => letter.toUpperCase());

/** `accountId` → `ACCOUNT_ID` */
export const envSuffix = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9]+/g, "_").toUpperCase();

function credentialOptions(credential: Credential): { name: string }[] {
  switch (credential.kind) {
    case "header":
      return [{ name: "apiKey" }];
    case "bearer":
      return [{ name: "token" }];
    case "basic":
    case "exchange":
      return [{ name: "username" }, { name: "password" }];
    case "body":
      return [{ name: credential.bind }];
    case "none":
      return [];
  }
}

/** Server URL variables that stand for a part of the URL (`{account_id}`), not the whole of it (`{baseUrl}`). */
function urlVariables(url: string): string[] {
  if (/^\{[^}]+\}$/.test(url)) return [];
  return [...url.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
}

export function clientShape(vendor: string, doc: Json): ClientShape {
  const credential = credentialOf(doc);
  const { servers, operations } = specOperations(doc);
  const prefix = envSuffix(vendor);
  const options: ClientOption[] = [];
  const add = (name: string, secret: boolean, from: ClientOption["from"]): void => {
    if (!options.some((option) => option.name === name)) options.push({ name, env: `${prefix}_${envSuffix(name)}`, secret, from });
  };
  for (const { name } of credentialOptions(credential)) add(name, true, "credential");
  for (const url of Object.values(servers)) for (const variable of urlVariables(url)) add(camelCase(variable), false, "server variable");
  for (const { bind } of operations) for (const name of [...Object.values(bind.query), ...Object.values(bind.body)]) add(name, false, "bind");
  const used = new Set(operations.map((operation) => operation.host));
  const hosts = Object.keys(servers).filter((host) => used.has(host));
  return { vendor, credential, options, hosts, multiHost: hosts.length > 1 };
}

/** The spec's title without a trailing "API" (`Segmenter API` → `Segmenter`), for names and prose. */
export function displayName(doc: Json): string | undefined {
  const title = isObject(doc.info) && typeof doc.info.title === "string" ? doc.info.title : undefined;
  return title?.replace(/\s+(REST\s+)?API$/i, "").trim() || undefined;
}
