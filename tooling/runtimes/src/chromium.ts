// Chromium: Debian's package, installed here when it is missing (idempotent; needs root, as CI has),
// and driven headless by playwright-core. The page is served from another port than the sandbox, so
// every call is cross-origin and goes through the sandbox's CORS, as a page's calls to a vendor do.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { chromium, type Browser } from "playwright-core";
import { bundle } from "./bundle.ts";
import type { CheckResult, SandboxEnv, TargetResult } from "./target.ts";

function which(name: string): string | undefined {
  try {
    return execFileSync("which", [name], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The chromium binary, installed with apt-get when absent. */
export function ensureChromium(): string {
  const found = which("chromium");
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error("chromium is not installed and this is not root: run `apt-get install -y chromium` first");
  const apt = (args: string[]): void => {
    execFileSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  };
  try {
    apt(["install", "-y", "--no-install-recommends", "chromium"]);
  } catch {
    apt(["update"]);
    apt(["install", "-y", "--no-install-recommends", "chromium"]);
  }
  const installed = which("chromium");
  if (!installed) throw new Error("apt-get installed chromium but it is not on PATH");
  return installed;
}

// The network is closed: without these Chromium keeps trying to reach Google's services.
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** playwright's launch() gives Chromium a fresh temporary profile (--user-data-dir) of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: FLAGS });
}

/** Serves `files` (name → content) on 127.0.0.1; resolves with the server and its origin. */
export function serveFiles(files: Record<string, { type: string; body: string | Buffer }>): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const file = files[(request.url ?? "/").split("?")[0] ?? "/"];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": file.type }).end(file.body);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` });
    });
  });
}

export async function runChromium(browser: Browser, project: string, env: SandboxEnv): Promise<TargetResult> {
  const script = readFileSync(await bundle(project, "page.js", ["browser"]));
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>seg in a page</title>
<script>globalThis.SEG_RUNTIME_ENV = ${JSON.stringify(env)};</script>
<script type="module" src="/page.js"></script></head><body></body></html>`;
  const { server, origin } = await serveFiles({
    "/": { type: "text/html; charset=utf-8", body: html },
    "/page.js": { type: "text/javascript; charset=utf-8", body: script },
  });
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    // The scenario's injected 503s and expected 4xx are logged by Chromium for every such response.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource: the server responded with a status of")) consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  try {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => "SEG_RESULTS" in globalThis, undefined, { timeout: 60_000 });
    const results = await page.evaluate(() => (globalThis as unknown as { SEG_RESULTS: Promise<CheckResult[]> }).SEG_RESULTS);
    // A refused CORS request or an uncaught error shows on the console; none may.
    results.push({ name: "the page logged no console errors", ok: consoleErrors.length === 0, error: consoleErrors.join("\n") });
    return { runtime: `chromium ${browser.version()}`, variant: "bundle", results };
  } finally {
    await page.close();
    server.close();
  }
}
