// `npm run demo:scale`: one build, two `next start` instances, Debian's nginx in front (round-robin).
// Shows that the dashboard keeps no state between requests: any instance answers any request.
// An emulator is started unless EMULATOR_URL already answers (the browser tests pass their own).
import { spawnSync, execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { ensureNginx, nginxConf, SERVER_ACTION_LIMIT } from "./nginx.mjs";
import { answers, processGroup } from "./processes.mjs";

const PORT = process.env.DEMO_PORT ?? "3000";
const INSTANCE_PORTS = (process.env.DEMO_INSTANCE_PORTS ?? "3001,3002").split(",").map((port) => port.trim());
const EMULATOR_PORT = process.env.EMULATOR_PORT ?? "4010";
const emulatorUrl = process.env.EMULATOR_URL ?? `http://localhost:${EMULATOR_PORT}`;
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  // The dashboard serves the emulator only when asked to.
  DASHBOARD_EMULATOR: "1",
  EMULATOR_PORT,
  EMULATOR_URL: emulatorUrl,
};

function gitRevision() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return String(Date.now());
  }
}

const nginx = ensureNginx();

if (process.env.DEMO_SKIP_BUILD !== "1") {
  console.log("Building the dashboard once for every instance…");
  // A deployment id lets a tab that still runs an older build reload instead of calling actions that no longer exist.
  // The build fixes the server actions' encryption key; every instance of that build shares it.
  const buildEnv = {
    ...env,
    NEXT_DEPLOYMENT_ID: process.env.NEXT_DEPLOYMENT_ID ?? `demo-${gitRevision()}`,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
  };
  const build = spawnSync("node", ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: buildEnv });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const workDir = mkdtempSync(join(tmpdir(), "dashboard-nginx-"));
// nginx workers run as an unprivileged user when started by root; they buffer request bodies here.
chmodSync(workDir, 0o777);

const { start, waitFor } = processGroup({ env, onStop: () => rmSync(workDir, { recursive: true, force: true }) });

if (!(await answers(`${emulatorUrl}/_emulator/health`))) {
  start("The emulator", "node", ["node_modules/tsx/dist/cli.mjs", "emulator/main.ts"], "inherit");
  await waitFor(`${emulatorUrl}/_emulator/health`, "The emulator");
}
for (const port of INSTANCE_PORTS) {
  start(`The dashboard on port ${port}`, "node", ["node_modules/next/dist/bin/next", "start", "-p", port]);
}
for (const port of INSTANCE_PORTS) await waitFor(`http://localhost:${port}/signed-out`, `The dashboard on port ${port}`);

const temp = (name) => join(workDir, name);
writeFileSync(temp("nginx.conf"), nginxConf({ port: PORT, instancePorts: INSTANCE_PORTS, workDir }));
start("nginx", nginx, ["-c", temp("nginx.conf"), "-p", workDir, "-e", temp("error.log")]);
await waitFor(`http://localhost:${PORT}/signed-out`, "nginx");

console.log(`
  Dashboard behind nginx:  http://localhost:${PORT}  (round-robin over ${INSTANCE_PORTS.map((port) => `:${port}`).join(", ")})
  Sign in on the emulator's page as admin@contoso.example, password ${process.env.EMULATOR_USER_PASSWORD ?? "demo-password"}.
  Each answer carries X-Dashboard-Instance: the instance that served it.
  Server actions: at most ${SERVER_ACTION_LIMIT.ratePerSecond} a second per client address (${SERVER_ACTION_LIMIT.burst} at once), then 429 with Retry-After.

  Press Ctrl+C to stop.
`);
