// @seg/sandbox: a local, stateful emulator of every vendor API in specs/, driven by the specs.
export { startSandbox } from "./sandbox.ts";
export type { Sandbox, SandboxOptions } from "./sandbox.ts";
export { DEFAULT_CREDENTIALS } from "./config.ts";
export { parseFaultSpec } from "./faults.ts";
export type { FaultInput, FaultRule } from "./faults.ts";
export type { LogEntry } from "./dispatch.ts";
export { VENDORS } from "./generated/vendors.ts";
export type { ResolvedCredentials, SandboxClientOptions, SandboxCredentials, SandboxState, SandboxUrls, Vendor } from "./generated/vendors.ts";
export { MOUNTS } from "./mounts.ts";
export type { Mount } from "./vendors/mounts.ts";
