import { expect, test } from "./fixtures";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const ADATUM = "8f7e6d5c-4b3a-4291-8877-665544332211";
const ALPINE = "4e1d2c3b-8a9f-4b7e-a6d5-c4b3a2918f70";
const WIDE_WORLD = "e7f8a9b0-c1d2-4e3f-9a4b-5c6d7e8f9a0b";
const LUCERNE = "24680ace-1357-4bdf-8ace-24680ace1357";
const COHO = "0f1e2d3c-4b5a-4697-8877-a6b5c4d3e2f1";
const RELECLOUD = "5e6f7a8b-9c0d-4e1f-b2a3-c4d5e6f7a8b9";

test("turn inbound user sync off and group sync on from the partner page", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${FABRIKAM}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await section.getByRole("button", { name: "Turn off inbound user sync" }).click();

  const dialog = page.getByRole("dialog", { name: "Turn off inbound user sync" });
  await expect(dialog).toContainText("Users already synchronized stay");
  await dialog.getByRole("button", { name: "Turn off", exact: true }).click();
  await expect(section.getByRole("button", { name: "Turn on inbound user sync" })).toBeVisible();
  await expect.poll(async () => (await emulator.liveSyncPolicy(FABRIKAM))?.userSyncInbound?.isSyncAllowed).toBe(false);

  await section.getByRole("button", { name: "Turn on inbound group sync" }).click();
  await page.getByRole("dialog", { name: "Turn on inbound group sync" }).getByRole("button", { name: "Turn on", exact: true }).click();
  await expect(section.getByRole("button", { name: "Turn off inbound group sync" })).toBeVisible();
  const policy = (await emulator.graph("GET", `/policies/crossTenantAccessPolicy/partners/${FABRIKAM}/identitySynchronization`)).body as { groupSyncInbound: { isSyncAllowed: boolean } | null; userSyncInbound: { isSyncAllowed: boolean } };
  expect(policy.groupSyncInbound?.isSyncAllowed).toBe(true);
  expect(policy.userSyncInbound.isSyncAllowed).toBe(false);
});

test("set up sync creates the policy named after the partner and turns automatic redemption on", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${WIDE_WORLD}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await section.getByRole("button", { name: "Set up sync" }).click();
  const dialog = page.getByRole("dialog", { name: "Set up sync" });
  await expect(dialog.getByLabel("Policy name")).toHaveValue("Wide World Importers");
  await expect(dialog.getByRole("checkbox", { name: /automatic redemption/ })).toBeChecked();
  await dialog.getByRole("button", { name: "Set up sync" }).click();

  await expect(section.getByRole("button", { name: "Turn off inbound user sync" })).toBeVisible();
  expect(await emulator.liveSyncPolicy(WIDE_WORLD)).toMatchObject({ displayName: "Wide World Importers", userSyncInbound: { isSyncAllowed: true } });
  const partner = (await emulator.graph("GET", `/policies/crossTenantAccessPolicy/partners/${WIDE_WORLD}`)).body as { automaticUserConsentSettings: { inboundAllowed: boolean } };
  expect(partner.automaticUserConsentSettings.inboundAllowed).toBe(true);
});

test("set up sync when someone else just created the policy shows it as already existing", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${WIDE_WORLD}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await expect(section.getByRole("button", { name: "Set up sync" })).toBeVisible();
  await emulator.graph("PUT", `/policies/crossTenantAccessPolicy/partners/${WIDE_WORLD}/identitySynchronization`, { displayName: "Created elsewhere", userSyncInbound: { isSyncAllowed: false } });

  await section.getByRole("button", { name: "Set up sync" }).click();
  await page.getByRole("dialog", { name: "Set up sync" }).getByRole("button", { name: "Set up sync" }).click();
  await expect(page.getByText("Wide World Importers: already exists", { exact: true })).toBeVisible();
  await expect(section).toContainText("Created elsewhere");
  expect(await emulator.liveSyncPolicy(WIDE_WORLD)).toMatchObject({ displayName: "Created elsewhere" });
});

