// startSandbox(): the four vendor APIs on one port of 127.0.0.1, each under its own prefix, served
// by fastify; plus the control API under /__sandbox (state, reset, faults, log, clock).
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { resolveCredentials, type ResolvedCredentials, type SandboxCredentials } from "./config.ts";
import { registerControlRoutes } from "./control.ts";
import { registerCors } from "./cors.ts";
import { dispatch, type DispatchEnvironment, type IncomingCall, type LogEntry } from "./dispatch.ts";
import { FaultPlan, type FaultInput, type FaultRule } from "./faults.ts";
import { loadSpecs } from "./openapi/vendor-spec.ts";
import { readStateFile, writeStateFile } from "./persistence.ts";
import { statusText } from "./reply.ts";
import { emptyState, normalizeState, type SandboxState } from "./state.ts";
import { clientOptions, sandboxUrls, type SandboxClientOptions, type SandboxUrls } from "./urls.ts";
import type { VendorModule } from "./vendors/module.ts";
import { segmenter } from "./vendors/segmenter.ts";
import { segmenthub } from "./vendors/segmenthub.ts";
import { segmetrics } from "./vendors/segmetrics/index.ts";
import { segmint } from "./vendors/segmint.ts";
import type { Vendor } from "./vendors.ts";

export interface SandboxOptions {
  /** Port on 127.0.0.1. Default 0: any free port (read it from `url`). The CLI defaults to 4010. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Seed of the fault PRNG: the same seed and request sequence give the same faults. Default 0. */
  seed?: number;
  /** Fault rules, as objects or CLI strings (`segmetrics:upsertContact:rate=0.5:status=503`). */
  faults?: readonly FaultInput[];
  /** Credentials each vendor accepts; see `DEFAULT_CREDENTIALS`. */
  credentials?: SandboxCredentials;
  /** Lifetime of Segmint tokens in seconds (`expires_in`). Default 3600. */
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
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Each vendor's base URL (SegMetrics: one per host). */
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
  /** Moves the sandbox clock forward (e.g. past a Segmint token's expiry). */
  advanceTime(ms: number): void;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const MODULES: Readonly<Record<Vendor, VendorModule>> = { segmetrics, segmint, segmenter, segmenthub };
const LOG_LIMIT = 1000;

function flatHeaders(request: FastifyRequest): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name.toLowerCase(), Array.isArray(value) ? value.join(", ") : value]],
    ),
  );
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const credentials = resolveCredentials(options.credentials);
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  if (!(tokenTtlSeconds > 0)) throw new Error("tokenTtlSeconds must be a positive number of seconds");
  const state = emptyState();
  const persisted = options.statePath === undefined ? undefined : readStateFile(options.statePath);
  Object.assign(state, persisted ?? (options.initialState ? normalizeState(structuredClone(options.initialState)) : {}));
  const faults = new FaultPlan(options.faults ?? [], options.seed ?? 0);
  let offset = 0;
  const now = (): number => (options.now?.() ?? Date.now()) + offset;
  const log: LogEntry[] = [];
  let seq = 0;
  const persist = (): void => {
    if (options.statePath !== undefined) writeStateFile(options.statePath, state);
  };

  const env: DispatchEnvironment = {
    specs: loadSpecs(),
    modules: MODULES,
    faults,
    context: { state, now, credentials, tokenTtlSeconds },
    checkResponses: options.checkResponses ?? false,
    changed: persist,
  };

  const app: FastifyInstance = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 10 * 1024 * 1024 });
  // Bodies arrive as text whatever their type: the dispatcher decides (per vendor) what is acceptable.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => {
    done(null, body);
  });
  // A blank Content-Type is no Content-Type (fastify would answer its own 415 before the vendor's).
  app.addHook("onRequest", (request, _reply, done) => {
    if (request.headers["content-type"]?.trim() === "") delete request.headers["content-type"];
    done();
  });
  registerCors(app, env.specs);
  // What fastify itself rejects (a body over the limit, a broken request) still gets a JSON answer.
  app.setErrorHandler(async (error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    await reply.code(status).type("application/json; charset=utf-8").send(JSON.stringify({ error: statusText(status), message: error.message }));
  });

  const control = {
    state,
    faults,
    log,
    credentials,
    now,
    reset: (): void => {
      Object.assign(state, emptyState());
      log.length = 0;
      faults.restart();
      persist();
    },
    setState: (next: SandboxState): void => {
      Object.assign(state, normalizeState(structuredClone(next)));
      persist();
    },
    advanceTime: (ms: number): void => {
      if (!(ms >= 0)) throw new Error("advanceTime takes a number of milliseconds >= 0");
      offset += ms;
    },
    info: (): Record<string, unknown> => ({ url: origin, urls, seed: faults.seed, faults: faults.rules, credentials, tokenTtlSeconds }),
  };
  registerControlRoutes(app, control);

  const handle = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const entry: LogEntry = { seq: ++seq, at: new Date(now()).toISOString(), method: request.method, path: (request.raw.url ?? "/").split("?")[0] ?? "/", result: 0 };
    const call: IncomingCall = {
      method: request.method,
      url: request.raw.url ?? "/",
      headers: flatHeaders(request),
      body: typeof request.body === "string" ? request.body : "",
      origin,
    };
    const outcome = dispatch(call, env, entry);
    const record = (): void => {
      log.push(entry);
      if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
      options.onRequest?.(entry);
    };
    if (outcome.delayMs > 0) await sleep(outcome.delayMs);
    if (outcome.kind !== "reply") {
      entry.result = outcome.kind;
      record();
      reply.hijack();
      // A reset: the client sees ECONNRESET. A hang: nothing, until it gives up or the sandbox closes.
      if (outcome.kind === "reset") request.raw.socket.resetAndDestroy();
      return;
    }
    entry.result = outcome.reply.status;
    record();
    if (request.raw.destroyed) return;
    void reply.code(outcome.reply.status).headers(outcome.reply.headers ?? {});
    if (outcome.reply.body === undefined) await reply.send();
    else await reply.type("application/json; charset=utf-8").send(JSON.stringify(outcome.reply.body));
  };
  app.all("/*", handle);
  app.all("/", handle);

  await app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  const hostForUrl = (options.host ?? "127.0.0.1").includes(":") ? `[${options.host ?? ""}]` : (options.host ?? "127.0.0.1");
  const origin = `http://${hostForUrl}:${port}`;
  const urls = sandboxUrls(origin);
  persist();

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= app.close().then(() => {
      persist();
    });
    return closed;
  };

  return {
    url: origin,
    port,
    urls,
    clientOptions: clientOptions(urls, credentials),
    credentials,
    get state() {
      return state;
    },
    snapshot: () => structuredClone(state),
    setState: control.setState,
    reset: control.reset,
    get faults() {
      return faults.rules;
    },
    get seed() {
      return faults.seed;
    },
    setFaults: (rules, seed) => {
      faults.set(rules, seed);
    },
    log,
    now,
    advanceTime: control.advanceTime,
    close,
    [Symbol.asyncDispose]: close,
  };
}
