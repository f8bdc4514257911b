// Builds the dashboard once, then runs the Playwright specs against the emulator with Debian's Chromium.
import { spawnSync } from "node:child_process";
import { ensureChromium } from "./chromium.mjs";

const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1", NEXT_TELEMETRY_DISABLED: "1" };
env.CHROMIUM_PATH = ensureChromium();

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (env.E2E_SKIP_BUILD !== "1") run("node", ["node_modules/next/dist/bin/next", "build"]);
run("node", ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)]);