test("delete a sync policy, then Undo within 10 s restores it", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${ADATUM}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await section.getByRole("button", { name: "Delete sync policy" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete sync policy" });
  await expect(dialog).toContainText("Adatum Corporation");
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();

  await expect(section).toContainText("in deleted items");
  await expect.poll(() => emulator.liveSyncPolicy(ADATUM)).toBeNull();
  expect((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId)).toContain(ADATUM);

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(section.getByRole("button", { name: "Delete sync policy" })).toBeVisible();
  expect(await emulator.liveSyncPolicy(ADATUM)).toMatchObject({ tenantId: ADATUM });
  expect((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId)).not.toContain(ADATUM);
});

test("a deleted sync policy starts its 30 days in deleted items", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${ALPINE}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await section.getByRole("button", { name: "Delete sync policy" }).click();
  await page.getByRole("dialog", { name: "Delete sync policy" }).getByRole("button", { name: "Delete", exact: true }).click();
  await expect(section).toContainText("in deleted items");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Deleted sync policies" }).click();
  const row = page.getByRole("table", { name: /deleted/i }).getByRole("row").filter({ hasText: ALPINE });
  await expect(row).toContainText("30 days left");
  const deleted = (await emulator.deletedSyncPolicies()).find((policy) => policy.tenantId === ALPINE);
  expect(Date.now() - Date.parse(deleted?.deletedDateTime ?? "")).toBeLessThan(5 * 60_000);
  expect(await emulator.liveSyncPolicy(ALPINE)).toBeNull();
});

