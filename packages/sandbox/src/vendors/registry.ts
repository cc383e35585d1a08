// The vendors the sandbox serves: for each spec, the generic emulation derived from it, with the
// vendor's hand-written module (src/vendors/<vendor>/, registered by `pnpm generate`) laid over it.
import { credentialOf } from "@seg/spec/document";
import { modules as handWritten } from "../generated/modules.ts";
import { compileSpec, type VendorSpec } from "../openapi/vendor-spec.ts";
import type { Reply } from "../reply.ts";
import type { VendorInfo } from "./catalog.ts";
import { specAnswer } from "./generic/answers.ts";
import { issuedTokens, specAuthenticator } from "./generic/credentials.ts";
import { specErrors } from "./generic/errors.ts";
import type { AnyVendorModule, AuthCall, CallContext, OperationHandler, VendorErrors } from "./module.ts";

export interface ServedVendor extends VendorInfo {
  spec: VendorSpec;
  module: AnyVendorModule;
  errors: VendorErrors;
  /** The credentials travel in the JSON body, so they are checked after it is parsed. */
  authInBody: boolean;
  authenticate(call: AuthCall, context: CallContext): Reply | undefined;
  /** The module's handler, else the answer from the spec. */
  handler(operationId: string): OperationHandler;
  /** Operations answered by the module's stateful handlers. */
  stateful: readonly string[];
}

export function serveVendor(info: VendorInfo, modules: Readonly<Record<string, AnyVendorModule>> = handWritten): ServedVendor {
  const spec = compileSpec(info.vendor, info.document);
  const module = modules[info.vendor] ?? {};
  const errors = module.errors ?? specErrors(spec);
  const credential = credentialOf(info.document);
  const answers = new Map<string, Reply>();
  const answer = (operationId: string): Reply => {
    let reply = answers.get(operationId);
    if (!reply) {
      reply = specAnswer(spec, spec.operation(operationId));
      answers.set(operationId, reply);
    }
    return structuredClone(reply);
  };
  const exchange = credential.kind === "exchange" ? spec.operations.find((op) => `${op.method} ${op.path}` === credential.operation) : undefined;
  const fromSpec = specAuthenticator(credential, errors, spec.operations, () => (exchange ? issuedTokens(answer(exchange.operationId).body) : []));
  const handlers = module.handlers ?? {};
  return {
    ...info,
    spec,
    module,
    errors,
    authInBody: credential.kind === "body",
    authenticate: (call, context) => (module.authenticate ? module.authenticate(call, context) : fromSpec(call, context.credentials)),
    handler: (operationId) => handlers[operationId] ?? (() => answer(operationId)),
    stateful: spec.operations.map((op) => op.operationId).filter((operationId) => operationId in handlers),
  };
}
