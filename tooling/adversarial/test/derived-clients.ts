// The clients of the vendors vendors.ts does not write by hand: every vendor package (a spec in
// specs/ with its packages/<vendor>) beyond the hand-written ones, created from its package's
// factory with the conformance runner's planted options (@seg/test-server/vendor), and the
// credential slots its spec implies on an operation that carries them (a token exchange has two:
// the Basic credentials on the exchange, the issued token on the call). So a vendor added by
// `pnpm new-vendor` is attacked like the others the day it exists. A vendor whose spec sends no
// credential has no slot, and vendors.test.ts says so.
import { existsSync } from "node:fs";
import path from "node:path";
import { repoRoot, specVendors } from "@seg/spec";
import type { RecordedRequest, Reply } from "@seg/test-server";
import { apiSlot, conformanceVendor, exchangeSlot, tokenResponse, type Slot } from "@seg/test-server/vendor";

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

/** The server path of an operation's template: `{param}` segments match any one segment. */
const pathMatcher = (template: string): RegExp =>
  new RegExp(`${template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")).join("[^/]+")}$`);

/** Whether `request` holds the credential exactly where `slot` says. */
function holds(slot: Slot, request: RecordedRequest): boolean {
  if (slot.header) return request.headers[slot.header.name] === slot.header.value;
  if (!slot.body) return false;
  try {
    return (request.json() as Record<string, unknown>)[slot.body.property] === slot.body.value;
  } catch {
    return false;
  }
}

const SLOT_NAMES = { header: "header", bearer: "bearer token", basic: "Basic credentials", exchange: "bearer token", body: "token in the JSON body" } as const;

/**
 * The conformance runner's facts about `vendor` (planted options, where the credential travels),
 * as the adversarial suites' client and slots; undefined for a vendor without a credential.
 */
async function derive(vendor: string): Promise<DerivedClient | undefined> {
  const facts = conformanceVendor(vendor);
  const { credential, exchange } = facts;
  if (credential.kind === "none") return undefined;
  // An operation that carries the credential, an idempotent one when there is one, so the suites
  // that watch retries see some.
  const carrying = facts.operations.filter((operation) => Object.keys(apiSlot(facts, operation)).length > 0);
  const target = carrying.find((op) => op.idempotent) ?? carrying[0];
  if (!target) return undefined;
  const onExchange = (request: RecordedRequest): boolean => exchange !== undefined && pathMatcher(exchange.path).test(request.path);
  const api = apiSlot(facts, target);
  const slots: DerivedSlot[] = [
    {
      slot: credential.kind === "header" ? `${credential.header} header` : SLOT_NAMES[credential.kind],
      carries: (request) => !onExchange(request),
      sent: (request) => holds(api, request),
    },
  ];
  if (exchange) slots.push({ slot: "Basic credentials (token exchange)", carries: onExchange, sent: (request) => holds(exchangeSlot(facts), request) });
  const module = (await import(`@seg/${vendor}`)) as Record<string, unknown>;
  const create = Object.entries(module).find(([name, value]) => /^create\w+Client$/.test(name) && typeof value === "function")?.[1] as
    | ((options: Record<string, unknown>) => unknown)
    | undefined;
  if (!create) throw new Error(`@seg/${vendor} exports no create…Client`);
  return {
    vendor,
    factory: (origin, transport = {}) => create({ ...transport, ...facts.values, ...facts.baseUrlOptions(origin) }),
    create,
    credentials: facts.values,
    secrets: [...facts.configured, ...(exchange ? [facts.issuedToken(1)] : [])],
    slots,
    method: target.method.toUpperCase(),
    path: target.path,
    ok: (request) => (exchange && onExchange(request) ? tokenResponse(facts, exchange, 1) : { status: 200, json: {} }),
  };
}

/** A derived client for every vendor package but those `handWritten` (vendors.ts's own slots). */
export async function derivedClients(handWritten: ReadonlySet<string>): Promise<DerivedClient[]> {
  const vendors = specVendors().filter((vendor) => !handWritten.has(vendor) && existsSync(path.join(repoRoot, "packages", vendor, "package.json")));
  return (await Promise.all(vendors.map(derive))).filter((client): client is DerivedClient => client !== undefined);
}
