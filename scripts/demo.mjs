// `npm run demo`: builds the dashboard, starts the emulator and the dashboard, stops both on Ctrl+C.
import { spawn, spawnSync } from "node:child_process";

const DASHBOARD_PORT = process.env.PORT ?? "3000";
const EMULATOR_PORT = process.env.EMULATOR_PORT ?? "4010";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", EMULATOR_PORT, EMULATOR_URL: process.env.EMULATOR_URL ?? `http://localhost:${EMULATOR_PORT}` };

if (process.env.DEMO_SKIP_BUILD !== "1") {
  console.log("Building the dashboard…");
  const build = spawnSync("node", ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children = [];

function start(name, args, output) {
  // detached: each child leads its own process group, so stopping it stops everything it started.
  const child = spawn("node", args, { env, detached: true, stdio: ["ignore", output, "inherit"] });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the demo.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(code), 500);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

async function waitFor(url, label) {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.error(`${label} did not start at ${url}.`);
  stop(1);
}

start("The emulator", ["node_modules/tsx/dist/cli.mjs", "emulator/main.ts"], "inherit");
await waitFor(`${env.EMULATOR_URL}/_emulator/health`, "The emulator");
start("The dashboard", ["node_modules/next/dist/bin/next", "start", "-p", DASHBOARD_PORT], "ignore");
await waitFor(`http://localhost:${DASHBOARD_PORT}/signed-out`, "The dashboard");

console.log(`
  Dashboard:  http://localhost:${DASHBOARD_PORT}
  Sign in on the emulator's page with one of:
    admin@contoso.example     Security Administrator (can restore)
    reader@contoso.example    Global Reader (read only)
    helpdesk@contoso.example  no directory role (sees the permission message)
  Password: ${process.env.EMULATOR_USER_PASSWORD ?? "demo-password"}

  Press Ctrl+C to stop.
`);
