// @seg/spec/document: the readings of an already parsed spec (operations, credentials, the client's
// shape), without the file system or the YAML parser — for code that is bundled and published
// (the sandbox embeds its specs as JSON).
export * from "./walk.ts";
export * from "./auth.ts";
export * from "./client-shape.ts";
