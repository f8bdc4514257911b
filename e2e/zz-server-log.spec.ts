import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { DASHBOARD_LOG, E2E_DASHBOARD_PORT } from "../playwright.config";
import { EMULATOR_URL } from "./emulator-client";
import { expect, signInAt, test } from "./fixtures";

// Runs last (files run in name order, one worker): by then every other spec has sent tokens through the server too.

const LUCERNE = "24680ace-1357-4bdf-8ace-24680ace1357";
const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? E2E_DASHBOARD_PORT + 2000);
const DEV_LOG = join(tmpdir(), `dashboard-e2e-dev-${DEV_PORT}.log`);

function expectNoToken(log: string, secrets: string[] = []) {
  expect(log).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  expect(log).not.toMatch(/Bearer\s+\S+/i);
  for (const secret of secrets) expect(log).not.toContain(secret);
}

/** The secrets MSAL holds in this tab (access, ID and refresh tokens), to look for verbatim in the log. */
async function tokenSecrets(page: Page): Promise<string[]> {
  const secrets = await page.evaluate(() =>
    Object.values(sessionStorage).flatMap((value) => {
      try {
        const entry = JSON.parse(value) as { credentialType?: string; secret?: string };
        return entry.credentialType && entry.secret ? [entry.secret] : [];
      } catch {
        return [];
      }
    }),
  );
  return secrets.filter((secret) => secret.length >= 20);
}

test("the dashboard server never printed an access token", async ({ page, signIn }) => {
  // Send this test's own tokens through `next start` (reads, name lookups, the audit log), so it proves something when run alone.
  await signIn("/partners", "admin");
  await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();
  await page.goto("/deleted");
  await expect(page.getByRole("table", { name: /deleted/i })).toBeVisible();
  const secrets = await tokenSecrets(page);
  expect(secrets.length).toBeGreaterThanOrEqual(2);
  const log = readFileSync(DASHBOARD_LOG, "utf8");
  expect(log).toContain("Using the local emulator");
  expectNoToken(log, secrets);
});

test("next dev prints no token either: sign in, open every view, restore once", async ({ browser, emulator }) => {
  test.setTimeout(360_000);
  const out = openSync(DEV_LOG, "w");
  const env: NodeJS.ProcessEnv = { ...process.env, DASHBOARD_EMULATOR: "1", EMULATOR_URL, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "development" };
  const dev = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "-p", String(DEV_PORT)], { env, stdio: ["ignore", out, out], detached: true });
  closeSync(out);
  const page = await browser.newPage({ baseURL: `http://localhost:${DEV_PORT}` });
  let secrets: string[] = [];
  try {
    await expect(async () => expect((await fetch(`http://localhost:${DEV_PORT}/signed-out`)).status).toBe(200)).toPass({ timeout: 120_000 });
    await expect(async () => {
      await signInAt(page, "/partners", "admin");
    }).toPass({ timeout: 120_000 });
    await expect(page.getByRole("table", { name: /partners/i })).toBeVisible({ timeout: 60_000 });
    secrets = await tokenSecrets(page);
    expect(secrets.length).toBeGreaterThanOrEqual(2);

    await page.goto(`/partners/${FABRIKAM}`);
    await expect(page.getByRole("region", { name: "Partner configuration" })).toBeVisible({ timeout: 60_000 });
    await page.goto("/deleted");
    const table = page.getByRole("table", { name: /deleted/i });
    await expect(table).toBeVisible({ timeout: 60_000 });
    await table.getByRole("button", { name: "Restore Lucerne Publishing" }).click();
    await page.getByRole("dialog", { name: "Restore sync policy" }).getByRole("button", { name: "Restore", exact: true }).click();
    await expect(page.getByText("Restored the sync policy of Lucerne Publishing")).toBeVisible({ timeout: 30_000 });
    expect(await emulator.liveSyncPolicy(LUCERNE)).toMatchObject({ tenantId: LUCERNE });
  } finally {
    await page.close();
    if (dev.pid) process.kill(-dev.pid, "SIGTERM");
  }

  const log = readFileSync(DEV_LOG, "utf8");
  // The log is the development server's: it compiled and served the views above.
  expect(log).toMatch(/Ready in/);
  expect(log).toContain("Using the local emulator");
  expectNoToken(log, secrets);
});
