import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { E2E_SCALE_PORT } from "../playwright.config";
import { EMULATOR_URL, type EmulatorClient } from "./emulator-client";
import { expect, test } from "./fixtures";

// The dashboard's own server dies (SIGKILL) in the middle of a write and comes back on the same
// port; the page, never refreshed, must end up saying what Graph holds. This file runs its own
// `next start` of the build under test on the scale port (two-instances.spec uses that port only in
// its own project), so killing it touches no other spec.
const PORT = E2E_SCALE_PORT;
const LOG = join(tmpdir(), `dashboard-e2e-crash-${PORT}.log`);
const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const RESTORED = "Restore a partner cross-tenant identity sync setting";
const PURGED = "Hard delete a partner cross-tenant identity sync setting";

let server: ChildProcess | null = null;

async function answers(): Promise<boolean> {
  return (await fetch(`http://localhost:${PORT}/signed-out`).catch(() => null))?.status === 200;
}

async function startServer(): Promise<void> {
  const out = openSync(LOG, "a");
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env: { ...process.env, DASHBOARD_EMULATOR: "1", EMULATOR_URL, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", out, out],
    detached: true,
  });
  closeSync(out);
  await expect.poll(answers, { timeout: 60_000, intervals: [250] }).toBe(true);
  // The first request of each route is slow on a fresh process: not while a test counts seconds.
  await Promise.all(["/deleted", "/partners", `/partners/${FABRIKAM}`].map((path) => fetch(`http://localhost:${PORT}${path}`).catch(() => null)));
}

async function killServer(): Promise<void> {
  if (server?.pid) process.kill(-server.pid, "SIGKILL");
  server = null;
  await expect.poll(answers, { timeout: 10_000, intervals: [100] }).toBe(false);
}

test.use({ baseURL: `http://localhost:${PORT}` });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await startServer();
});

test.beforeEach(async () => {
  if (!server) await startServer();
});

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, "SIGKILL");
  server = null;
});

/** Graph answers each request after `latencyMs`; then kills the server once `batches` $batch envelopes of the write were answered. */
async function killAfterBatches(emulator: EmulatorClient, batches: number): Promise<void> {
  await expect.poll(() => emulator.answered("POST", "/$batch"), { timeout: 30_000, intervals: [50] }).toBeGreaterThanOrEqual(batches);
  await killServer();
}

/** After the kill, what Graph holds once the envelopes already on their way have landed. */
async function stillDeleted(emulator: EmulatorClient, ids: string[]): Promise<string[]> {
  await emulator.control("PUT", "faults", { latencyMs: 0 });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const deleted = new Set((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId));
  return ids.filter((id) => deleted.has(id));
}

/** Each of `ids` appears in exactly one audit entry of the activity: none was done twice. */
async function expectOnceEach(emulator: EmulatorClient, activity: string, ids: string[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const entry of await emulator.auditEntriesOf(activity)) {
    for (const target of entry.targetResources) counts.set(target.id, (counts.get(target.id) ?? 0) + 1);
  }
  expect(ids.filter((id) => counts.get(id) !== 1)).toEqual([]);
}

async function selectAllBulk(page: Page, count: number): Promise<void> {
  const table = page.getByRole("table", { name: /deleted/i });
  await expect(table).toHaveAttribute("aria-rowcount", String(count + 1), { timeout: 60_000 });
  await table.getByRole("checkbox", { name: "Select all shown policies" }).check();
}

test("the server killed in the middle of a bulk restore: the page checks Graph, shows what it holds, and finishes the rest with one click", async ({ page, signIn, emulator }) => {
  test.setTimeout(150_000);
  const ids = await emulator.seedDeleted(520);
  await signIn("/deleted?q=Bulk+Partner", "admin");
  await selectAllBulk(page, 520);
  await page.getByRole("button", { name: "Restore selected (520)" }).click();
  await emulator.control("DELETE", "requests");
  await emulator.control("PUT", "faults", { latencyMs: 300 });
  await page.getByRole("dialog", { name: "Restore 520 sync policies" }).getByRole("button", { name: "Restore 520" }).click();
  await killAfterBatches(emulator, 3);

  // Unknown is shown as unknown while the server is down: not deleted, not restored.
  const results = page.getByRole("region", { name: "Restore results" });
  await expect(results.getByRole("status")).toContainText("The dashboard lost contact with its server during the restore");
  await expect(results.getByText("Checking…").first()).toBeVisible();
  await expect(page.getByText(/Microsoft Graph could not be reached/i)).toHaveCount(0);

  const notYet = await stillDeleted(emulator, ids);
  const restored = ids.length - notYet.length;
  expect(restored, "the kill came after some restores landed").toBeGreaterThan(0);
  expect(notYet.length, "the kill came before every restore landed").toBeGreaterThan(0);

  await startServer();
  // No Refresh: the page reads Graph again by itself and shows what it holds.
  await expect(results.getByRole("status")).toHaveText(`The dashboard lost contact with its server during the restore: ${restored} restored, ${notYet.length} not yet.`, { timeout: 60_000 });
  await expect(results.getByText("Checking…")).toHaveCount(0);
  const table = page.getByRole("table", { name: /deleted/i });
  await expect(table).toHaveAttribute("aria-rowcount", String(notYet.length + 1));
  // The rest stay ticked: they are still to restore.
  await expect(page.getByRole("button", { name: `Restore selected (${notYet.length})` })).toBeVisible();

  await results.getByRole("button", { name: `Restore the ${notYet.length} that did not go through` }).click();
  await expect(results.getByRole("status")).toHaveText("Restored: 520", { timeout: 60_000 });
  expect(await stillDeleted(emulator, ids)).toEqual([]);
  await expectOnceEach(emulator, RESTORED, ids);
});

