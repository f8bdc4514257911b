import { defineConfig } from "@playwright/test";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const E2E_DASHBOARD_PORT = Number(process.env.E2E_DASHBOARD_PORT ?? 3100);
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
/** nginx for the two-instance project; the instances take the next two ports. */
export const E2E_SCALE_PORT = Number(process.env.E2E_SCALE_PORT ?? 3120);
const emulatorUrl = `http://localhost:${E2E_EMULATOR_PORT}`;

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
/** Everything the dashboard server prints during the run; a spec checks that no token ever appears in it. */
export const DASHBOARD_LOG = join(tmpdir(), `dashboard-e2e-${E2E_DASHBOARD_PORT}.log`);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  // One emulator holds the state every spec checks, so specs run one after another.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_DASHBOARD_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        ...(isRoot ? ["--no-sandbox"] : []),
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "dashboard", testIgnore: /two-instances\.spec\.ts$/ },
    // `npm run demo:scale`: the same build twice behind Debian's nginx, round-robin.
    { name: "two-instances", testMatch: /two-instances\.spec\.ts$/, use: { baseURL: `http://localhost:${E2E_SCALE_PORT}` } },
  ],
  webServer: [
    {
      command: "node node_modules/tsx/dist/cli.mjs emulator/main.ts",
      url: `${emulatorUrl}/_emulator/health`,
      env: { EMULATOR_PORT: String(E2E_EMULATOR_PORT) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `node node_modules/next/dist/bin/next start -p ${E2E_DASHBOARD_PORT} > "${DASHBOARD_LOG}" 2>&1`,
      url: `http://localhost:${E2E_DASHBOARD_PORT}/signed-out`,
      env: { DASHBOARD_EMULATOR: "1", EMULATOR_URL: emulatorUrl, NEXT_TELEMETRY_DISABLED: "1" },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