test("purge is refused until the partner's name is typed", async ({ page, signIn, emulator }) => {
  await signIn("/deleted", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  await table.getByRole("button", { name: "Purge Lucerne Publishing" }).click();
  const dialog = page.getByRole("dialog", { name: "Purge sync policy" });
  await expect(dialog).toContainText("cannot be undone");
  const purge = dialog.getByRole("button", { name: "Purge", exact: true });
  await expect(purge).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill("Lucerne");
  await expect(purge).toBeDisabled();
  await dialog.getByLabel(/to confirm/).press("Enter");
  await expect(dialog).toBeVisible();
  expect((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId)).toContain(LUCERNE);

  await dialog.getByLabel(/to confirm/).fill("Lucerne Publishing");
  await purge.click();
  await expect(table.getByRole("row").filter({ hasText: LUCERNE })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Purge results" }).getByRole("status")).toHaveText("Purged: 1");
  expect((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId)).not.toContain(LUCERNE);
  expect(await emulator.liveSyncPolicy(LUCERNE)).toBeNull();
});

test("purge a selection: one typed confirmation, an outcome per row", async ({ page, signIn, emulator }) => {
  await signIn("/deleted", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  await table.getByRole("checkbox", { name: "Select Coho Winery" }).check();
  await table.getByRole("checkbox", { name: "Select Relecloud" }).check();
  // Someone else restores one of them first: it ends as "already gone", not as an error.
  await emulator.restoreAsAnotherAdmin(RELECLOUD);
  await page.getByRole("button", { name: "Purge selected (2)" }).click();
  const dialog = page.getByRole("dialog", { name: "Purge 2 sync policies" });
  await expect(dialog.getByRole("button", { name: "Purge 2" })).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill("purge 2");
  await dialog.getByRole("button", { name: "Purge 2" }).click();

  const results = page.getByRole("region", { name: "Purge results" });
  await expect(results.getByRole("status")).toHaveText("Purged: 1 · Already gone: 1");
  const deleted = (await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId);
  expect(deleted).not.toContain(COHO);
  expect(await emulator.liveSyncPolicy(COHO)).toBeNull();
  expect(await emulator.liveSyncPolicy(RELECLOUD)).not.toBeNull();
});

test("a bulk purge Graph keeps throttling is counted down and resent round by round, like a bulk restore", async ({ page, signIn, emulator }) => {
  await signIn("/deleted", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  await table.getByRole("checkbox", { name: "Select Coho Winery" }).check();
  await table.getByRole("checkbox", { name: "Select Lucerne Publishing" }).check();
  // Both rows are throttled on the first send and on the first automatic resend.
  await emulator.failNext({ count: 4, path: "/deletedItems/crossTenantSyncPolicyPartners/", method: "DELETE", status: 429, retryAfterSeconds: 3 });
  await page.getByRole("button", { name: "Purge selected (2)" }).click();
  const dialog = page.getByRole("dialog", { name: "Purge 2 sync policies" });
  await dialog.getByLabel(/to confirm/).fill("purge 2");
  await dialog.getByRole("button", { name: "Purge 2" }).click();

  const results = page.getByRole("region", { name: "Purge results" });
  await expect(results.getByRole("timer")).toContainText(/retrying automatically in [1-3] s \(round 1 of 3\)/);
  expect((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId)).toEqual(expect.arrayContaining([COHO, LUCERNE]));
  await expect(results.getByRole("timer")).toContainText("round 2 of 3", { timeout: 10_000 });
  await expect(results.getByRole("status")).toHaveText("Purged: 2", { timeout: 15_000 });
  await expect(results.getByText("after 3 attempts")).toHaveCount(2);
  const deleted = (await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId);
  expect(deleted).not.toContain(COHO);
  expect(deleted).not.toContain(LUCERNE);
  expect(await emulator.liveSyncPolicy(COHO)).toBeNull();
});

test("a purge of more rows than one call takes purges every one of them", async ({ page, signIn, emulator }) => {
  await emulator.seedDeleted(600);
  const total = (await emulator.deletedSyncPolicies()).length;
  expect(total).toBeGreaterThan(500);
  await signIn("/deleted", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  await table.getByRole("checkbox", { name: "Select all shown policies" }).check();
  await page.getByRole("button", { name: `Purge selected (${total})` }).click();
  const dialog = page.getByRole("dialog", { name: `Purge ${total} sync policies` });
  await dialog.getByLabel(/to confirm/).fill(`purge ${total}`);
  await dialog.getByRole("button", { name: `Purge ${total}` }).click();

  await expect(page.getByRole("region", { name: "Purge results" }).getByRole("status")).toHaveText(`Purged: ${total}`, { timeout: 30_000 });
  expect(await emulator.deletedSyncPolicies()).toEqual([]);
});

test("a reader sees every write control unavailable with the reason, and changes nothing", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${FABRIKAM}`, "reader");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  const toggle = section.getByRole("button", { name: "Turn off inbound user sync" });
  await expect(toggle).toHaveAttribute("aria-disabled", "true");
  await expect(toggle).toHaveAccessibleDescription(/needs the Security Administrator or Global Administrator role/);
  await expect(section.getByRole("button", { name: "Delete sync policy" })).toHaveAttribute("aria-disabled", "true");
  await toggle.click({ force: true });
  await section.getByRole("button", { name: "Delete sync policy" }).click({ force: true });
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.goto(`/partners/${WIDE_WORLD}`);
  await expect(page.getByRole("button", { name: "Set up sync" })).toHaveAttribute("aria-disabled", "true");

  await page.goto("/deleted");
  await expect(page.getByRole("button", { name: "Purge Lucerne Publishing" })).toHaveAttribute("aria-disabled", "true");
  await page.getByRole("button", { name: "Purge Lucerne Publishing" }).click({ force: true });
  await expect(page.getByRole("dialog")).toHaveCount(0);

  expect(await emulator.liveSyncPolicy(FABRIKAM)).toMatchObject({ userSyncInbound: { isSyncAllowed: true } });
  expect(await emulator.liveSyncPolicy(WIDE_WORLD)).toBeNull();
  expect((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId)).toContain(LUCERNE);
});

test("a change Graph throttles for longer than the server waits is counted down, then sent once more", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${FABRIKAM}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await expect(section.getByRole("button", { name: "Turn off inbound user sync" })).toBeVisible();
  await emulator.failNext({ count: 2, path: "/identitySynchronization", method: "PATCH", status: 429, retryAfterSeconds: 3 });
  await section.getByRole("button", { name: "Turn off inbound user sync" }).click();
  await page.getByRole("dialog", { name: "Turn off inbound user sync" }).getByRole("button", { name: "Turn off", exact: true }).click();

  // Beside the value the write changes, not only in the notification.
  await expect(section.getByText(/Retrying automatically in \d s \(round 1 of 3\)/)).toBeVisible();
  expect((await emulator.liveSyncPolicy(FABRIKAM))?.userSyncInbound?.isSyncAllowed).toBe(true);
  // Throttled again: the next round is counted down the same way.
  await expect(section.getByText(/Retrying automatically in \d s \(round 2 of 3\)/)).toBeVisible({ timeout: 10_000 });
  await expect(section.getByRole("button", { name: "Turn on inbound user sync" })).toBeVisible({ timeout: 15_000 });
  expect((await emulator.liveSyncPolicy(FABRIKAM))?.userSyncInbound?.isSyncAllowed).toBe(false);
});
