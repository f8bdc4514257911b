import { expect, test } from "./fixtures";

const LUCERNE = "24680ace-1357-4bdf-8ace-24680ace1357";
const MARGIES_TRAVEL = "3c4d5e6f-7a8b-4c9d-a0e1-f2a3b4c5d6e7";
const RELECLOUD = "5e6f7a8b-9c0d-4e1f-b2a3-c4d5e6f7a8b9";

test("restore one policy from the deleted list", async ({ page, signIn, emulator }) => {
  await signIn("/deleted", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  await expect(table.getByRole("row").filter({ hasText: LUCERNE })).toHaveCount(1);

  await table.getByRole("button", { name: "Restore Lucerne Publishing" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore sync policy" });
  await expect(dialog).toContainText(LUCERNE);
  await expect(dialog).toContainText("What may not");
  const actionCalls: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) actionCalls.push(request.postData() ?? "");
  });
  // An impatient double click still sends one restore.
  await dialog.getByRole("button", { name: "Restore", exact: true }).dblclick();

  await expect(table.getByRole("row").filter({ hasText: LUCERNE })).toHaveCount(0);
  await expect(page.getByText("Restored the sync policy of Lucerne Publishing")).toBeVisible();
  expect(actionCalls.filter((body) => body.includes(LUCERNE))).toHaveLength(1);

  expect(await emulator.liveSyncPolicy(LUCERNE)).toMatchObject({ tenantId: LUCERNE });
  expect((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId)).not.toContain(LUCERNE);

  // The toast leads to the partner, whose page already shows the live policy.
  await page.getByRole("button", { name: "Open partner" }).click();
  await expect(page).toHaveURL(new RegExp(`/partners/${LUCERNE}$`));
  await expect(page.getByRole("region", { name: "Identity synchronization" })).toContainText("Inbound user sync");
  await expect(page.getByRole("region", { name: "Identity synchronization" })).not.toContainText("in deleted items");

  // The partners list shows the policy live without a manual refresh.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
  const row = page.getByRole("table", { name: /partners/i }).getByRole("row").filter({ hasText: LUCERNE });
  await expect(row).toContainText("Allowed");
});

test("restore from the partner page uses the partner route", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${MARGIES_TRAVEL}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await expect(section).toContainText("in deleted items");

  const actionBodies: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) actionBodies.push(request.postData() ?? "");
  });
  await section.getByRole("button", { name: "Restore sync policy" }).click();
  await page.getByRole("dialog", { name: "Restore sync policy" }).getByRole("button", { name: "Restore", exact: true }).click();

  await expect(section).toContainText("Inbound user sync");
  await expect(section).not.toContainText("in deleted items");
  expect(actionBodies.some((body) => body.includes(MARGIES_TRAVEL) && body.includes('"partner"'))).toBe(true);
  expect(await emulator.liveSyncPolicy(MARGIES_TRAVEL)).not.toBeNull();
});

test("bulk restore of 25 policies survives throttled batch items; each comes back exactly once", async ({ page, signIn, emulator }) => {
  const ids = await emulator.seedDeleted(25);
  await emulator.failNext({ count: 6, path: "/restore", status: 429, retryAfterSeconds: 1 });
  await signIn("/deleted?q=Bulk+Partner", "admin");

  const table = page.getByRole("table", { name: /deleted/i });
  // Only rows in view are drawn; the table still tells assistive technology how many there are.
  await expect(table).toHaveAttribute("aria-rowcount", "26");
  await table.getByRole("checkbox", { name: "Select all shown policies" }).check();
  await page.getByRole("button", { name: "Restore selected (25)" }).click();
  await page.getByRole("dialog", { name: "Restore 25 sync policies" }).getByRole("button", { name: "Restore 25" }).click();

  const results = page.getByRole("region", { name: "Restore results" });
  await expect(results.getByRole("status")).toHaveText("Restored: 25", { timeout: 30_000 });
  await expect(results).toContainText("after 2 attempts");
  await expect(table).toHaveCount(0);

  const partners = await emulator.partners();
  for (const id of ids) {
    expect(partners.filter((partner) => partner.tenantId === id)).toHaveLength(1);
    expect(await emulator.liveSyncPolicy(id)).not.toBeNull();
  }
  const stillDeleted = new Set((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId));
  expect(ids.filter((id) => stillDeleted.has(id))).toEqual([]);
});

test("a policy another admin restored a moment before shows as already restored", async ({ page, signIn, emulator }) => {
  await signIn("/deleted", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  await expect(table.getByRole("row").filter({ hasText: RELECLOUD })).toHaveCount(1);

  expect((await emulator.restoreAsAnotherAdmin(RELECLOUD)).status).toBe(200);

  await table.getByRole("button", { name: "Restore Relecloud" }).click();
  await page.getByRole("dialog", { name: "Restore sync policy" }).getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByText("Relecloud: already restored")).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: RELECLOUD })).toHaveCount(0);
  expect(await emulator.liveSyncPolicy(RELECLOUD)).not.toBeNull();
});

