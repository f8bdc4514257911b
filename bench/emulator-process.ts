/** Starts `npm run emulator` as a child process on a free port and drives it through its control API. */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { AUTOMATION_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_TENANT_ID } from "../emulator/entra/directory";

export interface EmulatorProcess {
  url: string;
  port: number;
  automationToken(): Promise<string>;
  setLatency(latencyMs: number): Promise<void>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** Waits until `url` answers with anything but a server error (a server still starting). */
export async function waitForHttp(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function control(url: string, method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${url}/_emulator/${path}`, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`emulator control ${method} ${path}: ${response.status}`);
}

export async function startEmulatorProcess({ partners, deleted = 0, port, env = {} }: { partners: number; deleted?: number; port?: number; env?: Record<string, string> }): Promise<EmulatorProcess> {
  const listenPort = port ?? (await freePort());
  const child = spawn("node_modules/.bin/tsx", ["emulator/main.ts"], {
    env: { ...process.env, EMULATOR_TENANT_ID: DEFAULT_TENANT_ID, EMULATOR_PORT: String(listenPort), EMULATOR_HOST: "127.0.0.1", EMULATOR_PARTNERS: String(partners), EMULATOR_DELETED: String(deleted), ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://localhost:${listenPort}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(`${url}/_emulator/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 300 || child.exitCode !== null) throw new Error("the emulator did not start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port: listenPort,
    async automationToken() {
      const response = await fetch(`${url}/${DEFAULT_TENANT_ID}/oauth2/v2.0/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: AUTOMATION_CLIENT_ID,
          client_secret: DEFAULT_CLIENT_SECRET,
          scope: "https://graph.microsoft.com/.default",
        }),
      });
      return ((await response.json()) as { access_token: string }).access_token;
    },
    setLatency: (latencyMs) => control(url, "PUT", "faults", { latencyMs }),
    reset: () => control(url, "POST", "reset"),
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
