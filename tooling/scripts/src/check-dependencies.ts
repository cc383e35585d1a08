// `pnpm lint:repo`'s second half (after sherif): every dependency pinned exactly, and no way for an
// @seg name to come from a registry. `pnpm release` refuses on the second kind too.
import { pinProblems } from "./exact-pins.ts";
import { repoRoot } from "./paths.ts";
import { scopeProblems } from "./scope-guard.ts";
import { publishedPackages, workspacePackages } from "./workspace.ts";

export async function checkDependencies(root: string = repoRoot): Promise<boolean> {
  const workspace = await workspacePackages(root);
  const pins = await pinProblems(root, workspace);
  const scope = await scopeProblems(root, workspace, await publishedPackages(root));
  if (pins.length === 0 && scope.length === 0) {
    console.log(`dependencies: ${workspace.length + 1} package.json files and the catalog pin exact versions; every @seg name is a workspace link`);
    return true;
  }
  if (pins.length > 0) {
    console.error(`dependencies must be exact versions (supply chain: adr/0001-openapi-ts-freeze.md):\n${pins.map((p) => `  ${p}`).join("\n")}`);
    console.error('fix: write the exact version (`pnpm add` does, with savePrefix: ""), or use the catalog entry (`catalog:`)');
  }
  if (scope.length > 0) console.error(`an @seg name could come from a registry (dependency confusion):\n${scope.map((p) => `  ${p}`).join("\n")}`);
  return false;
}
