// `pnpm new-vendor` refuses, before writing anything and saying what to fix: a name that is not a
// vendor name or exists already, a spec that breaks a seg convention (x-seg-idempotent, x-seg-host,
// a security scheme seg cannot send), and a spec the spec gate (redocly.yaml) fails. The fixture
// spec, changed one way per case, is checked against this repository, which is only read.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git } from "../src/git.ts";
import { checkNewVendor } from "../src/new-vendor/refusals.ts";
import { NewVendorRefused } from "../src/new-vendor/refused.ts";
import { repoRoot } from "../src/paths.ts";
import { exec } from "./e2e/exec.ts";

const FIXTURE = path.join(repoRoot, "tooling/scripts/test/fixtures/new-vendor/fixturemail.yaml");
let dir: string;
let fixture: string;
let statusBefore: string;

beforeAll(async () => {
  statusBefore = await git(repoRoot, ["status", "--porcelain"]);
  dir = await mkdtemp(path.join(tmpdir(), "seg-new-vendor-refusals-"));
  fixture = await readFile(FIXTURE, "utf8");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  expect(await git(repoRoot, ["status", "--porcelain"])).toBe(statusBefore);
});

/** The fixture with `from` replaced by `to` (which must be in it), as a spec file. */
async function specWith(from: string, to: string): Promise<string> {
  expect(fixture).toContain(from);
  const file = path.join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, fixture.replace(from, to));
  return file;
}

async function refusal(vendor: string, spec: string, displayName?: string): Promise<string> {
  const error = await checkNewVendor(repoRoot, vendor, spec, displayName).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(NewVendorRefused);
  return (error as Error).message;
}

describe("pnpm new-vendor refuses", () => {
  it("accepts the fixture spec as it is (so each refusal below is the change's)", async () => {
    const facts = await checkNewVendor(repoRoot, "fixturemail", FIXTURE);
    expect({ pascal: facts.pascal, credential: facts.shape.credential.kind, options: facts.shape.options.map((o) => o.name) }).toEqual({
      pascal: "FixtureMail",
      credential: "header",
      options: ["apiKey", "accountId", "source"],
    });
  }, 60_000);

  it("a name that exists as a spec and a package", async () => {
    expect(await refusal("segmetrics", FIXTURE)).toBe(
      '"segmetrics" exists already: specs/segmetrics.yaml, packages/segmetrics, packages/segmetrics (@seg/segmetrics). Choose another name, or change that vendor\'s spec instead (CONTRIBUTING.md, section 1)',
    );
  });

  it("a name that is a workspace package", async () => {
    expect(await refusal("core", FIXTURE)).toMatch(/^"core" exists already: packages\/core/);
  });

  it.each(["Fixture-Mail", "fixture_mail", "9mail", "x"])("%s, which is not a lower-case npm-safe identifier", async (name) => {
    expect(await refusal(name, FIXTURE)).toMatch(new RegExp(`^"${name}" is not a vendor name: use 2–50 lower-case letters and digits, starting with a letter`));
  });

  it("an operation without x-seg-idempotent, naming it and the fix", async () => {
    const spec = await specWith("      # Reading changes nothing.\n      x-seg-idempotent: true\n", "");
    expect(await refusal("fixturemail", spec)).toBe(
      "the spec breaks a seg convention (specs/README.md): GET /lists/{list_id}: x-seg-idempotent must be true or false\n" +
        "fix: add `x-seg-idempotent: true` (repeating it cannot change the outcome, so it may be retried) or `false` to that operation, with the reason in a comment",
    );
  });

  it("a server without x-seg-host", async () => {
    const spec = await specWith("    x-seg-host: api\n", "");
    expect(await refusal("fixturemail", spec)).toMatch(/x-seg-host\nfix: name each server's host with `x-seg-host: <name>`/);
  });

  it("a security scheme seg cannot send, with what it can", async () => {
    const spec = await specWith(
      "      type: apiKey\n      in: header\n      name: X-Fixture-Key\n",
      "      type: oauth2\n      flows:\n        clientCredentials:\n          tokenUrl: https://api.fixturemail.test/token\n          scopes: {}\n",
    );
    expect(await refusal("fixturemail", spec)).toBe(
      "the spec breaks a seg convention (specs/README.md): securitySchemes.apiKey: type oauth2 is not supported: use an apiKey in a header, http bearer or http basic (or x-seg-body-token)\n" +
        "fix: use one scheme in the root `security`: an apiKey in a header, http bearer or http basic, or a body token (`x-seg-body-token`)",
    );
  });

  it("an API key in the query", async () => {
    const spec = await specWith("      in: header\n      name: X-Fixture-Key\n", "      in: query\n      name: key\n");
    expect(await refusal("fixturemail", spec)).toMatch(/securitySchemes\.apiKey: an apiKey query is not supported: seg sends keys in a header/);
  });

  it("a display name that does not spell the vendor name, suggesting --display-name", async () => {
    expect(await refusal("fixturemail", await specWith("title: FixtureMail API", "title: Fixture Mail Co API"))).toBe(
      'the display name "Fixture Mail Co" gives createFixtureMailCoClient, which does not spell the vendor name "fixturemail": pass --display-name with the vendor\'s own capitalisation of "fixturemail" (e.g. --display-name Fixturemail)',
    );
    expect((await checkNewVendor(repoRoot, "fixturemail", await specWith("title: FixtureMail API", "title: Fixture Mail Co API"), "FixtureMail")).pascal).toBe("FixtureMail");
  }, 60_000);

  it("a spec the spec gate fails, with redocly's report", async () => {
    // No 4xx response on an operation: redocly.yaml's operation-4xx-response.
    const spec = await specWith('        "401":\n          $ref: "#/components/responses/Unauthorized"\n        "404":\n          $ref: "#/components/responses/NotFound"\n', "");
    const message = await refusal("fixturemail", spec);
    expect(message).toMatch(/^the spec fails the spec gate \(redocly\.yaml's rules, `pnpm lint:specs`\):\nvalidating /);
    expect(message).toContain("operation-4xx-response");
  }, 60_000);

  it("from the command line: exit code 1, the message, nothing written", async () => {
    const spec = await specWith("      # Reading changes nothing.\n      x-seg-idempotent: true\n", "");
    const { code, stderr } = await exec(process.execPath, [path.join(repoRoot, "tooling/scripts/bin.js"), "new-vendor", "fixturemail", "--spec", spec], {
      cwd: repoRoot,
      env: process.env,
      timeoutMs: 60_000,
    });
    expect(code).toBe(1);
    expect(stderr).toContain("new-vendor: the spec breaks a seg convention (specs/README.md): GET /lists/{list_id}: x-seg-idempotent must be true or false");
  }, 60_000);
});
