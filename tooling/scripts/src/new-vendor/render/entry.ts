// packages/<vendor>/src/index.ts and src/paths.ts: the package's exports, named as every vendor
// package names them, with the one @seg/core re-export block all vendor packages share.
import type { VendorFacts } from "../facts.ts";

const CORE_BLOCK = "// What a user needs from @seg/core, re-exported the same way by every vendor package.";

/**
 * The @seg/core re-export block of an existing vendor's index.ts (they are all the same: the
 * vendor-surface test says so), so a new package re-exports what the others do today.
 */
export function coreBlock(existingIndex: string, where: string): string {
  const start = existingIndex.indexOf(CORE_BLOCK);
  if (start === -1) throw new Error(`${where}: no "${CORE_BLOCK}" block to copy the @seg/core re-exports from`);
  return existingIndex.slice(start);
}

export function indexTs({ vendor, pascal, title, shape, environments }: VendorFacts, core: string): string {
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
    core.trimEnd(),
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
