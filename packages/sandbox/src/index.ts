// @seg/sandbox: a local, stateful emulator of the four vendor APIs, driven by their specs.
export { startSandbox } from "./sandbox.ts";
export type { Sandbox, SandboxOptions } from "./sandbox.ts";
export { DEFAULT_CREDENTIALS } from "./config.ts";
export type { ResolvedCredentials, SandboxCredentials } from "./config.ts";
export { parseFaultSpec } from "./faults.ts";
export type { FaultInput, FaultRule } from "./faults.ts";
export type { LogEntry } from "./dispatch.ts";
export type { SandboxState } from "./state.ts";
export type { SandboxClientOptions, SandboxUrls } from "./urls.ts";
export { MOUNTS, VENDORS } from "./vendors.ts";
export type { Mount, Vendor } from "./vendors.ts";
