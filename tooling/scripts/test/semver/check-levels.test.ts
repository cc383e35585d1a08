// check-changesets and changeset:suggest on real history: a workspace with a vendor (its spec is
// test/fixtures/semver-base.yaml) and a facade that peers on it, released at 0.1.0, then edited.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- the fixture spec is edited as free-form JSON */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse, stringify } from "yaml";
import { checkChangesets } from "../../src/check-changesets.ts";
import { suggestChangesets } from "../../src/suggest-changesets.ts";
import { TempRepo } from "../fixtures/temp-repo.ts";

let repo: TempRepo;
const output = (): string =>
  [...vi.mocked(console.log).mock.calls, ...vi.mocked(console.error).mock.calls].map((call) => call.join(" ")).join("\n");
const baseSpec = await readFile(new URL("../fixtures/semver-base.yaml", import.meta.url), "utf8");

const vendor = (version: string) => ({ name: "@seg/segmetrics", version, type: "module", dependencies: {} });
const facade = (version: string, range = "0.x") => ({ name: "@seg/sdk", version, type: "module", peerDependencies: { "@seg/segmetrics": range } });
const changeset = (releases: Record<string, string>): string =>
  `---\n${Object.entries(releases).map(([name, bump]) => `"${name}": ${bump}`).join("\n")}\n---\n\nA change.\n`;

async function release(version: string): Promise<void> {
  await repo.write("packages/segmetrics/package.json", vendor(version));
  await repo.write("packages/sdk/package.json", facade(version));
  await repo.commit(`Version packages (${version})`);
}

async function editSpec(edit: (doc: Record<string, any>) => void): Promise<void> {
  const doc = parse(baseSpec) as Record<string, any>;
  edit(doc);
  await repo.write("specs/segmetrics.yaml", stringify(doc));
}
const removeDelete = () => editSpec((doc) => delete doc.paths["/contact/{id}"].delete);

beforeEach(async () => {
  vi.spyOn(console, "log").mockImplementation(() => undefined);
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  repo = await TempRepo.create("seg-check-levels-");
  await repo.write("package.json", { name: "seg", private: true });
  await repo.write("pnpm-workspace.yaml", "packages:\n  - packages/*\n");
  await repo.write(".changeset/config.json", {
    baseBranch: "main",
    updateInternalDependencies: "patch",
    ___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH: { onlyUpdatePeerDependentsWhenOutOfRange: true },
  });
  await repo.write("specs/segmetrics.yaml", baseSpec);
  await repo.write("packages/segmetrics/src/client.ts", "export const client = 1;\n");
  await repo.write("packages/sdk/src/index.ts", "export const seg = 1;\n");
  await release("0.0.0");
  await release("0.1.0");
});
afterEach(async () => {
  await repo.dispose();
});

