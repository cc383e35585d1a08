// `seg-scripts api-report [--check]`: each published package's public TypeScript surface, one API
// Extractor report per entry point of its `exports` map, committed at `<package>/api/<entry>.api.md`
// so a pull request shows API changes as a readable diff (and `check-changesets` classifies them).
// API Extractor rather than a report of our own: its `.api.md` is the format reviewers already know
// (Azure's SDKs commit one per package), it follows re-exports and chunked declaration files, and it
// names the types a signature uses without exporting them (`ae-forgotten-export`).
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Extractor, ExtractorConfig, ExtractorLogLevel, type ExtractorMessage } from "@microsoft/api-extractor";
import { repoRoot } from "./paths.ts";
import { publishedPackages, type WorkspacePackage } from "./workspace.ts";

export const REPORT_DIR = "api";

export interface EntryPoint {
  /** The subpath in `exports` (`.`, `./adapter`). */
  subpath: string;
  /** The declaration file it resolves to, relative to the package (`dist/index.d.ts`). */
  types: string;
  /** The committed report, relative to the repository root (`packages/segmetrics/api/index.api.md`). */
  report: string;
}

/** The `types` file of an exports entry, preferring the ESM (`import`) condition. */
function typesOf(target: unknown): string | undefined {
  if (typeof target !== "object" || target === null) return undefined;
  const conditions = target as Record<string, unknown>;
  if (typeof conditions.types === "string") return conditions.types;
  for (const condition of ["import", "default", "require"]) {
    const found = typesOf(conditions[condition]);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function entryPoints(pkg: WorkspacePackage): EntryPoint[] {
  const exports = (pkg.manifest as { exports?: Record<string, unknown> }).exports ?? {};
  return Object.entries(exports).flatMap(([subpath, target]) => {
    const types = typesOf(target);
    if (types === undefined) return [];
    const name = subpath === "." ? "index" : subpath.replace(/^\.\//, "").replaceAll("/", "-");
    return [{ subpath, types: path.posix.normalize(types), report: `${pkg.dir}/${REPORT_DIR}/${name}.api.md` }];
  });
}

/** Runs API Extractor on one entry point's built declarations and returns the report's text. */
export async function renderReport(root: string, pkg: WorkspacePackage, entry: EntryPoint): Promise<string> {
  const projectFolder = path.join(root, pkg.dir);
  const dts = path.join(projectFolder, entry.types);
  if (!existsSync(dts)) throw new Error(`${pkg.manifest.name}: ${pkg.dir}/${entry.types} is missing; build first (\`pnpm api:report\` does)`);
  const temp = await mkdtemp(path.join(tmpdir(), "seg-api-report-"));
  const reportFileName = path.posix.basename(entry.report, ".api.md");
  const problems: string[] = [];
  try {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder,
        mainEntryPointFilePath: dts,
        newlineKind: "lf",
        compiler: {
          overrideTsconfig: {
            compilerOptions: { strict: true, skipLibCheck: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext", lib: ["es2022", "dom"] },
            files: [dts],
          },
        },
        apiReport: { enabled: true, reportFileName, reportFolder: temp, reportTempFolder: temp },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          // Release tags and doc comments are not this repo's convention; forgotten exports are
          // written into the report itself, where a reviewer sees them.
          extractorMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
          compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
          tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
        },
      },
      configObjectFullPath: path.join(projectFolder, "api-extractor.json"),
      packageJsonFullPath: path.join(projectFolder, "package.json"),
    });
    const result = Extractor.invoke(config, {
      localBuild: true,
      messageCallback: (message: ExtractorMessage) => {
        message.handled = true;
        if (message.logLevel === ExtractorLogLevel.Error) problems.push(message.formatMessageWithLocation(projectFolder));
      },
    });
    if (!result.succeeded || problems.length > 0) throw new Error(`${pkg.manifest.name} ${entry.subpath}: API Extractor failed:\n${problems.join("\n")}`);
    return await readFile(path.join(temp, `${reportFileName}.api.md`), "utf8");
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * Writes every report (or, with `check`, compares them); false when a committed one is stale.
 * `only` limits it to those packages (by name), for a command that built only them.
 */
export async function apiReport({ check, root = repoRoot, only }: { check: boolean; root?: string; only?: readonly string[] }): Promise<boolean> {
  const stale: string[] = [];
  for (const pkg of (await publishedPackages(root)).filter((candidate) => only === undefined || only.includes(candidate.manifest.name))) {
    for (const entry of entryPoints(pkg)) {
      const fresh = await renderReport(root, pkg, entry);
      const file = path.join(root, entry.report);
      const committed = await readFile(file, "utf8").catch(() => undefined);
      if (committed === fresh) continue;
      if (check) {
        stale.push(entry.report);
      } else {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, fresh);
        console.log(`wrote ${entry.report}`);
      }
    }
  }
  if (stale.length === 0) {
    console.log(check ? "API reports match the built packages" : "API reports are up to date");
    return true;
  }
  console.error(
    `API reports are out of date with the packages' public types:\n${stale.map((f) => `  ${f}`).join("\n")}\n` +
      "fix: run `pnpm api:report` and commit the reports (review their diff: it is the API change your users see)",
  );
  return false;
}
