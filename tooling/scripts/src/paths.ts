import { fileURLToPath } from "node:url";
import path from "node:path";

/** The repository root: this file lives at tooling/scripts/src/. */
export const repoRoot: string = path.resolve(fileURLToPath(import.meta.url), "../../../..");

export const specPath = (vendor: string, root: string = repoRoot): string => path.join(root, "specs", `${vendor}.yaml`);

export const generatedDir = (vendor: string, root: string = repoRoot): string =>
  path.join(root, "packages", vendor, "src", "generated");