describe("check-changesets enforces the level a change needs", () => {
  it("fails a breaking change released as a patch, naming the package, the level and why", async () => {
    await removeDelete();
    await repo.write(".changeset/fix.md", changeset({ "@seg/segmetrics": "patch" }));
    expect(await checkChangesets(repo.root)).toBe(false);
    expect(output()).toMatch(/^ {2}@seg\/segmetrics needs major: DELETE \/contact\/\{id\} removed$/m);
    expect(output()).toMatch(/its changesets bump it patch \(\.changeset\/fix\.md\); since its 0\.1\.0 release/);
  });

  it("passes the same change released as a major once the facade's peer range accepts it", async () => {
    await removeDelete();
    await repo.write(".changeset/fix.md", changeset({ "@seg/segmetrics": "major" }));
    expect(await checkChangesets(repo.root)).toBe(false);
    expect(output()).toContain(`@seg/sdk's peerDependencies range on @seg/segmetrics ("0.x") does not accept 1.0.0`);
    expect(output()).toContain(`widen it in packages/sdk/package.json to "0.x || 1.x"`);
    expect(output()).toMatch(/@seg\/segmetrics: 1 file\(s\) changed \(since its 0\.1\.0 release in [0-9a-f]{7}, needs major\), released by \.changeset\/fix\.md/);

    vi.mocked(console.error).mockClear();
    await repo.write("packages/sdk/package.json", facade("0.1.0", "0.x || 1.x"));
    await repo.write(".changeset/sdk.md", changeset({ "@seg/sdk": "minor" }));
    expect(await checkChangesets(repo.root)).toBe(true);
    expect(output()).toMatch(/@seg\/sdk: 1 file\(s\) changed \(since its 0\.1\.0 release in [0-9a-f]{7}, needs minor\)/);
  });

  it("asks for a minor for an addition, and accepts it", async () => {
    await editSpec((doc) => (doc.components.schemas.Contact.properties.phone = { type: "string" }));
    await repo.write(".changeset/fix.md", changeset({ "@seg/segmetrics": "patch" }));
    expect(await checkChangesets(repo.root)).toBe(false);
    expect(output()).toMatch(/@seg\/segmetrics needs minor: Contact\.phone added to a response/);
    await repo.write(".changeset/fix.md", changeset({ "@seg/segmetrics": "minor" }));
    expect(await checkChangesets(repo.root)).toBe(true);
  });

  it("accepts a patch for a description edit", async () => {
    await editSpec((doc) => (doc.components.schemas.Contact.description = "Better words."));
    await repo.write(".changeset/fix.md", changeset({ "@seg/segmetrics": "patch" }));
    expect(await checkChangesets(repo.root)).toBe(true);
  });

  it("classifies a narrowed peer range as breaking for the facade", async () => {
    await repo.write("packages/sdk/package.json", facade("0.1.0", ">=0.1.5 <1.0.0"));
    await repo.write(".changeset/sdk.md", changeset({ "@seg/sdk": "minor" }));
    expect(await checkChangesets(repo.root)).toBe(false);
    expect(output()).toMatch(/@seg\/sdk needs major: peer range on @seg\/segmetrics narrowed/);
  });
});

describe("changeset:suggest", () => {
  it("writes the changesets a breaking change needs, widening the facade's range, and the check then passes", async () => {
    await removeDelete();
    await editSpec((doc) => {
      delete doc.paths["/contact/{id}"].delete;
      doc.components.schemas.Contact.properties.phone = { type: "string" };
    });
    const written = await suggestChangesets(repo.root);
    expect(written).toEqual([".changeset/segmetrics-changes.md", ".changeset/sdk-changes.md"]);
    expect(await readFile(path.join(repo.root, ".changeset/segmetrics-changes.md"), "utf8")).toBe(
      '---\n"@seg/segmetrics": major\n---\n\nBreaking changes:\n\n- DELETE /contact/{id} removed\n\nAdditions:\n\n- Contact.phone added to a response (in GET /contact/{id}, POST /contact)\n',
    );
    expect(await readFile(path.join(repo.root, ".changeset/sdk-changes.md"), "utf8")).toBe(
      '---\n"@seg/sdk": minor\n---\n\nAccepts `@seg/segmetrics` 1.0.0 (peer range `0.x || 1.x`).\n',
    );
    const sdk = JSON.parse(await readFile(path.join(repo.root, "packages/sdk/package.json"), "utf8")) as { peerDependencies: Record<string, string> };
    expect(sdk.peerDependencies["@seg/segmetrics"]).toBe("0.x || 1.x");
    expect(await checkChangesets(repo.root)).toBe(true);
  });

  it("writes nothing when the pending changesets already suffice", async () => {
    await removeDelete();
    await repo.write(".changeset/fix.md", changeset({ "@seg/segmetrics": "major" }));
    await repo.write("packages/sdk/package.json", facade("0.1.0", "0.x || 1.x"));
    await repo.write(".changeset/sdk.md", changeset({ "@seg/sdk": "minor" }));
    expect(await suggestChangesets(repo.root)).toEqual([]);
    expect(output()).toMatch(/every changed package already has the changeset it needs/);
  });

  it("raises a changeset that is too low with a second one", async () => {
    await removeDelete();
    await repo.write(".changeset/fix.md", changeset({ "@seg/segmetrics": "patch" }));
    await repo.write("packages/sdk/package.json", facade("0.1.0", "0.x || 1.x"));
    await repo.write(".changeset/sdk.md", changeset({ "@seg/sdk": "minor" }));
    expect(await suggestChangesets(repo.root)).toEqual([".changeset/segmetrics-changes.md"]);
    expect(await checkChangesets(repo.root)).toBe(true);
  });
});
