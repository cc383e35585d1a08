// @seg/spec: the one reading of specs/<vendor>.yaml (operations, servers, bindings, credentials).
export * from "./walk.ts";
export * from "./auth.ts";
export * from "./load.ts";
export * from "./client-shape.ts";
export * from "./examples.ts";
