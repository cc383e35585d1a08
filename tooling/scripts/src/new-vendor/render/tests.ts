// packages/<vendor>/test/: the shared conformance matrix (@seg/test-server/conformance) in its
// three-line form, and what must and must not compile against the client.
import type { VendorFacts } from "../facts.ts";

export const conformanceTest = ({ vendor, pascal }: VendorFacts): string => `import { conformance } from "@seg/test-server/conformance";
import { create${pascal}Client } from "../src/index.ts";
conformance({ vendor: "${vendor}", createClient: create${pascal}Client });
`;

export function typesTest({ vendor, pascal, shape }: VendorFacts): string {
  const options = shape.options.map((option) => `${option.name}: "v"`).join(", ");
  return `// What must and must not compile against the ${pascal} client.
import { describe, expectTypeOf, it } from "vitest";
import { create${pascal}Client, type ${pascal}Client, ${shape.multiHost ? `type ${pascal}Host, ` : ""}type ${pascal}Options } from "../src/index.ts";

describe("create${pascal}Client", () => {
  it("returns the typed client", () => {
    expectTypeOf(create${pascal}Client).returns.toEqualTypeOf<${pascal}Client>();
  });

  it("takes the spec's options, each a string${shape.options.length ? "" : " (there are none but the transport's)"}", () => {
    expectTypeOf<Pick<${pascal}Options, ${[...shape.options.map((option) => JSON.stringify(option.name)), JSON.stringify(shape.multiHost ? "baseUrls" : "baseUrl")].join(" | ")}>>().toEqualTypeOf<{ ${[...shape.options.map((option) => `${option.name}?: string`), shape.multiHost ? `baseUrls?: Partial<Record<${pascal}Host, string>>` : "baseUrl?: string"].join("; ")} }>();
    // @ts-expect-error -- not an option of ${vendor}
    create${pascal}Client({ ${options ? `${options}, ` : ""}notAnOption: true });
  });

  it("refuses a path the spec does not document", () => {
    const client = create${pascal}Client(${options ? `{ ${options} }` : ""});
    // @ts-expect-error -- not a ${pascal} path
    expectTypeOf(client.GET).toBeCallableWith("/not/a/documented/path");
  });
});
`;
}
