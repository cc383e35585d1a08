// startSandbox(): every vendor of the specs on one port of 127.0.0.1, each under its own prefix,
// plus the control API under /__sandbox (state, reset, faults, log, clock). The parts: the vendors
// (registry), the session (store, log, clock), the server and its request handler, the control API.
import { resolveCredentials, vendorClientOptions, vendorUrls } from "./config.ts";
import { registerControlRoutes, type Control } from "./control.ts";
import type { DispatchEnvironment, LogEntry } from "./dispatch.ts";
import { FaultPlan, type FaultInput, type FaultRule } from "./faults.ts";
import type { ResolvedCredentials, SandboxClientOptions, SandboxCredentials, SandboxState, SandboxUrls } from "./generated/vendors.ts";
import { requestHandler } from "./handle-request.ts";
import { createServer, listen } from "./server.ts";
import { createSession } from "./session.ts";
import { nextId, sliceOf } from "./store.ts";
import { vendorCatalog } from "./vendors/catalog.ts";
import { serveVendor, type ServedVendor } from "./vendors/registry.ts";

export interface SandboxOptions {
  /** Port on 127.0.0.1. Default 0: any free port (read it from `url`). The CLI defaults to 4010. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Seed of the fault PRNG: the same seed and request sequence give the same faults. Default 0. */
  seed?: number;
  /** Fault rules, as objects or CLI strings (`<vendor>:<operationId>:rate=0.5:status=503`). */
  faults?: readonly FaultInput[];
  /** Credentials each vendor accepts; see `DEFAULT_CREDENTIALS`. */
  credentials?: SandboxCredentials;
  /** Lifetime of the tokens a token exchange issues, in seconds (`expires_in`). Default 3600. */
  tokenTtlSeconds?: number;
  /** Read the state from this JSON file at startup (if it exists) and write it back after every change. */
  statePath?: string;
  /** Start from this state instead of an empty one (ignored when `statePath` exists). */
  initialState?: SandboxState;
  /** The clock, epoch ms. Default `Date.now`. `advanceTime()` moves the sandbox's view of it. */
  now?: () => number;
  /** Check every reply against the vendor's spec; a mismatch becomes a 500 naming it (for tests). */
  checkResponses?: boolean;
  /** Called after every request with what happened (the CLI prints these). */
  onRequest?: (entry: LogEntry) => void;
  /**
   * The OpenAPI documents to serve, by vendor name, instead of the embedded `specs/*.yaml` (for
   * tests: a spec with an operation added, or a vendor of its own). A vendor with a hand-written
   * module keeps it; any other is served from its spec alone.
   */
  specs?: Readonly<Record<string, Record<string, unknown>>>;
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Each vendor's base URL (one per host for a vendor with several). */
  readonly urls: SandboxUrls;
  /** Options for each seg vendor client, pointing here with the accepted credentials. */
  readonly clientOptions: SandboxClientOptions;
  readonly credentials: ResolvedCredentials;
  /** The live store (mutate at your own risk; prefer the vendor APIs). */
  readonly state: SandboxState;
  /** A deep copy of the store. */
  snapshot(): SandboxState;
  /** Replaces the store. */
  setState(state: SandboxState): void;
  /** Empties the store and the request log, and restarts the fault streams. */
  reset(): void;
  readonly faults: readonly FaultRule[];
  readonly seed: number;
  /** Replaces the fault rules (and the seed, if given); the fault streams restart. */
  setFaults(faults: readonly FaultInput[], seed?: number): void;
  /** The last requests, oldest first (at most 1000). */
  readonly log: readonly LogEntry[];
  /** The sandbox clock, epoch ms. */
  now(): number;
  /** Moves the sandbox clock forward (e.g. past an issued token's expiry). */
  advanceTime(ms: number): void;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** What `GET /__sandbox` says of each vendor: where it is served and which operations are stateful. */
function describeVendor(vendor: ServedVendor, urls: unknown): Record<string, unknown> {
  return {
    name: vendor.displayName,
    urls,
    credential: vendor.shape.credential.kind,
    operations: vendor.spec.operations.length,
    stateful: vendor.stateful,
    fromSpec: vendor.spec.operations.map((op) => op.operationId).filter((id) => !vendor.stateful.includes(id)),
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  if (!(tokenTtlSeconds > 0)) throw new Error("tokenTtlSeconds must be a positive number of seconds");
  const vendors = vendorCatalog(options.specs).map((info) => serveVendor(info));
  const byName = new Map(vendors.map((vendor) => [vendor.vendor, vendor]));
  const names = vendors.map((vendor) => vendor.vendor);
  const credentials = resolveCredentials(vendors, options.credentials as Readonly<Record<string, object | undefined>> | undefined);
  const session = createSession(options, vendors);
  const faults = new FaultPlan(options.faults ?? [], options.seed ?? 0, names);
  const mounts = vendors.flatMap((vendor) => vendor.mounts);
  const { state } = session;

  const env: DispatchEnvironment = {
    vendors: byName,
    mounts,
    faults,
    context: (vendor) => ({
      state: sliceOf(state, vendor.vendor),
      now: session.now,
      credentials: credentials[vendor.vendor] ?? {},
      tokenTtlSeconds,
      nextId: (kind, prefix) => nextId(state, kind, prefix),
    }),
    checkResponses: options.checkResponses ?? false,
    changed: session.persist,
  };

  const app = createServer(vendors, mounts);
  let origin = "";
  const handle = requestHandler(env, session, () => origin);
  app.all("/*", handle);
  app.all("/", handle);
  const reset = (): void => {
    session.reset();
    faults.restart();
  };
  const urlsByVendor = (): Record<string, unknown> => Object.fromEntries(vendors.map((vendor) => [vendor.vendor, vendorUrls(vendor, origin)]));
  const control: Control = {
    state,
    faults,
    log: session.log,
    now: session.now,
    reset,
    setState: session.setState,
    advanceTime: session.advanceTime,
    info: () => ({
      url: origin,
      urls: urlsByVendor(),
      vendors: Object.fromEntries(vendors.map((vendor) => [vendor.vendor, describeVendor(vendor, vendorUrls(vendor, origin))])),
      seed: faults.seed,
      faults: faults.rules,
      credentials,
      tokenTtlSeconds,
    }),
  };
  registerControlRoutes(app, control);

  const listening = await listen(app, options.port ?? 0, options.host ?? "127.0.0.1");
  origin = listening.origin;
  const urls = urlsByVendor();
  const clientOptions = Object.fromEntries(vendors.map((vendor) => [vendor.vendor, vendorClientOptions(vendor, urls[vendor.vendor] as string | Record<string, string>, credentials[vendor.vendor] ?? {})]));
  session.persist();

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= app.close().then(session.persist);
    return closed;
  };

  return {
    url: origin,
    port: listening.port,
    urls: urls as unknown as SandboxUrls,
    clientOptions: clientOptions as unknown as SandboxClientOptions,
    credentials: credentials as unknown as ResolvedCredentials,
    get state() {
      return state;
    },
    snapshot: () => structuredClone(state),
    setState: session.setState,
    reset,
    get faults() {
      return faults.rules;
    },
    get seed() {
      return faults.seed;
    },
    setFaults: (rules, seed) => {
      faults.set(rules, seed);
    },
    log: session.log,
    now: session.now,
    advanceTime: session.advanceTime,
    close,
    [Symbol.asyncDispose]: close,
  };
}
