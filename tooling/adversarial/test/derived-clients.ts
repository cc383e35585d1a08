// The clients of the vendors vendors.ts does not write by hand: every vendor package (a spec in
// specs/ with its packages/<vendor>) beyond the hand-written ones, created from its package's
// factory with options from clientShape (@seg/spec), a planted secret in each credential, and one
// credential slot per vendor on an operation that carries it. So a vendor added by `pnpm new-vendor`
// is attacked like the others the day it exists; a credential seg cannot derive a slot for (a token
// exchange, none at all) stays a vendors.ts entry, and vendors.test.ts says so.
import { existsSync } from "node:fs";
import { clientShape, readSpec, repoRoot, specOperations, specVendors, type ClientShape } from "@seg/spec";
import type { RecordedRequest, Reply } from "@seg/test-server";
import path from "node:path";

/** What vendors.ts and operations.ts need of one derived vendor. */
export interface DerivedClient {
  vendor: string;
  /** A client with every host under `origin` and the planted options. */
  factory: (origin: string, transport?: object) => unknown;
  /** The factory itself, for callers that pass their own options. */
  create: (options: Record<string, unknown>) => unknown;
  /** Every option clientShape names, with a planted value. */
  credentials: Record<string, string>;
  secrets: string[];
  slot: string;
  /** The operation the slot's call makes (`POST /subscribers`). */
  method: string;
  path: string;
  sent: (request: RecordedRequest) => boolean;
}

export const okReply = (): Reply => ({ status: 200, json: {} });

// Starts with neither the vendor's name nor the option's, which messages show: the suites look for a secret's first 8 characters too.
const planted = (vendor: string, option: string): string => `plt_${option.length}${vendor.length}_DO_NOT_LEAK_${option}_${vendor}`;

function hostOptions(shape: ClientShape, origin: string): Record<string, unknown> {
  return shape.multiHost ? { baseUrls: Object.fromEntries(shape.hosts.map((host) => [host, `${origin}/${host}`])) } : { baseUrl: origin };
}

/** How the credential shows on the wire, or undefined when no slot can be derived for it. */
function wire(shape: ClientShape, secrets: Record<string, string>): { slot: string; sent: (request: RecordedRequest) => boolean } | undefined {
  const { credential } = shape;
  switch (credential.kind) {
    case "header":
      return { slot: `${credential.header} header`, sent: (request) => request.headers[credential.header.toLowerCase()] === secrets.apiKey };
    case "bearer":
      return { slot: "bearer token", sent: (request) => request.headers.authorization === `Bearer ${secrets.token}` };
    case "basic": {
      const encoded = Buffer.from(`${secrets.username}:${secrets.password}`).toString("base64");
      return { slot: "Basic credentials", sent: (request) => request.headers.authorization === `Basic ${encoded}` };
    }
    case "body": {
      const token = secrets[credential.bind] ?? "";
      return { slot: "token in the JSON body", sent: (request) => request.body.includes(token) };
    }
    default:
      return undefined;
  }
}

async function derive(vendor: string): Promise<DerivedClient | undefined> {
  const doc = readSpec(vendor);
  const shape = clientShape(vendor, doc);
  const credentials = Object.fromEntries(shape.options.map((option) => [option.name, option.secret ? planted(vendor, option.name) : `adv-${option.name}`]));
  const shown = wire(shape, credentials);
  if (!shown) return undefined;
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
  if (shape.credential.kind === "basic") secrets.push(Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64"));
  return {
    vendor,
    factory: (origin, transport = {}) => create({ ...transport, ...credentials, ...hostOptions(shape, origin) }),
    create,
    credentials,
    secrets,
    slot: shown.slot,
    method: target.method.toUpperCase(),
    path: target.path,
    sent: shown.sent,
  };
}

/** A derived client for every vendor package but those `handWritten` (vendors.ts's own slots). */
export async function derivedClients(handWritten: ReadonlySet<string>): Promise<DerivedClient[]> {
  const vendors = specVendors().filter((vendor) => !handWritten.has(vendor) && existsSync(path.join(repoRoot, "packages", vendor, "package.json")));
  return (await Promise.all(vendors.map(derive))).filter((client): client is DerivedClient => client !== undefined);
}
