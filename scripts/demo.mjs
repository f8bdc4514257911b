// `npm run demo`: builds the dashboard, starts the emulator and the dashboard, stops both on Ctrl+C.
import { spawnSync } from "node:child_process";
import { processGroup } from "./processes.mjs";

const DASHBOARD_PORT = process.env.PORT ?? "3000";
const EMULATOR_PORT = process.env.EMULATOR_PORT ?? "4010";
// DASHBOARD_EMULATOR=1: the dashboard serves the emulator only when asked to.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DASHBOARD_EMULATOR: "1", EMULATOR_PORT, EMULATOR_URL: process.env.EMULATOR_URL ?? `http://localhost:${EMULATOR_PORT}` };

if (process.env.DEMO_SKIP_BUILD !== "1") {
  console.log("Building the dashboard…");
  const build = spawnSync("node", ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { start, waitFor } = processGroup({ env });

start("The emulator", "node", ["node_modules/tsx/dist/cli.mjs", "emulator/main.ts"], "inherit");
await waitFor(`${env.EMULATOR_URL}/_emulator/health`, "The emulator");
start("The dashboard", "node", ["node_modules/next/dist/bin/next", "start", "-p", DASHBOARD_PORT]);
await waitFor(`http://localhost:${DASHBOARD_PORT}/signed-out`, "The dashboard");

console.log(`
  Dashboard:  http://localhost:${DASHBOARD_PORT}
  Sign in on the emulator's page with one of:
    admin@contoso.example     Security Administrator and Cloud Application Administrator (can change everything)
    secadmin@contoso.example  Security Administrator only (sync jobs need an application role)
    reader@contoso.example    Global Reader (read only)
    helpdesk@contoso.example  no directory role (sees the permission message)
  Password: ${process.env.EMULATOR_USER_PASSWORD ?? "demo-password"}

  Press Ctrl+C to stop.
`);
