import { fileURLToPath } from "node:url";
import path from "node:path";

/** The repository root: this file lives at tooling/scripts/src/. */
export const repoRoot: string = path.resolve(fileURLToPath(import.meta.url), "../../../..");

export const specPath = (vendor: string): string => path.join(repoRoot, "specs", `${vendor}.yaml`);

export const generatedDir = (vendor: string): string =>
  path.join(repoRoot, "packages", vendor, "src", "generated");
