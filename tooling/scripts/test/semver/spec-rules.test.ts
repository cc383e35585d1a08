// Every spec rule on a real edit of a small vendor spec (test/fixtures/semver-base.yaml): the edit,
// the rule it must trigger at the place it must name, and the level the whole edit then needs.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/restrict-plus-operands, @typescript-eslint/no-unsafe-return -- the fixture spec is edited as free-form JSON */
import { readFileSync } from "node:fs";
import { describe as group, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { classifySpec } from "../../src/semver/classify.ts";
import { highest } from "../../src/semver/levels.ts";
import { describe, levelOf, type Change, type RuleId } from "../../src/semver/rules.ts";

const baseText = readFileSync(new URL("../fixtures/semver-base.yaml", import.meta.url), "utf8");
type Doc = Record<string, any>;

function classify(edit: (doc: Doc) => void): Change[] {
  const doc = parse(baseText) as Doc;
  edit(doc);
  return classifySpec(baseText, stringify(doc), "specs/fixture.yaml");
}

const schema = (doc: Doc, name: string): Doc => doc.components.schemas[name] as Doc;
const getContact = (doc: Doc): Doc => doc.paths["/contact/{id}"].get as Doc;

const cases: [string, (doc: Doc) => void, RuleId, string, "major" | "minor" | "patch"][] = [
  // operations and paths
  ["an operation removed", (d) => delete d.paths["/contact/{id}"].delete, "operation-removed", "DELETE /contact/{id}", "major"],
  ["a path renamed", (d) => { d.paths["/contacts/{id}"] = d.paths["/contact/{id}"]; delete d.paths["/contact/{id}"]; }, "operation-removed", "GET /contact/{id}", "major"],
  ["an operation added", (d) => (d.paths["/tags"] = { get: { operationId: "listTags", "x-seg-idempotent": true, responses: { "200": { description: "ok" } } } }), "operation-added", "GET /tags", "minor"],
  ["an operationId renamed", (d) => (getContact(d).operationId = "readContact"), "operation-id-changed", "GET /contact/{id}", "major"],
  // parameters
  ["a required parameter added", (d) => getContact(d).parameters.push({ name: "since", in: "query", required: true, schema: { type: "string" } }), "parameter-added-required", "GET /contact/{id} query parameter since", "major"],
  ["an optional parameter added", (d) => getContact(d).parameters.push({ name: "since", in: "query", schema: { type: "string" } }), "parameter-added-optional", "GET /contact/{id} query parameter since", "minor"],
  ["a parameter removed", (d) => getContact(d).parameters.shift(), "parameter-removed", "GET /contact/{id} query parameter extend", "major"],
  ["a parameter no longer filled from config", (d) => delete getContact(d).parameters[1]["x-seg-bind"], "client-stops-filling-input", "GET /contact/{id} query parameter account", "major"],
  ["a parameter's enum narrowed", (d) => (getContact(d).parameters[0].schema.items.enum = ["tags"]), "request-enum-value-removed", "GET /contact/{id} query parameter extend[]", "major"],
  // request bodies and their schemas
  ["a request field added as required", (d) => { schema(d, "ContactInput").properties.phone = { type: "string" }; schema(d, "ContactInput").required.push("phone"); }, "request-property-added-required", "ContactInput.phone", "major"],
  ["a request field made required", (d) => schema(d, "ContactInput").required.push("name"), "request-property-became-required", "ContactInput.name", "major"],
  ["an optional request field added", (d) => (schema(d, "ContactInput").properties.phone = { type: "string" }), "request-property-added-optional", "ContactInput.phone", "minor"],
  ["a request field removed", (d) => delete schema(d, "ContactInput").properties.tags, "request-property-removed", "ContactInput.tags", "major"],
  ["a request enum narrowed", (d) => (schema(d, "ContactInput").properties.status.enum = ["active"]), "request-enum-value-removed", "ContactInput.status", "major"],
  ["a request enum widened", (d) => schema(d, "ContactInput").properties.status.enum.push("pending"), "request-enum-value-added", "ContactInput.status", "minor"],
  ["a request type widened", (d) => (schema(d, "ContactInput").properties.name.type = ["string", "null"]), "request-type-widened", "ContactInput.name", "minor"],
  ["a request type changed", (d) => (schema(d, "ContactInput").properties.name.type = "integer"), "request-type-changed", "ContactInput.name", "major"],
  ["a request item format added", (d) => (schema(d, "ContactInput").properties.tags.items = { type: "string", format: "uuid" }), "request-constraint-tightened", "ContactInput.tags[]", "major"],
  ["a request constraint tightened", (d) => (schema(d, "ContactInput").properties.email.maxLength = 100), "request-constraint-tightened", "ContactInput.email", "major"],
  ["a request body made optional", (d) => (d.paths["/contact"].post.requestBody.required = false), "request-body-became-optional", "POST /contact", "minor"],
  // responses
  ["a response enum widened", (d) => schema(d, "Contact").properties.status.enum.push("pending"), "response-enum-value-added", "Contact.status", "major"],
  ["a response enum narrowed", (d) => (schema(d, "Contact").properties.status.enum = ["active"]), "response-enum-value-removed", "Contact.status", "minor"],
  ["a response field removed", (d) => delete schema(d, "Contact").properties.lists, "response-property-removed", "Contact.lists", "major"],
  ["a nested response field removed", (d) => delete schema(d, "Contact").properties.address.properties.city, "response-property-removed", "Contact.address.city", "major"],
  ["a response field made optional", (d) => (schema(d, "Contact").required = ["id"]), "response-property-became-optional", "Contact.email", "major"],
  ["a response field added", (d) => (schema(d, "Contact").properties.phone = { type: "string" }), "response-property-added", "Contact.phone", "minor"],
  ["a response field made nullable", (d) => (schema(d, "Contact").properties.id.type = ["string", "null"]), "response-type-widened", "Contact.id", "major"],
  ["a response oneOf variant added", (d) => { schema(d, "Contact").properties.source.oneOf.push({ type: "object", properties: { api: { type: "string" } } }); }, "response-variant-added", "Contact.source", "major"],
  ["a success response added", (d) => (getContact(d).responses["203"] = { description: "cached" }), "response-success-added", "GET /contact/{id}", "major"],
  ["an error response added", (d) => (getContact(d).responses["429"] = { description: "slow down" }), "response-error-added", "GET /contact/{id}", "minor"],
  // servers, security, extensions
  ["a host renamed", (d) => (d.servers[0]["x-seg-host"] = "main"), "host-removed", "api", "major"],
  ["a host variable added", (d) => { d.servers[0].url += "/{region}"; d.servers[0].variables.region = { default: "eu" }; }, "host-variables-changed", "api", "major"],
  ["a host's default URL changed", (d) => (d.servers[0].url = "https://api2.example.invalid/{account_id}"), "host-url-changed", "api", "patch"],
  ["a security scheme changed", (d) => (d.components.securitySchemes.apiKey.in = "query"), "auth-scheme-changed", "apiKey", "major"],
  ["an operation's auth changed", (d) => { d.components.securitySchemes.bearer = { type: "http", scheme: "bearer" }; getContact(d).security = [{ bearer: [] }]; }, "auth-changed", "GET /contact/{id}", "major"],
  ["an operation that no longer needs auth", (d) => (getContact(d).security = []), "auth-removed", "GET /contact/{id}", "patch"],
  ["x-seg-idempotent flipped", (d) => (getContact(d)["x-seg-idempotent"] = false), "operation-retry-changed", "GET /contact/{id}", "patch"],
  ["an unknown x-seg-* extension", (d) => (getContact(d)["x-seg-cache"] = 60), "spec-extension-changed", "GET /contact/{id} x-seg-* extensions", "patch"],
  ["a named schema removed", (d) => { delete d.components.schemas.Form; schema(d, "Contact").properties.source.oneOf.pop(); }, "schema-removed", "Form", "major"],
  // documentation only
  ["a description edited", (d) => (schema(d, "Contact").description = "What a caller reads, now better explained."), "spec-docs-changed", "specs/fixture.yaml", "patch"],
];

group("spec rules", () => {
  it.each(cases)("%s", (_name, edit, rule, at, level) => {
    const changes = classify(edit);
    expect(changes.map((c) => `${c.rule} @ ${c.at}`)).toContain(`${rule} @ ${at}`);
    expect(highest(changes.map(levelOf))).toBe(level);
  });

  it("finds nothing when nothing changed, and docs-only when only a comment did", () => {
    expect(classifySpec(baseText, baseText, "specs/fixture.yaml")).toEqual([]);
    expect(classifySpec(baseText, `${baseText}# a comment\n`, "specs/fixture.yaml").map((c) => c.rule)).toEqual(["spec-docs-changed"]);
  });

  it("names a changed named schema once, with the operations that reach it", () => {
    const changes = classify((d) => delete schema(d, "Contact").properties.lists);
    expect(changes.map(describe)).toEqual(["Contact.lists removed from a response (in GET /contact/{id}, POST /contact)"]);
  });

  it("notes where a renamed operation went", () => {
    const removed = classify((d) => { d.paths["/contacts/{id}"] = d.paths["/contact/{id}"]; delete d.paths["/contact/{id}"]; })
      .filter((c) => c.rule === "operation-removed").map(describe);
    expect(removed).toEqual([
      "GET /contact/{id} removed (getContact is now GET /contacts/{id})",
      "DELETE /contact/{id} removed (deleteContact is now DELETE /contacts/{id})",
    ]);
  });

  it("treats a property the client fills in (x-seg-bind) as optional to callers", () => {
    const changes = classify((d) => {
      schema(d, "ContactInput").properties.account = { type: "string", "x-seg-bind": "account" };
      schema(d, "ContactInput").required.push("account");
    });
    expect(changes.map((c) => c.rule)).toEqual(["request-property-added-optional"]);
  });

  it("does not loop on a recursive schema", () => {
    const changes = classify((d) => {
      schema(d, "Contact").properties.parent = { $ref: "#/components/schemas/Contact" };
    });
    expect(changes.map((c) => `${c.rule} @ ${c.at}`)).toEqual(["response-property-added @ Contact.parent"]);
  });
});
