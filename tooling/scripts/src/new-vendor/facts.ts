// What the scaffold of a new vendor package needs to know, read once from its spec through
// @seg/spec: names, the client's options (clientShape), the server variables and bound values each
// option fills, the credential and, for a token exchange, the call that obtains the token.
import { camelCase, clientShape, type ClientShape, credentialOf, deref, displayName, isObject, type Json, serverEnvironments, specOperations } from "@seg/spec";
import { NewVendorRefused } from "./refused.ts";

export interface ExchangeCall {
  /** `post` */
  method: string;
  path: string;
  /** `createToken`: names the call in the error when its answer holds no token. */
  operationId: string;
  /** Required query parameters with the one value the spec allows (`grant_type: token`). */
  query: Record<string, string>;
}

export interface VendorFacts {
  /** `fixturemail`: spec file, package directory, `vendor` in the client. */
  vendor: string;
  /** `FixtureMail`: `createFixtureMailClient`, `FixtureMailOptions`, … */
  pascal: string;
  /** `fixtureMail`: `fixtureMailAdapter` */
  camel: string;
  /** The spec's title without "API", for prose (`FixtureMail`). */
  title: string;
  /** `info.summary`, for the README's first paragraph, if the spec has one. */
  summary: string | undefined;
  shape: ClientShape;
  /** The server URL of each host the operations use, by `x-seg-host`. */
  servers: Record<string, string>;
  /** For each option that is not a credential: the keys of core's `variables` it fills (`account_id`, `accountId`). */
  variables: Record<string, string[]>;
  /** A query array is written as one comma-separated value (`style: form, explode: false`). */
  commaQuery: boolean;
  exchange: ExchangeCall | undefined;
  /** The spec's environments (`x-seg-environment`), the default first; empty when it names none. */
  environments: string[];
}

/** `FixtureMail API` → `FixtureMail`; `Segmint Data Services` → `SegmintDataServices`. */
const pascalCase = (text: string): string =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");

/** The one value a required query parameter of the token exchange can take: its single enum value, or its default. */
function fixedValue(doc: Json, parameter: Json, where: string): string {
  const resolved = deref(doc, parameter.schema);
  const schema = isObject(resolved) ? resolved : {};
  const values: unknown[] =
    schema.const !== undefined ? [schema.const] : Array.isArray(schema.enum) && schema.enum.length === 1 ? (schema.enum as unknown[]) : schema.default !== undefined ? [schema.default] : [];
  const [value] = values;
  if (typeof value !== "string" && typeof value !== "number") {
    throw new NewVendorRefused(
      `${where}: the required query parameter ${String(parameter.name)} of the token exchange has no single enum value or default, so the client cannot fill it; give its schema \`enum: [<value>]\``,
    );
  }
  return String(value);
}

function exchangeCall(doc: Json, where: string): ExchangeCall {
  const operation = specOperations(doc).operations.find((op) => op.where === where);
  if (!operation) throw new NewVendorRefused(`${where}: the token exchange operation is not in the spec's paths`);
  if (operation.requestBody?.required === true) {
    throw new NewVendorRefused(`${where}: the token exchange requires a body; the scaffold sends the exchange without one (mark it not required, or write src/token.ts by hand after scaffolding a spec without it)`);
  }
  const query = Object.fromEntries(
    operation.parameters.filter((p) => p.in === "query" && p.required === true).map((p) => [String(p.name), fixedValue(doc, p, where)]),
  );
  return { method: operation.method, path: operation.path, operationId: operation.operationId, query };
}

export function vendorFacts(vendor: string, doc: Json, givenDisplayName?: string): VendorFacts {
  const title = givenDisplayName ?? displayName(doc);
  if (title === undefined) throw new NewVendorRefused("the spec has no info.title: give it one (`FixtureMail API`) or pass --display-name");
  const pascal = pascalCase(title);
  // The packages' shared surface test reads the vendor's capitalisation back from its factory name.
  if (pascal.toLowerCase() !== vendor) {
    throw new NewVendorRefused(
      `the display name "${title}" gives create${pascal}Client, which does not spell the vendor name "${vendor}": ` +
        `pass --display-name with the vendor's own capitalisation of "${vendor}" (e.g. --display-name ${vendor.charAt(0).toUpperCase()}${vendor.slice(1)})`,
    );
  }
  const credential = credentialOf(doc);
  const shape = clientShape(vendor, doc);
  const { servers, operations } = specOperations(doc);
  const variables: Record<string, string[]> = {};
  const fill = (option: string, key: string): void => {
    const keys = (variables[option] ??= []);
    if (!keys.includes(key)) keys.push(key);
  };
  for (const host of shape.hosts) {
    const url = servers[host] ?? "";
    // A whole-URL variable (`{baseUrl}`) is the base URL itself, not an option.
    if (/^\{[^}]+\}$/.test(url)) continue;
    for (const [, name = ""] of url.matchAll(/\{([^}]+)\}/g)) fill(camelCase(name), name);
  }
  for (const { bind } of operations) {
    for (const name of [...Object.values(bind.query), ...Object.values(bind.body)]) {
      if (!(credential.kind === "body" && name === credential.bind)) fill(name, name);
    }
  }
  const info = isObject(doc.info) ? doc.info : {};
  return {
    vendor,
    pascal,
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    title,
    summary: typeof info.summary === "string" ? info.summary : undefined,
    shape,
    servers: Object.fromEntries(shape.hosts.map((host) => [host, servers[host] ?? ""])),
    variables,
    commaQuery: operations.some((op) => op.parameters.some((p) => p.in === "query" && p.explode === false)),
    exchange: credential.kind === "exchange" ? exchangeCall(doc, credential.operation) : undefined,
    environments: Object.keys(serverEnvironments(doc)),
  };
}