test("the server killed in the middle of a bulk purge: the same, and the rest purged with one click", async ({ page, signIn, emulator }) => {
  test.setTimeout(120_000);
  const ids = await emulator.seedDeleted(200);
  await signIn("/deleted?q=Bulk+Partner", "admin");
  await selectAllBulk(page, 200);
  await page.getByRole("button", { name: "Purge selected (200)" }).click();
  const dialog = page.getByRole("dialog", { name: "Purge 200 sync policies" });
  await dialog.getByLabel(/to confirm/).fill("purge 200");
  await emulator.control("DELETE", "requests");
  await emulator.control("PUT", "faults", { latencyMs: 300 });
  await dialog.getByRole("button", { name: "Purge 200" }).click();
  await killAfterBatches(emulator, 2);

  const results = page.getByRole("region", { name: "Purge results" });
  await expect(results.getByRole("status")).toContainText("The dashboard lost contact with its server during the purge");
  await expect(results.getByText("Checking…").first()).toBeVisible();

  const notYet = await stillDeleted(emulator, ids);
  const purged = ids.length - notYet.length;
  expect(purged).toBeGreaterThan(0);
  expect(notYet.length).toBeGreaterThan(0);

  await startServer();
  await expect(results.getByRole("status")).toHaveText(`The dashboard lost contact with its server during the purge: ${purged} purged, ${notYet.length} not yet.`, { timeout: 60_000 });
  await expect(page.getByRole("table", { name: /deleted/i })).toHaveAttribute("aria-rowcount", String(notYet.length + 1));

  await results.getByRole("button", { name: `Purge the ${notYet.length} that did not go through` }).click();
  await expect(results.getByRole("status")).toHaveText("Purged: 200", { timeout: 60_000 });
  expect(await stillDeleted(emulator, ids)).toEqual([]);
  await expectOnceEach(emulator, PURGED, ids);
});

test("the server killed during a single toggle: the control says Checking…, then what Graph holds", async ({ page, signIn, emulator }) => {
  test.setTimeout(90_000);
  await signIn(`/partners/${FABRIKAM}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await section.getByRole("button", { name: "Turn off inbound user sync" }).click();
  await emulator.control("DELETE", "requests");
  // Slow enough that the PATCH is in Graph's hands when the server dies.
  await emulator.control("PUT", "faults", { latencyMs: 3_000 });
  await page.getByRole("dialog", { name: "Turn off inbound user sync" }).getByRole("button", { name: "Turn off", exact: true }).click();
  // While the write is on its way the control waits, and the value says it is not confirmed yet.
  await expect(section.getByRole("button", { name: "Turn on inbound user sync" })).toBeDisabled();
  await expect(section.getByRole("status").filter({ hasText: "not confirmed by Microsoft Graph yet" })).toBeVisible();
  await page.waitForTimeout(1_500);
  await killServer();

  await expect(section.getByRole("button", { name: "Checking inbound user sync…" })).toContainText("Checking…");
  // The PATCH landed although nobody was left to hear its answer.
  await expect.poll(async () => (await emulator.answers("PATCH", `/policies/crossTenantAccessPolicy/partners/${FABRIKAM}/identitySynchronization`)).length, { timeout: 10_000 }).toBe(1);
  await emulator.control("PUT", "faults", { latencyMs: 0 });
  expect((await emulator.liveSyncPolicy(FABRIKAM))?.userSyncInbound?.isSyncAllowed).toBe(false);

  await startServer();
  await expect(section.getByRole("button", { name: "Turn on inbound user sync" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/^Turned off inbound user sync for /)).toBeVisible();
  await expect(section.getByRole("button", { name: /^Checking/ })).toHaveCount(0);
});
