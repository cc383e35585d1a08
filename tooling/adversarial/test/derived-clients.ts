// The clients of the vendors vendors.ts does not write by hand: every vendor package (a spec in
// specs/ with its packages/<vendor>) beyond the hand-written ones, created from its package's
// factory with options from clientShape (@seg/spec), a planted secret in each credential, and the
// credential slots its spec implies on an operation that carries them (a token exchange has two:
// the Basic credentials on the exchange, the issued token on the call). So a vendor added by
// `pnpm new-vendor` is attacked like the others the day it exists. A vendor whose spec sends no
// credential has no slot, and vendors.test.ts says so.
import { existsSync } from "node:fs";
import { clientShape, readSpec, repoRoot, specOperations, specVendors, type ClientShape } from "@seg/spec";
import type { RecordedRequest, Reply } from "@seg/test-server";
import path from "node:path";

/** One place a derived vendor's credential travels. */
export interface DerivedSlot {
  slot: string;
  /** The request this slot's credential rides on. */
  carries: (request: RecordedRequest) => boolean;
  /** Whether `request` carries the credential. */
  sent: (request: RecordedRequest) => boolean;
}

/** What vendors.ts and operations.ts need of one derived vendor. */
export interface DerivedClient {
  vendor: string;
  /** A client with every host under `origin` and the planted options. */
  factory: (origin: string, transport?: object) => unknown;
  /** The factory itself, for callers that pass their own options. */
  create: (options: Record<string, unknown>) => unknown;
  /** Every option clientShape names, with a planted value. */
  credentials: Record<string, string>;
  /** Every secret the client holds (a token exchange's issued token included). */
  secrets: string[];
  slots: DerivedSlot[];
  /** The operation the slots' call makes (`POST /subscribers`). */
  method: string;
  path: string;
  /** A success answer to any request of this vendor (a token, to its token exchange). */
  ok: (request: RecordedRequest) => Reply;
}

const okReply = (): Reply => ({ status: 200, json: {} });

// Starts with neither the vendor's name nor the option's, which messages show: the suites look for a secret's first 8 characters too.
const planted = (vendor: string, option: string): string => `plt_${option.length}${vendor.length}_DO_NOT_LEAK_${option}_${vendor}`;

function hostOptions(shape: ClientShape, origin: string): Record<string, unknown> {
  return shape.multiHost ? { baseUrls: Object.fromEntries(shape.hosts.map((host) => [host, `${origin}/${host}`])) } : { baseUrl: origin };
}

/** The server path of an operation's template: `{param}` segments match any one segment. */
const pathMatcher = (template: string): RegExp =>
  new RegExp(`${template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")).join("[^/]+")}$`);

/** How the credential shows on the wire: one slot per place it travels; none without a credential. */
function wire(shape: ClientShape, secrets: Record<string, string>, issuedToken: string, exchangePath: RegExp | undefined): DerivedSlot[] {
  const { credential } = shape;
  const basic = `Basic ${Buffer.from(`${secrets.username}:${secrets.password}`).toString("base64")}`;
  const onExchange = (request: RecordedRequest): boolean => exchangePath?.test(request.path) === true;
  switch (credential.kind) {
    case "header":
      return [{ slot: `${credential.header} header`, carries: () => true, sent: (request) => request.headers[credential.header.toLowerCase()] === secrets.apiKey }];
    case "bearer":
      return [{ slot: "bearer token", carries: () => true, sent: (request) => request.headers.authorization === `Bearer ${secrets.token}` }];
    case "basic":
      return [{ slot: "Basic credentials", carries: () => true, sent: (request) => request.headers.authorization === basic }];
    case "body": {
      const token = secrets[credential.bind] ?? "";
      return [{ slot: "token in the JSON body", carries: () => true, sent: (request) => request.body.includes(token) }];
    }
    case "exchange":
      return [
        { slot: "bearer token", carries: (request) => !onExchange(request), sent: (request) => request.headers.authorization === `Bearer ${issuedToken}` },
        { slot: "Basic credentials (token exchange)", carries: onExchange, sent: (request) => request.headers.authorization === basic },
      ];
    case "none":
      return [];
  }
}

async function derive(vendor: string): Promise<DerivedClient | undefined> {
  const doc = readSpec(vendor);
  const shape = clientShape(vendor, doc);
  const credentials = Object.fromEntries(shape.options.map((option) => [option.name, option.secret ? planted(vendor, option.name) : `adv-${option.name}`]));
  const issuedToken = planted(vendor, "issued");
  const exchange = shape.credential.kind === "exchange" ? shape.credential.operation.split(" ")[1] : undefined;
  const exchangePath = exchange === undefined ? undefined : pathMatcher(exchange);
  const slots = wire(shape, credentials, issuedToken, exchangePath);
  if (slots.length === 0) return undefined;
  const bodyBind = shape.credential.kind === "body" ? shape.credential.bind : undefined;
  // An operation that carries the credential: not the client's own exchange, not `security: []`,
  // and for a body token one whose body binds it.
  // An idempotent one when there is one, so the suites that watch retries see some.
  const carrying = specOperations(doc).operations.filter(
    ({ operation, bind }) =>
      operation["x-seg-called-by-client"] !== true &&
      !(Array.isArray(operation.security) && operation.security.length === 0) &&
      (bodyBind === undefined || Object.values(bind.body).includes(bodyBind)),
  );
  const target = carrying.find((op) => op.idempotent) ?? carrying[0];
  if (!target) return undefined;
  const module = (await import(`@seg/${vendor}`)) as Record<string, unknown>;
  const create = Object.entries(module).find(([name, value]) => /^create\w+Client$/.test(name) && typeof value === "function")?.[1] as
    | ((options: Record<string, unknown>) => unknown)
    | undefined;
  if (!create) throw new Error(`@seg/${vendor} exports no create…Client`);
  const secrets = shape.options.filter((option) => option.secret).map((option) => credentials[option.name] ?? "");
  if (shape.credential.kind === "basic" || shape.credential.kind === "exchange") secrets.push(Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64"));
  if (shape.credential.kind === "exchange") secrets.push(issuedToken);
  return {
    vendor,
    factory: (origin, transport = {}) => create({ ...transport, ...credentials, ...hostOptions(shape, origin) }),
    create,
    credentials,
    secrets,
    slots,
    method: target.method.toUpperCase(),
    path: target.path,
    ok: (request) => (exchangePath?.test(request.path) ? { status: 200, json: { access_token: issuedToken, expires_in: 3600 } } : okReply()),
  };
}

/** A derived client for every vendor package but those `handWritten` (vendors.ts's own slots). */
export async function derivedClients(handWritten: ReadonlySet<string>): Promise<DerivedClient[]> {
  const vendors = specVendors().filter((vendor) => !handWritten.has(vendor) && existsSync(path.join(repoRoot, "packages", vendor, "package.json")));
  return (await Promise.all(vendors.map(derive))).filter((client): client is DerivedClient => client !== undefined);
}
