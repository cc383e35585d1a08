// --state <file>: the store survives a restart; the control API shows, replaces and resets it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSandbox, type SandboxState } from "../src/index.ts";
import { at, call, SEGMENTER_AUTH, SEGMETRICS_AUTH, segmetricsPaths } from "./harness.ts";

const dir = mkdtempSync(path.join(tmpdir(), "seg-sandbox-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const { importPath, reporting } = segmetricsPaths("acct-persist");

describe("a state file", () => {
  it("is written after each change and read back by the next sandbox", async () => {
    const statePath = path.join(dir, "state.json");
    {
      await using first = await startSandbox({ statePath });
      await call(first, "POST", `${importPath}/contact`, { headers: SEGMETRICS_AUTH, body: { contact_id: 1, email: "keep@example.com" } });
      await call(first, "POST", "/segmenter/segments", { headers: SEGMENTER_AUTH, body: { name: "Kept", persons: [{ externalId: "p-1" }] } });
      const saved = JSON.parse(readFileSync(statePath, "utf8")) as SandboxState;
      expect(saved.segmetrics.accounts["acct-persist"]?.contacts).toHaveLength(1);
    }
    await using second = await startSandbox({ statePath });
    const contact = await call(second, "GET", `${reporting}/contact/keep%40example.com`, { headers: SEGMETRICS_AUTH });
    expect(at(contact.body, "data.contact_id")).toBe("1");
    expect(second.state.segmenter.segments["sbx-segment-1"]?.name).toBe("Kept");
    // Made-up ids continue where they stopped.
    const next = await call(second, "POST", "/segmenter/segments", { headers: SEGMENTER_AUTH, body: { name: "Next" } });
    expect(at(next.body, "data.id")).toBe("sbx-segment-2");
  });

  it("that is not JSON stops the sandbox from starting, naming the file", async () => {
    const statePath = path.join(dir, "broken.json");
    writeFileSync(statePath, "{ nope");
    await expect(startSandbox({ statePath })).rejects.toThrow(`cannot read sandbox state from ${statePath}`);
  });
});

describe("the control API", () => {
  it("shows, replaces and resets the state", async () => {
    await using sandbox = await startSandbox();
    await call(sandbox, "POST", `${importPath}/contact`, { headers: SEGMETRICS_AUTH, body: { email: "a@example.com" } });
    const shown = await call(sandbox, "GET", "/__sandbox/state");
    expect(at(shown.body, "segmetrics.accounts.acct-persist.contacts.0.email")).toBe("a@example.com");

    const replaced = await call(sandbox, "PUT", "/__sandbox/state", { body: { segmint: { campaigns: { "42": { id: "42", name: "Fixture" } } } } });
    expect(replaced.status).toBe(200);
    expect(sandbox.state.segmetrics.accounts).toEqual({});
    expect(sandbox.state.segmint.campaigns).toEqual({ "42": { id: "42", name: "Fixture" } });
    expect((await call(sandbox, "PUT", "/__sandbox/state", { body: { version: 9 } })).body).toEqual({ error: "Bad Request", message: "unsupported state version 9" });

    await call(sandbox, "POST", "/__sandbox/reset");
    expect(sandbox.state.segmint.campaigns).toHaveProperty("1001");
    expect(sandbox.log).toEqual([]);
    const info = await call(sandbox, "GET", "/__sandbox");
    expect(info.body).toMatchObject({ url: sandbox.url, seed: 0, urls: { segmint: `${sandbox.url}/segmint` } });
  });
});
