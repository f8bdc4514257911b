import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { EMULATOR_URL } from "./emulator-client";
import { expect, test } from "./fixtures";

const ADATUM = "8f7e6d5c-4b3a-4291-8877-665544332211";
const ALPINE = "4e1d2c3b-8a9f-4b7e-a6d5-c4b3a2918f70";
const PROSEWARE = "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6a";
const PARTNERS = "/policies/crossTenantAccessPolicy/partners";

/** Clicks Export snapshot on the partners page and returns the saved file's path and text. */
async function exportSnapshot(page: Page): Promise<{ path: string; text: string }> {
  await page.goto("/partners");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export snapshot" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cross-tenant-snapshot-.*\.json$/);
  const path = test.info().outputPath(`${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { path, text: readFileSync(path, "utf8") };
}

const withoutTime = (text: string) => text.replace(/"takenDateTime": "[^"]*"/, '"takenDateTime": ""');

test("export, change through Graph, compare with now: exactly three differences; put them back and the configuration is the snapshot again", async ({ page, signIn, emulator }) => {
  test.setTimeout(120_000);
  await signIn("/partners", "admin");
  const first = await exportSnapshot(page);
  const document = JSON.parse(first.text) as { schemaVersion: number; partners: { tenantId: string }[]; sha256: string };
  expect(document.schemaVersion).toBe(1);
  expect(document.partners.map((p) => p.tenantId)).toEqual([...document.partners.map((p) => p.tenantId)].sort());
  expect(first.text.endsWith("}\n")).toBe(true);

  // Another admin's script, through Graph: a policy's inbound user sync, a partner deleted (its policy first), a policy deleted and purged.
  expect((await emulator.graph("PATCH", `${PARTNERS}/${ADATUM}/identitySynchronization`, { userSyncInbound: { isSyncAllowed: false } })).status).toBe(204);
  expect((await emulator.graph("DELETE", `${PARTNERS}/${ALPINE}/identitySynchronization`)).status).toBe(204);
  expect((await emulator.graph("DELETE", `${PARTNERS}/${ALPINE}`)).status).toBe(204);
  expect((await emulator.graph("DELETE", `${PARTNERS}/${PROSEWARE}/identitySynchronization`)).status).toBe(204);
  expect((await emulator.graph("DELETE", `/policies/deletedItems/crossTenantSyncPolicyPartners/${PROSEWARE}`)).status).toBe(204);

  await page.getByRole("link", { name: "Snapshots" }).click();
  await page.getByLabel("Snapshot", { exact: true }).setInputFiles(first.path);
  const differences = page.getByRole("region", { name: "Differences" });
  await expect(differences.getByRole("heading", { name: "3 differences" })).toBeVisible({ timeout: 30_000 });
  const rows = differences.getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: ADATUM })).toContainText("Inbound user sync: Allowed → Blocked");
  await expect(rows.filter({ hasText: ADATUM })).toContainText("Changed");
  await expect(rows.filter({ hasText: ALPINE })).toContainText("Partner configuration and its sync policy: Live → In deleted items");
  await expect(rows.filter({ hasText: ALPINE })).toContainText("Removed");
  await expect(rows.filter({ hasText: PROSEWARE })).toContainText("Sync policy: Live → Purged");

  // The filter lives in the URL; the file does not.
  await differences.getByRole("button", { name: "Changed 1" }).click();
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(/\/snapshots\?show=changed$/);
  await differences.getByRole("button", { name: "Changed 1" }).click();
  await expect(rows).toHaveCount(4);

  await differences.getByRole("checkbox", { name: "Select all differences shown" }).check();
  const plan = page.getByRole("region", { name: "Put back" });
  await expect(plan).toContainText("Dry run: 4 Graph calls for 3 partners");
  await expect(plan).toContainText(`PATCH ${PARTNERS}/${ADATUM}/identitySynchronization`);
  await expect(plan).toContainText(`POST /policies/deletedItems/crossTenantPartners/${ALPINE}/restore`);
  await expect(plan).toContainText(`POST /policies/deletedItems/crossTenantSyncPolicyPartners/${ALPINE}/restore`);
  await expect(plan).toContainText(`PUT ${PARTNERS}/${PROSEWARE}/identitySynchronization`);
  expect(await emulator.answered("PATCH", `${PARTNERS}/${ADATUM}/identitySynchronization`)).toBe(1);

  await plan.getByRole("button", { name: "Put back 3 partners" }).click();
  const results = page.getByRole("region", { name: "Put-back results" });
  await expect(results.locator("[data-outcome]")).toHaveCount(3);
  await expect(results.locator('[data-outcome="done"]')).toHaveCount(3);
  await expect(differences.getByRole("heading", { name: "No differences" })).toBeVisible({ timeout: 30_000 });
  // Each row went out once: the dashboard's PATCH is the second one the emulator answered.
  expect(await emulator.answered("PATCH", `${PARTNERS}/${ADATUM}/identitySynchronization`)).toBe(2);
  expect(await emulator.answered("POST", `/policies/deletedItems/crossTenantPartners/${ALPINE}/restore`)).toBe(1);

  // Graph holds what the snapshot holds.
  expect((await emulator.liveSyncPolicy(ADATUM))?.userSyncInbound).toEqual({ isSyncAllowed: true });
  expect(await emulator.liveSyncPolicy(ALPINE)).toMatchObject({ displayName: "Alpine Ski House", userSyncInbound: { isSyncAllowed: true } });
  expect(await emulator.liveSyncPolicy(PROSEWARE)).toMatchObject({ displayName: "Proseware, Inc.", userSyncInbound: { isSyncAllowed: false } });
  expect((await emulator.deletedSyncPolicies()).map((p) => p.tenantId)).not.toContain(ALPINE);

  const again = await exportSnapshot(page);
  expect(withoutTime(again.text)).toBe(withoutTime(first.text));
});

test("npm run snapshot writes the same document as Export snapshot", async ({ page, signIn }) => {
  test.setTimeout(90_000);
  await signIn("/partners", "admin");
  const fromBrowser = await exportSnapshot(page);
  const file = test.info().outputPath("from-script.json");
  execFileSync("npm", ["run", "-s", "snapshot", "--", file], {
    env: { ...process.env, DASHBOARD_EMULATOR: "1", EMULATOR_URL, AZURE_CLIENT_ID: "", AZURE_TENANT_ID: "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  expect(withoutTime(readFileSync(file, "utf8"))).toBe(withoutTime(fromBrowser.text));
});

test("a reader sees the differences and the plan but no put-back button; a damaged file is refused with nothing read", async ({ page, signIn, emulator }) => {
  test.setTimeout(90_000);
  await signIn("/partners", "reader");
  const snapshot = await exportSnapshot(page);
  await emulator.graph("PATCH", `${PARTNERS}/${ADATUM}/identitySynchronization`, { userSyncInbound: { isSyncAllowed: false } });

  await page.goto("/snapshots");
  const truncated = test.info().outputPath("truncated.json");
  writeFileSync(truncated, snapshot.text.slice(0, 300));
  await page.getByLabel("Snapshot", { exact: true }).setInputFiles(truncated);
  await expect(page.getByRole("alert").filter({ hasText: "This file" })).toHaveText("This file is not complete JSON: it may have been cut short while it was saved or copied. Export the snapshot again.");
  const edited = test.info().outputPath("edited.json");
  writeFileSync(edited, snapshot.text.replace('"isSyncAllowed": true', '"isSyncAllowed": false'));
  await page.getByLabel("Snapshot", { exact: true }).setInputFiles(edited);
  await expect(page.getByRole("alert").filter({ hasText: "This file" })).toHaveText(
    "This file was changed after it was exported: its contents no longer match its SHA-256 seal. Nothing in it is used.",
  );
  await expect(page.getByRole("region", { name: "Differences" })).toHaveCount(0);

  await page.getByLabel("Snapshot", { exact: true }).setInputFiles(snapshot.path);
  const differences = page.getByRole("region", { name: "Differences" });
  await expect(differences.getByRole("heading", { name: "1 difference" })).toBeVisible({ timeout: 30_000 });
  await differences.getByRole("checkbox", { name: "Select all differences shown" }).check();
  const plan = page.getByRole("region", { name: "Put back" });
  await expect(plan).toContainText(`PATCH ${PARTNERS}/${ADATUM}/identitySynchronization`);
  await expect(plan.getByRole("button", { name: /Put back/ })).toHaveCount(0);
  await expect(plan.getByRole("note")).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
});

test("a put-back Graph throttles is counted down and sent once more, and lands once", async ({ page, signIn, emulator }) => {
  test.setTimeout(90_000);
  await signIn("/partners", "admin");
  const snapshot = await exportSnapshot(page);
  await emulator.graph("PATCH", `${PARTNERS}/${ADATUM}/identitySynchronization`, { userSyncInbound: { isSyncAllowed: false } });

  await page.goto("/snapshots");
  await page.getByLabel("Snapshot", { exact: true }).setInputFiles(snapshot.path);
  const differences = page.getByRole("region", { name: "Differences" });
  await expect(differences.getByRole("heading", { name: "1 difference" })).toBeVisible({ timeout: 30_000 });
  await differences.getByRole("checkbox", { name: "Select all differences shown" }).check();
  await emulator.failNext({ count: 1, path: "/identitySynchronization", method: "PATCH", status: 429, retryAfterSeconds: 3 });
  await page.getByRole("region", { name: "Put back" }).getByRole("button", { name: "Put back 1 partner" }).click();

  const results = page.getByRole("region", { name: "Put-back results" });
  await expect(results.getByRole("timer")).toContainText(/retrying automatically in \d s \(round 1 of 3\)/);
  await expect(results.locator('[data-outcome="done"]')).toHaveCount(1, { timeout: 15_000 });
  await expect(differences.getByRole("heading", { name: "No differences" })).toBeVisible({ timeout: 30_000 });
  expect((await emulator.liveSyncPolicy(ADATUM))?.userSyncInbound).toEqual({ isSyncAllowed: true });
  // The automation client's PATCH, the throttled one, the one resent: nothing more.
  expect((await emulator.answers("PATCH", `${PARTNERS}/${ADATUM}/identitySynchronization`)).map((answer) => answer.status)).toEqual([204, 429, 204]);
});
