import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { generate } from "./generate.ts";
import { generatedDir, repoRoot } from "./paths.ts";
import { referenceFiles } from "./reference.ts";
import { registryFiles } from "./vendor-registry/index.ts";

/**
 * Regenerates every vendor's code and reference (API.md, the README coverage table), and every
 * list outside the vendor packages that names the vendors (registryFiles), in memory and compares
 * with the committed files, without touching the working tree. Returns false (after
 * saying what differs and how to fix it) on any difference.
 */
export async function checkGenerated(root: string = repoRoot): Promise<boolean> {
  const specs = (await readdir(path.join(root, "specs"))).filter((f) => f.endsWith(".yaml"));
  const stale: string[] = [];
  for (const vendor of specs.map((f) => f.replace(/\.yaml$/, ""))) {
    const dir = generatedDir(vendor, root);
    if (!existsSync(path.dirname(path.dirname(dir)))) {
      console.log(`${vendor}: no packages/${vendor} yet, nothing generated to check`);
      continue;
    }
    const committedNames = await readdir(dir).catch(() => [] as string[]);
    const fresh = await generate(vendor, root);
    for (const name of new Set([...committedNames, ...Object.keys(fresh)])) {
      const file = path.join(dir, name);
      const committed = await readFile(file, "utf8").catch(() => undefined);
      if (committed !== fresh[name]) stale.push(path.relative(root, file));
    }
  }
  const expected = { ...(await referenceFiles(root)), ...(await registryFiles(root)) };
  for (const [file, fresh] of Object.entries(expected)) {
    if ((await readFile(path.join(root, file), "utf8").catch(() => undefined)) !== fresh) stale.push(file);
  }
  if (stale.length === 0) {
    console.log(`generated code and reference match ${specs.length} spec(s)`);
    return true;
  }
  console.error(
    `generated code or reference is out of date with specs/:\n${stale.map((f) => `  ${f}`).join("\n")}\n` +
      "fix: run `pnpm generate` (then `pnpm install` if a package.json changed) and commit the result (never edit src/generated/, API.md, a README's generated block, redocly.yaml's `apis` or the vendor entries of the packages that take every vendor by hand)",
  );
  return false;
}
