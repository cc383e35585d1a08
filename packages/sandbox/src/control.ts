// The control API under /__sandbox: look at and replace the state, reset it, set faults and the
// seed, read the request log, move the clock. No credentials: the sandbox listens on 127.0.0.1.
import type { FastifyInstance, FastifyReply } from "fastify";
import type { LogEntry } from "./dispatch.ts";
import type { FaultInput, FaultPlan } from "./faults.ts";
import type { SandboxState } from "./generated/vendors.ts";

export interface Control {
  state: SandboxState;
  faults: FaultPlan;
  log: readonly LogEntry[];
  now(): number;
  reset(): void;
  setState(state: SandboxState): void;
  advanceTime(ms: number): void;
  /** `GET /__sandbox`: where everything is served, and how. */
  info(): Record<string, unknown>;
}

function json(body: unknown): unknown {
  if (typeof body !== "string" || body.trim() === "") return {};
  return JSON.parse(body) as unknown;
}

async function attempt(reply: FastifyReply, action: () => unknown): Promise<void> {
  try {
    await reply.type("application/json; charset=utf-8").send(JSON.stringify(action() ?? { ok: true }));
  } catch (error) {
    await reply.code(400).type("application/json; charset=utf-8").send(JSON.stringify({ error: "Bad Request", message: (error as Error).message }));
  }
}

export function registerControlRoutes(app: FastifyInstance, control: Control): void {
  const faultsView = (): unknown => ({ seed: control.faults.seed, faults: control.faults.rules });

  app.get("/__sandbox", async (_request, reply) => attempt(reply, () => control.info()));
  app.get("/__sandbox/state", async (_request, reply) => attempt(reply, () => control.state));
  app.put("/__sandbox/state", async (request, reply) =>
    attempt(reply, () => {
      control.setState(json(request.body) as SandboxState);
      return control.state;
    }),
  );
  app.post("/__sandbox/reset", async (_request, reply) => attempt(reply, () => {
      control.reset();
    }));
  app.get("/__sandbox/faults", async (_request, reply) => attempt(reply, faultsView));
  app.post("/__sandbox/faults", async (request, reply) =>
    attempt(reply, () => {
      const body = json(request.body) as { faults?: FaultInput[]; seed?: number };
      if (body.faults !== undefined && !Array.isArray(body.faults)) throw new Error("faults must be an array of rules or rule strings");
      control.faults.set(body.faults ?? control.faults.rules, body.seed);
      return faultsView();
    }),
  );
  app.delete("/__sandbox/faults", async (_request, reply) =>
    attempt(reply, () => {
      control.faults.set([]);
      return faultsView();
    }),
  );
  app.get("/__sandbox/log", async (_request, reply) => attempt(reply, () => control.log));
  app.post("/__sandbox/time", async (request, reply) =>
    attempt(reply, () => {
      const { advanceMs } = json(request.body) as { advanceMs?: unknown };
      if (typeof advanceMs !== "number") throw new Error("send { \"advanceMs\": <milliseconds> }");
      control.advanceTime(advanceMs);
      return { now: new Date(control.now()).toISOString() };
    }),
  );
}