test("a reader cannot restore: the button is disabled with its reason and nothing changes", async ({ page, signIn, emulator }) => {
  const before = (await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId).sort();
  await signIn("/deleted", "reader");
  const button = page.getByRole("table", { name: /deleted/i }).getByRole("button", { name: "Restore Lucerne Publishing" });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(/Security Administrator or Global Administrator role/);
  await expect(page.getByRole("button", { name: /Restore selected/ })).toBeDisabled();

  const after = (await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId).sort();
  expect(after).toEqual(before);
});

test("a long Retry-After is counted down in view, then the restore is resent once and succeeds", async ({ page, signIn, emulator }) => {
  await emulator.failNext({ count: 1, path: "/restore", status: 429, retryAfterSeconds: 4 });
  await signIn("/deleted", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  await table.getByRole("button", { name: "Restore Lucerne Publishing" }).click();
  await page.getByRole("dialog", { name: "Restore sync policy" }).getByRole("button", { name: "Restore", exact: true }).click();

  const results = page.getByRole("region", { name: "Restore results" });
  await expect(results.getByRole("timer")).toContainText(/retrying automatically in [1-4] s/);
  await expect(table.getByRole("row").filter({ hasText: LUCERNE })).toContainText("Throttled");

  await expect(results.getByRole("status")).toHaveText("Restored: 1", { timeout: 15_000 });
  await expect(results).toContainText("after 2 attempts");
  expect(await emulator.liveSyncPolicy(LUCERNE)).not.toBeNull();
});

test("the confirmation traps focus and Escape cancels without restoring", async ({ page, signIn, emulator }) => {
  await signIn("/deleted", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  await table.getByRole("button", { name: "Restore Relecloud" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore sync policy" });
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 5; i += 1) {
    await page.keyboard.press("Tab");
    await expect(dialog.locator(":focus")).toHaveCount(1);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(table.getByRole("row").filter({ hasText: RELECLOUD })).toHaveCount(1);
  expect(await emulator.liveSyncPolicy(RELECLOUD)).toBeNull();
});

test("restoring a policy whose partner configuration is gone says so and keeps the row", async ({ page, signIn, emulator }) => {
  await signIn("/deleted", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  await expect(table.getByRole("row").filter({ hasText: MARGIES_TRAVEL })).toHaveCount(1);
  // Someone removes the partner configuration itself (allowed: its sync policy is no longer live).
  expect((await emulator.graph("DELETE", `/policies/crossTenantAccessPolicy/partners/${MARGIES_TRAVEL}`)).status).toBe(204);

  await table.getByRole("button", { name: "Restore Margie's Travel" }).click();
  await page.getByRole("dialog", { name: "Restore sync policy" }).getByRole("button", { name: "Restore", exact: true }).click();

  const row = table.getByRole("row").filter({ hasText: MARGIES_TRAVEL });
  await expect(row.getByRole("alert")).toContainText("Partner configuration missing");
  expect((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId)).toContain(MARGIES_TRAVEL);
  expect(await emulator.liveSyncPolicy(MARGIES_TRAVEL)).toBeNull();
});

test("failed rows show Graph's request-id and Retry failed resends only those", async ({ page, signIn, emulator }) => {
  const ids = await emulator.seedDeleted(5);
  await emulator.failNext({ count: 2, path: "/restore", status: 500 });
  await signIn("/deleted?q=Bulk+Partner", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  await table.getByRole("checkbox", { name: "Select all shown policies" }).check();
  await page.getByRole("button", { name: "Restore selected (5)" }).click();
  await page.getByRole("dialog", { name: "Restore 5 sync policies" }).getByRole("button", { name: "Restore 5" }).click();

  const results = page.getByRole("region", { name: "Restore results" });
  await expect(results.getByRole("status")).toHaveText(/Restored: 3 · Failed: 2|Failed: 2 · Restored: 3/);
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("alert")).toHaveCount(2);
  for (const alert of await table.getByRole("alert").all()) await expect(alert).toContainText(/Request ID: [0-9a-f-]{36}/);

  const resent: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) resent.push(request.postData() ?? "");
  });
  await results.getByRole("button", { name: "Retry failed (2)" }).click();
  await expect(results.getByRole("status")).toHaveText("Restored: 5");

  const restoreCalls = resent.filter((body) => ids.some((id) => body.includes(id)));
  expect(restoreCalls).toHaveLength(1);
  expect(ids.filter((id) => restoreCalls[0]!.includes(id))).toHaveLength(2);
  for (const id of ids) expect(await emulator.liveSyncPolicy(id)).not.toBeNull();
});
