// The reference site (`pnpm run docs`, in docs/) in Chromium: the index and every vendor's rendered
// spec load with no console errors, and every operation of every spec (read from specs/, not from
// the site) has its page, reached through the index's link, showing its method and path. Saves
// screenshots under output/.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { parse } from "yaml";
import { ROOT } from "./scratch.ts";
import type { CheckResult, TargetResult } from "./target.ts";

const DOCS = path.join(ROOT, "docs");
export const OUTPUT = path.resolve(import.meta.dirname, "../output");
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml" };

interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
}

function operationsOf(specFile: string): SpecOperation[] {
  const doc = parse(readFileSync(specFile, "utf8")) as { paths?: Record<string, Record<string, { operationId?: string }>> };
  return Object.entries(doc.paths ?? {}).flatMap(([route, item]) =>
    METHODS.filter((method) => item[method]?.operationId).map((method) => ({ operationId: item[method]?.operationId ?? "", method: method.toUpperCase(), path: route })),
  );
}

/** docs/ over HTTP on 127.0.0.1, as a static host serves it. */
function serveDocs(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const wanted = decodeURIComponent((request.url ?? "/").split(/[?#]/)[0] ?? "/");
    const file = path.join(DOCS, wanted.endsWith("/") ? `${wanted}index.html` : wanted);
    if (!file.startsWith(DOCS) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` });
    });
  });
}

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("requestfailed", (request) => errors.push(`request failed: ${request.url()}`));
  return errors;
}

async function attempt(results: CheckResult[], name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
    results.push({ name, ok: true });
  } catch (error) {
    results.push({ name, ok: false, error: String(error instanceof Error ? error.message : error) });
  }
}

export async function runReferenceSite(browser: Browser): Promise<TargetResult> {
  // CI builds docs/ just before (`pnpm run docs`); a bare `pnpm test:runtimes` builds it if absent.
  if (!existsSync(path.join(DOCS, "index.html"))) execFileSync("pnpm", ["exec", "seg-scripts", "docs"], { cwd: ROOT, stdio: "inherit" });
  mkdirSync(OUTPUT, { recursive: true });
  const { server, origin } = await serveDocs();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchConsole(page);
  const results: CheckResult[] = [];
  try {
    await page.goto(`${origin}/index.html`);
    await page.screenshot({ path: path.join(OUTPUT, "reference-index.png"), fullPage: true });
    const links = await page.$$eval("a[href]", (anchors) => anchors.map((a) => ({ text: a.textContent.trim(), href: a.getAttribute("href") ?? "" })));
    const specs = readdirSync(path.join(ROOT, "specs")).filter((name) => name.endsWith(".yaml"));
    for (const specName of specs) {
      const vendor = path.basename(specName, ".yaml");
      const operations = operationsOf(path.join(ROOT, "specs", specName));
      await attempt(results, `reference: ${vendor}'s spec page shows all ${operations.length} operations`, async () => {
        const missing: string[] = [];
        let loaded = "";
        for (const op of operations) {
          const link = links.find((l) => l.text === op.operationId && l.href.startsWith(`specs/${vendor}.html`));
          if (!link) {
            missing.push(`${op.operationId} (no link on the index)`);
            continue;
          }
          const [file = "", route = ""] = link.href.split("#");
          if (file !== loaded) {
            await page.goto(`${origin}/${link.href}`);
            loaded = file;
          } else {
            await page.evaluate((hash) => {
              location.hash = hash;
            }, route);
          }
          const id = route.slice(1); // "/contact-api/getcontact" → "contact-api/getcontact"
          try {
            // The id marks the operation's section (an anchor, so attached rather than visible).
            await page.waitForSelector(`[id="${id}"]`, { state: "attached", timeout: 10_000 });
            const text = await page.$eval("#api-content", (element) => element.textContent);
            if (!text.includes(op.path) || !text.includes(op.method)) missing.push(`${op.operationId} (no ${op.method} ${op.path} on its page)`);
          } catch {
            missing.push(`${op.operationId} (its page did not render)`);
          }
        }
        await page.screenshot({ path: path.join(OUTPUT, `reference-${vendor}.png`) });
        if (missing.length > 0) throw new Error(`missing: ${missing.join(", ")}`);
      });
    }
    await attempt(results, "reference: the TypeScript API pages load", async () => {
      const api = links.find((l) => l.href.startsWith("api/"));
      if (!api) throw new Error("the index links no API page");
      const response = await page.goto(`${origin}/${api.href}`);
      if (!response?.ok()) throw new Error(`${api.href} answered ${response?.status() ?? "nothing"}`);
    });
    results.push({ name: "reference: no console errors", ok: errors.length === 0, error: errors.join("\n") });
  } finally {
    await page.close();
    server.close();
  }
  return { runtime: `chromium ${browser.version()}`, variant: "reference", results };
}
