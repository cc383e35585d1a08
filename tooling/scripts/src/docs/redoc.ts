// A vendor spec rendered as one self-contained HTML page by Redoc (Redocly CLI's `build-docs`,
// already the repo's spec gate). `--inlineBundle` embeds Redoc's script instead of loading it from
// Redocly's CDN; the one other thing the page would fetch, the "API docs by Redocly" logo, is
// replaced by an inline image, so the page works offline and from file://.
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const TEMPLATE = fileURLToPath(new URL("redoc-template.hbs", import.meta.url));

/** The attribution logo Redoc's sidebar loads from its CDN, once mounted. */
const REMOTE_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12">Redocly</text></svg>',
)}`;

/** Rewrites what the page would fetch at view time; throws when the built page is not as expected. */
export function selfContained(html: string, where: string): string {
  if (html.search(REMOTE_LOGO) === -1) throw new Error(`${where}: Redoc's CDN logo was not found; check what this Redoc version loads at view time`);
  const page = html.replace(REMOTE_LOGO, LOGO);
  if (!page.includes('"disableTelemetry":true')) throw new Error(`${where}: Redoc telemetry is not disabled (REDOCLY_TELEMETRY=off)`);
  if (/<script[^>]+src=|<link[^>]+href="https?:/i.test(page)) throw new Error(`${where}: the page loads a script or stylesheet from elsewhere`);
  return page;
}

export async function renderSpecPage(root: string, spec: string, out: string, title: string): Promise<void> {
  const args = ["build-docs", spec, "--inlineBundle", "--template", TEMPLATE, "--title", title, "--output", out];
  // Quiet unless it fails: Redocly prints banners on every run.
  await promisify(execFile)(path.join(root, "node_modules", ".bin", "redocly"), args, {
    cwd: root,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
  }).catch((error: unknown) => {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`redocly build-docs ${spec} failed:\n${stdout}${stderr}`);
  });
  await writeFile(out, selfContained(await readFile(out, "utf8"), path.relative(root, out)));
}
