// Registries for the end-to-end test: Verdaccio on 127.0.0.1, no uplinks (each serves only what is
// published to it), run as this process's child. The private one (the team's) authenticates every
// read and write against its htpasswd file; the public stand-in lets anyone read, as npm's does.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { repoRoot } from "../../src/paths.ts";

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** The user created for the test (in the htpasswd file), its password, and a token of it. */
  user: string;
  password: string;
  token: string;
  pid: number;
  /** What the registry printed, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

const config = (dir: string, read: string): string => `# Written by the release end-to-end test.
storage: ${JSON.stringify(path.join(dir, "storage"))}
auth:
  htpasswd:
    file: ${JSON.stringify(path.join(dir, "htpasswd"))}
    max_users: 1
uplinks: {}
packages:
  "**":
    access: ${read}
    publish: $authenticated
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
`;

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, "exit");
  process.kill(child.pid, "SIGTERM");
  const timer = setTimeout(() => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, "SIGKILL");
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/** Starts Verdaccio 6 with its state in `dir`, waits until it answers, and creates a user. */
export async function startVerdaccio(dir: string, { publicRead = false } = {}): Promise<LocalRegistry> {
  await mkdir(dir, { recursive: true });
  const configFile = path.join(dir, "config.yaml");
  await writeFile(configFile, config(dir, publicRead ? "$all" : "$authenticated"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const bin = path.join(repoRoot, "node_modules", "verdaccio", "bin", "verdaccio");
  const child = spawn(process.execPath, [bin, "--config", configFile, "--listen", `127.0.0.1:${port}`], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const stop = (): Promise<void> => stopChild(child);

  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`verdaccio did not answer on ${url} within ${START_TIMEOUT_MS} ms:\n${output}`);
      const ping = await fetch(`${url}-/ping`).catch(() => undefined);
      if (ping?.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const user = "seg-release";
    const password = "seg-release-e2e password"; // a space, to prove it survives _auth and _password
    const response = await fetch(`${url}-/user/org.couchdb.user:${user}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: user, password }),
    });
    const { token } = (await response.json()) as { token?: string };
    if (!response.ok || !token) throw new Error(`could not create a registry user (${response.status}):\n${output}`);
    return { url, user, password, token, pid: child.pid ?? -1, log: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
