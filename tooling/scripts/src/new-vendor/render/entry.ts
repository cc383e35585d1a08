// packages/<vendor>/src/index.ts and src/paths.ts: the package's exports, named as every vendor
// package names them, with @seg/core/public re-exported whole as every vendor package does.
import type { VendorFacts } from "../facts.ts";

export function indexTs({ vendor, pascal, title, shape, environments }: VendorFacts): string {
  const clientTypes = [`${pascal}Client`, ...(environments.length ? [`${pascal}Environment`] : []), ...(shape.multiHost ? [`${pascal}Host`] : []), `${pascal}Options`];
  return [
    `// @seg/${vendor}: a typed client for the ${title} API.`,
    `export { create${pascal}Client } from "./client.ts";`,
    `export type { ${clientTypes.join(", ")} } from "./client.ts";`,
    `export type { ${pascal}Path, ${pascal}Paths } from "./paths.ts";`,
    'export type { components, operations, paths } from "./generated/schema.ts";',
    `// Every schema of specs/${vendor}.yaml by its name: the list is generated, so it is re-exported whole.`,
    'export type * from "./generated/schemas.ts";',
    "",
    "// What a user needs from @seg/core (errors, unwrap, option and result types), as every vendor package re-exports it.",
    'export * from "@seg/core/public";',
    "",
  ].join("\n");
}

export const pathsTs = ({ pascal, title }: VendorFacts): string => `import type { BoundPaths, ClientMethod, PathOf } from "@seg/core";
import type { operations } from "./generated/operations.ts";
import type { paths } from "./generated/schema.ts";

/** The spec's paths, with the inputs the client fills in (\`x-seg-bind\`) optional. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so editors show this name, not the BoundPaths<…> table
export interface ${pascal}Paths extends BoundPaths<paths, typeof operations> {}

/** A documented ${title} path that has \`Method\` (any method by default); calls take these. */
export type ${pascal}Path<Method extends ClientMethod = ClientMethod> = PathOf<${pascal}Paths, Method>;
`;
