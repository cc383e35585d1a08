import { describe, expect, it } from "vitest";
import { documentedResponses, examplesOf, isJsonMedia, readSpec, requestExamples, specOperations } from "../src/index.ts";

const doc = {
  openapi: "3.1.0",
  servers: [{ url: "https://api.example.com", "x-seg-host": "api" }],
  paths: {
    "/things": {
      post: {
        operationId: "createThing",
        "x-seg-idempotent": false,
        requestBody: {
          content: { "application/json": { schema: { type: "object" }, examples: { small: { value: { name: "a" } }, shared: { $ref: "#/components/examples/Big" } } } },
        },
        responses: {
          "201": { description: "made", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" }, example: { id: "1" } } } },
          "204": { description: "nothing" },
          "5XX": { $ref: "#/components/responses/Outage" },
        },
      },
    },
  },
  components: {
    examples: { Big: { value: { name: "big" } } },
    responses: { Outage: { description: "down", content: { "text/html": { schema: { type: "string" } } } } },
    schemas: { Thing: { type: "object" } },
  },
};

describe("documentedResponses", () => {
  const [operation] = specOperations(doc).operations;

  it("lists every status with its media type, schema and examples, following $refs", () => {
    expect(documentedResponses(doc, operation!)).toEqual([
      { status: "201", contentType: "application/json", schema: { $ref: "#/components/schemas/Thing" }, examples: { example: { id: "1" } } },
      { status: "204", contentType: undefined, schema: undefined, examples: {} },
      { status: "5XX", contentType: "text/html", schema: { type: "string" }, examples: {} },
    ]);
  });

  it("names the request body's examples in the spec's order", () => {
    expect(requestExamples(doc, operation!)).toEqual({ small: { name: "a" }, shared: { name: "big" } });
  });

  it("reads the vendor specs' documented examples", () => {
    const segmint = readSpec("segmint");
    const token = specOperations(segmint).operations.find((op) => op.operationId === "createToken")!;
    const ok = documentedResponses(segmint, token).find((response) => response.status === "200");
    expect(ok?.examples).toEqual({ docs: { access_token: "{{AUTH_TOKEN}}" } });
    expect(examplesOf(segmint, undefined)).toEqual({});
  });
});

describe("isJsonMedia", () => {
  it.each([
    ["application/json", true],
    ["application/problem+json", true],
    ["text/html", false],
    ["*/*", false],
    [undefined, false],
  ])("%s → %s", (type, json) => {
    expect(isJsonMedia(type)).toBe(json);
  });
});
