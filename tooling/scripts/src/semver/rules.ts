// The semver rules: every kind of change the classifier reports, the release level it needs and why.
// This table is the policy; CONTRIBUTING.md ("Which bump") explains it, and `pnpm check:changesets`
// and `pnpm changeset:suggest` apply it. `{at}` in a message is where the change is (an operation
// such as `DELETE /invoice/{id}`, a schema property such as `ReportContact.lists`, an export name).
//
// Direction matters for schemas: a caller *sends* requests (parameters, request bodies), so
// narrowing what is accepted breaks them and widening does not; a caller *reads* responses, so
// widening what may arrive breaks them (a new enum value falls through an exhaustive `switch`, a
// field that may now be missing or null crashes a reader) and narrowing does not.
import type { Level } from "./levels.ts";

export interface Rule {
  level: Level;
  /** The line shown for one change; `{at}` is replaced by its location. */
  message: string;
  /** Why this level: what a caller's code does when it meets the change. */
  why: string;
}

export const RULES = {
  // ── operations and paths ──────────────────────────────────────────────────────────────────
  "operation-removed": {
    level: "major",
    message: "{at} removed",
    why: "calls to it no longer type-check or reach the vendor; a renamed path is a removal plus an addition",
  },
  "operation-added": { level: "minor", message: "{at} added", why: "a new call; existing calls are untouched" },
  "operation-id-changed": {
    level: "major",
    message: "{at} renamed its operationId",
    why: "the `operations[...]` type and the runtime operation table are keyed by it",
  },
  "operation-host-changed": {
    level: "major",
    message: "{at} moved to another host",
    why: "a caller that set that host's base URL (`baseUrls: { <host>: … }`) must set the other one",
  },
  "operation-retry-changed": {
    level: "patch",
    message: "{at} changed whether it is retried automatically (x-seg-idempotent)",
    why: "runtime behaviour only: no call changes shape",
  },
  // ── parameters ────────────────────────────────────────────────────────────────────────────
  "parameter-removed": { level: "major", message: "{at} removed", why: "callers that pass it no longer type-check" },
  "parameter-added-required": { level: "major", message: "{at} added as required", why: "every existing call lacks it" },
  "parameter-added-optional": { level: "minor", message: "{at} added (optional)", why: "a new input nobody has to send" },
  "parameter-became-required": { level: "major", message: "{at} became required", why: "calls that leave it out no longer type-check" },
  "parameter-became-optional": { level: "minor", message: "{at} became optional", why: "every existing call still fits" },
  // ── request bodies ────────────────────────────────────────────────────────────────────────
  "request-body-added-required": { level: "major", message: "{at} now requires a request body", why: "every existing call lacks it" },
  "request-body-added-optional": { level: "minor", message: "{at} accepts a request body (optional)", why: "a new input nobody has to send" },
  "request-body-removed": { level: "major", message: "{at} no longer takes a request body", why: "callers that send one no longer type-check" },
  "request-body-became-required": { level: "major", message: "{at} request body became required", why: "calls without a body no longer type-check" },
  "request-body-became-optional": { level: "minor", message: "{at} request body became optional", why: "every existing call still fits" },
  "request-media-type-removed": { level: "major", message: "{at} removed", why: "callers sending that content type no longer type-check" },
  "request-media-type-added": { level: "minor", message: "{at} added", why: "a new way to send the body; the old ones remain" },
  // ── request schemas (what a caller sends: parameters and bodies) ─────────────────────────────
  "request-property-removed": { level: "major", message: "{at} removed from a request", why: "callers that send it no longer type-check" },
  "request-property-added-required": { level: "major", message: "{at} added to a request as required", why: "every existing call lacks it" },
  "request-property-added-optional": { level: "minor", message: "{at} added to a request (optional)", why: "a new input nobody has to send" },
  "request-property-became-required": { level: "major", message: "{at} became required in a request", why: "calls that leave it out no longer type-check" },
  "request-property-became-optional": { level: "minor", message: "{at} became optional in a request", why: "every existing call still fits" },
  "request-type-narrowed": { level: "major", message: "{at} accepts fewer types in a request", why: "some values callers send are now refused" },
  "request-type-widened": { level: "minor", message: "{at} accepts more types in a request", why: "every value sent before still fits" },
  "request-type-changed": { level: "major", message: "{at} changed type in a request", why: "values callers send no longer fit" },
  "request-enum-value-removed": { level: "major", message: "{at} no longer accepts a value in a request", why: "callers sending it no longer type-check" },
  "request-enum-value-added": { level: "minor", message: "{at} accepts a new value in a request", why: "every value sent before still fits" },
  "request-variant-removed": { level: "major", message: "{at} lost a oneOf/anyOf variant in a request", why: "callers sending that shape no longer type-check" },
  "request-variant-added": { level: "minor", message: "{at} gained a oneOf/anyOf variant in a request", why: "every shape sent before still fits" },
  "request-constraint-tightened": { level: "major", message: "{at} has a tighter constraint in a request", why: "some values callers send are now refused by the vendor" },
  "request-constraint-loosened": { level: "minor", message: "{at} has a looser constraint in a request", why: "every value sent before still fits" },
  "client-fills-input": {
    level: "minor",
    message: "{at} is now filled from the client's config (x-seg-bind)",
    why: "callers may leave it out; those who pass it still may",
  },
  "client-stops-filling-input": {
    level: "major",
    message: "{at} is no longer filled from the client's config (x-seg-bind)",
    why: "callers who relied on the client must now pass it",
  },
  // ── responses (what a caller reads) ─────────────────────────────────────────────────────────
  "response-success-added": { level: "major", message: "{at} added a success response", why: "`data` is now a wider union: readers of the old shape may get another" },
  "response-success-removed": { level: "minor", message: "{at} removed a success response", why: "`data` narrows: every reader still fits" },
  "response-error-added": { level: "minor", message: "{at} documents a new error response", why: "errors are already open-ended (SegApiError); a new one is typed" },
  "response-error-removed": { level: "minor", message: "{at} no longer documents an error response", why: "errors are open-ended; code handling it still compiles" },
  "response-media-type-removed": { level: "major", message: "{at} removed", why: "readers of that content type get nothing typed" },
  "response-media-type-added": { level: "major", message: "{at} added", why: "a body may now arrive in a form readers do not handle" },
  "response-property-removed": { level: "major", message: "{at} removed from a response", why: "readers of it no longer type-check (or read undefined)" },
  "response-property-added": { level: "minor", message: "{at} added to a response", why: "a new field; readers of the others are untouched" },
  "response-property-became-optional": {
    level: "major",
    message: "{at} became optional in a response",
    why: "readers that assumed it is always there no longer type-check",
  },
  "response-property-became-required": { level: "minor", message: "{at} is always present in a response", why: "every reader still fits" },
  "response-type-widened": { level: "major", message: "{at} may have more types in a response", why: "readers meet values they do not handle (null, a number…)" },
  "response-type-narrowed": { level: "minor", message: "{at} has fewer types in a response", why: "every reader still fits" },
  "response-type-changed": { level: "major", message: "{at} changed type in a response", why: "readers of the old type no longer type-check" },
  "response-enum-value-added": {
    level: "major",
    message: "{at} may have a new value in a response",
    why: "an exhaustive `switch` over the old values no longer covers every case",
  },
  "response-enum-value-removed": { level: "minor", message: "{at} no longer has a value in a response", why: "every reader still fits (a `case` for it is dead code)" },
  "response-variant-added": { level: "major", message: "{at} gained a oneOf/anyOf variant in a response", why: "readers meet a shape they do not handle" },
  "response-variant-removed": { level: "minor", message: "{at} lost a oneOf/anyOf variant in a response", why: "every reader still fits" },
  "response-constraint-changed": { level: "patch", message: "{at} has a different constraint in a response", why: "the types are unchanged; values stay of the same type" },
  // ── servers and security ────────────────────────────────────────────────────────────────────
  "host-removed": { level: "major", message: "host {at} removed", why: "`baseUrls: { <host>: … }` overrides and its operations' defaults break" },
  "host-added": { level: "minor", message: "host {at} added", why: "a new base URL a caller may override" },
  "host-url-changed": { level: "patch", message: "host {at} has a new default URL", why: "the client resolves it; callers' overrides by host name still apply" },
  "host-variables-changed": {
    level: "major",
    message: "host {at} has different URL variables",
    why: "the client config values that fill the URL changed",
  },
  "auth-changed": { level: "major", message: "{at} needs different credentials", why: "callers must supply or configure another credential" },
  "auth-removed": { level: "patch", message: "{at} no longer needs credentials", why: "credentials a caller supplies are simply not sent" },
  "auth-scheme-changed": { level: "major", message: "security scheme {at} changed", why: "the credential is sent differently: callers' configuration must change" },
  // ── named schemas (`components["schemas"]`, a public type) ──────────────────────────────────
  "schema-removed": { level: "major", message: 'schema {at} removed', why: '`components["schemas"][…]` no longer has it: code naming the type breaks' },
  "schema-added": { level: "minor", message: "schema {at} added", why: "a new named type" },
  // ── anything else in a spec ─────────────────────────────────────────────────────────────────
  "spec-docs-changed": {
    level: "patch",
    message: "{at}: descriptions, examples or comments only",
    why: "no call, parameter or field changes shape; the generated doc comments may",
  },
  "spec-extension-changed": { level: "patch", message: "{at} changed", why: "an x-seg-* extension this table has no rule for: behaviour, not shape" },
  // ── the package's public TypeScript surface (its API report, `pnpm api:report`) ──────────────
  "export-removed": { level: "major", message: "export {at} removed", why: "imports of it fail" },
  "export-added": { level: "minor", message: "export {at} added", why: "a new name; existing imports are untouched" },
  "member-removed": { level: "major", message: "{at} removed", why: "code using it no longer type-checks" },
  "member-added-to-input": {
    level: "major",
    message: "{at} added as required",
    why: "the type is one callers build and pass in (named in parameters, never returned): their objects lack it",
  },
  "member-added": { level: "minor", message: "{at} added", why: "optional, or on a type callers receive: existing code still fits" },
  "declaration-changed": {
    level: "major",
    message: "{at} changed its declaration",
    why: "a signature or type changed in a way this table cannot prove compatible; read the API report diff",
  },
  // ── package.json ───────────────────────────────────────────────────────────────────────────
  "peer-range-narrowed": {
    level: "major",
    message: "peer range on {at} narrowed",
    why: "installs that satisfied it before may not now",
  },
  "peer-range-widened": { level: "minor", message: "peer range on {at} widened", why: "every install that satisfied it still does" },
  "dependencies-changed": { level: "patch", message: "{at}", why: "what installs alongside the package changed" },
  "source-changed": { level: "patch", message: "{at} changed", why: "shipped code changed without a change to the API report or the spec" },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** One classified change: which rule, where, and an optional note (the operations it reaches…). */
export interface Change {
  rule: RuleId;
  at: string;
  note?: string;
}

export const levelOf = (change: Change): Level => RULES[change.rule].level;

export const describe = (change: Change): string =>
  RULES[change.rule].message.replace("{at}", change.at) + (change.note ? ` (${change.note})` : "");
