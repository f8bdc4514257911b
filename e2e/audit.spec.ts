import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ACCOUNTS, AUDIT_SCOPES, expect, test } from "./fixtures";

const COHO = { tenantId: "0f1e2d3c-4b5a-4697-8877-a6b5c4d3e2f1", name: "Coho Winery" };
const FABRIKAM = { tenantId: "9c5d131d-b1c3-4fc4-9e3f-c6557947d551", name: "Fabrikam" };
const DELETE_SYNC = "Delete a partner cross-tenant identity sync setting";

function history(page: Page) {
  return page.getByRole("region", { name: "Change history" });
}

test("an admin restores a policy and the partner's change history names the admin", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${COHO.tenantId}`, "admin");
  const url = page.url();

  // AuditLog.Read.All was never asked for at sign-in: the page explains, and asks only now.
  await expect(history(page)).toContainText("Who changed what comes from the Entra audit log.");
  await history(page).getByRole("button", { name: "Allow access to the audit log" }).click();
  await expect(page.getByRole("heading", { name: "Permissions requested" })).toBeVisible();
  await expect(page.getByText("AuditLog.Read.All")).toBeVisible();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page).toHaveURL(url);

  const changes = history(page).getByRole("list", { name: "Changes, newest first" });
  await expect(changes.getByRole("listitem").first()).toContainText("deleted the sync policy");

  await page.getByRole("region", { name: "Identity synchronization" }).getByRole("button", { name: "Restore sync policy" }).click();
  await page.getByRole("dialog", { name: "Restore sync policy" }).getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByRole("region", { name: "Identity synchronization" })).not.toContainText("in deleted items");

  const newest = changes.getByRole("listitem").first();
  await expect(newest).toContainText("Adele Admin (admin@contoso.example) restored the sync policy from deleted items");
  await newest.getByText("Raw entry").click();
  await expect(newest.locator("pre")).toContainText(ACCOUNTS.admin);

  // The emulator holds the entry the UI showed: this admin, this partner.
  const restores = (await emulator.auditEntries(COHO.tenantId)).filter((entry) => entry.activityDisplayName.startsWith("Restore"));
  expect(restores).toHaveLength(1);
  expect(restores[0]!.initiatedBy.user?.userPrincipalName).toBe(ACCOUNTS.admin);
});

test("a reader sees partner timelines and who deleted each policy", async ({ page, signIn, emulator }) => {
  await emulator.setConsent(ACCOUNTS.reader, AUDIT_SCOPES);
  await signIn("/deleted", "reader");

  const deletions = (await emulator.auditEntries()).filter((entry) => entry.activityDisplayName === DELETE_SYNC);
  const deleted = await emulator.deletedSyncPolicies();
  const table = page.getByRole("table", { name: /deleted/i });
  await expect(table.getByRole("columnheader", { name: "Deleted by" })).toBeVisible();
  for (const policy of deleted) {
    const deletion = deletions
      .filter((entry) => entry.targetResources.some((target) => target.id === policy.tenantId))
      .sort((a, b) => Math.abs(Date.parse(a.activityDateTime) - Date.parse(policy.deletedDateTime)) - Math.abs(Date.parse(b.activityDateTime) - Date.parse(policy.deletedDateTime)))[0];
    expect(deletion, `a deletion entry for ${policy.tenantId}`).toBeDefined();
    const who = deletion!.initiatedBy.user?.displayName ?? `${deletion!.initiatedBy.app?.displayName} (app)`;
    await expect(table.getByRole("row").filter({ hasText: policy.tenantId })).toContainText(who);
  }
  // No consent prompt for someone who already consented; no write happened.
  await expect(page.getByRole("button", { name: "Allow access to the audit log" })).toHaveCount(0);

  await page.goto(`/partners/${FABRIKAM.tenantId}`);
  const changes = history(page).getByRole("list", { name: "Changes, newest first" });
  await expect(changes.getByRole("listitem").first()).toBeVisible();
  const created = (await emulator.auditEntries(FABRIKAM.tenantId)).filter((entry) => entry.activityDisplayName === "Create a partner cross-tenant identity sync setting");
  expect(created.length).toBeGreaterThan(0);
  const creator = created[0]!.initiatedBy;
  // A person is named with their sign-in name beside it; an app by its name.
  await expect(changes).toContainText(`${creator.user ? `${creator.user.displayName} (${creator.user.userPrincipalName})` : creator.app?.displayName} set up sync`);
  await expect(history(page)).toContainText("Entra keeps changes for 30 days.");
});

test("Deleted by is one filtered query for the whole list, not one per row, and is cached", async ({ page, signIn, emulator }) => {
  await emulator.setConsent(ACCOUNTS.admin, AUDIT_SCOPES);
  await emulator.seedDeleted(60);
  // Server actions carry their arguments in the body: the deleted-by reads are the ones asking for deletions.
  const deletedByCalls: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"] && request.postData()?.includes('"kind":"sync-deleted"')) deletedByCalls.push(request.url());
  });
  await signIn("/deleted", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  const search = page.getByRole("searchbox", { name: "Search deleted sync policies" });
  // The table draws the rows in view; its row count says how many there are.
  await expect(table).toHaveAttribute("aria-rowcount", "67");
  await expect(table.getByRole("row").filter({ hasText: "Looking up" })).toHaveCount(0);
  await search.fill("Bulk Partner 60");
  await expect(table.getByRole("row").filter({ hasText: "Bulk Partner 60" })).toContainText("Cross-Tenant Sync Automation (app)");
  // 66 deletions in one window: two pages of 50, whatever the number of rows.
  expect(deletedByCalls).toHaveLength(2);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
  await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Deleted sync policies" }).click();
  await search.fill("Bulk Partner 60");
  await expect(table.getByRole("row").filter({ hasText: "Bulk Partner 60" })).toContainText("Cross-Tenant Sync Automation (app)");
  expect(deletedByCalls).toHaveLength(2);
});

test("a user without an audit-reading role is told which roles may read it", async ({ page, signIn, emulator }) => {
  await emulator.setConsent(ACCOUNTS.helpdesk, AUDIT_SCOPES);
  await signIn("/activity", "helpdesk");
  const message = page.getByRole("note").filter({ hasText: "You can't read the audit log" });
  await expect(message).toContainText("Reports Reader, Security Reader, Security Administrator, Global Reader or Global Administrator");
  // The rest of the console is as it was.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
  await expect(page.getByRole("heading", { name: "Cross-tenant access partners" })).toBeVisible();
});

test("declining consent leaves the page as it was and the offer standing", async ({ page, signIn }) => {
  await signIn(`/partners/${FABRIKAM.tenantId}`, "admin");
  const url = page.url();
  await history(page).getByRole("button", { name: "Allow access to the audit log" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(url);
  await expect(history(page)).toContainText("Access to the audit log was not granted.");
  await expect(page.getByRole("region", { name: "Identity synchronization" })).toContainText("Inbound user sync");
});

test("activity filters live in the URL and a shared link opens the same view", async ({ page, signIn, emulator }) => {
  await emulator.setConsent(ACCOUNTS.admin, AUDIT_SCOPES);
  await signIn("/activity", "admin");
  const changes = page.getByRole("list", { name: "Changes, newest first" });
  await expect(changes.getByRole("listitem").first()).toBeVisible();

  await page.getByLabel("Period").selectOption("30");
  await page.getByLabel("Kind of change").selectOption({ label: "Sync policy deleted" });
  await page.getByLabel("Changed by").fill(ACCOUNTS.admin);
  await page.getByLabel("Changed by").press("Enter");
  await expect(page).toHaveURL(/days=30/);
  await expect(page).toHaveURL(/kind=sync-deleted/);
  await expect(page).toHaveURL(new RegExp(`person=${encodeURIComponent(ACCOUNTS.admin)}`));

  const { now } = (await emulator.control("GET", "clock")) as { now: string };
  const expected = (await emulator.auditEntries()).filter(
    (entry) =>
      entry.activityDisplayName === DELETE_SYNC &&
      entry.initiatedBy.user?.userPrincipalName === ACCOUNTS.admin &&
      Date.parse(entry.activityDateTime) >= Date.parse(now) - 30 * 86_400_000,
  );
  expect(expected.length).toBeGreaterThan(0);
  await expect(changes.getByRole("listitem")).toHaveCount(expected.length);
  for (const item of await changes.getByRole("listitem").all()) await expect(item).toContainText("Adele Admin (admin@contoso.example) deleted the sync policy");

  // The link is the view: a fresh tab opens with the same filters applied.
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByLabel("Kind of change")).toHaveValue("sync-deleted");
  await expect(other.getByLabel("Changed by")).toHaveValue(ACCOUNTS.admin);
  await expect(other.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem")).toHaveCount(expected.length);

  // Export saves what is shown.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const csv = await (await download).createReadStream();
  let text = "";
  for await (const chunk of csv) text += chunk.toString();
  expect(text.trim().split("\r\n")).toHaveLength(expected.length + 1);
  expect(text).toContain('"Adele Admin deleted the sync policy');
});

test("a throttled audit read counts down and carries on, keeping the pages already read", async ({ page, signIn, emulator }) => {
  await emulator.setConsent(ACCOUNTS.admin, AUDIT_SCOPES);
  // Each bulk policy's deletion is logged: more than one page of changes.
  await emulator.seedDeleted(60);
  await signIn("/activity", "admin");
  const items = page.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem");
  await expect(items).toHaveCount(50);

  await emulator.failNext({ count: 1, path: "/auditLogs/directoryAudits", status: 429, retryAfterSeconds: 3 });
  await page.getByRole("button", { name: "Older changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "throttling audit log reads" })).toContainText(/Trying again in \d s/);
  await expect(items).toHaveCount(50);
  // After the countdown the next page arrives on its own, below the first.
  await expect(items).not.toHaveCount(50, { timeout: 15_000 });
  expect(await items.count()).toBeGreaterThan(50);
  await expect(page.getByRole("alert").filter({ hasText: "throttling audit log reads" })).toHaveCount(0);
});

test("throttled twice in a row, the change history counts down each time and then loads", async ({ page, signIn, emulator }) => {
  await emulator.setConsent(ACCOUNTS.admin, AUDIT_SCOPES);
  await emulator.failNext({ count: 2, path: "/auditLogs/directoryAudits", status: 429, retryAfterSeconds: 2 });
  await signIn(`/partners/${FABRIKAM.tenantId}`, "admin");
  await expect(history(page).getByRole("alert")).toContainText(/Trying again in \d s/);
  await expect(history(page).getByRole("list", { name: "Changes, newest first" }).getByRole("listitem").first()).toBeVisible({ timeout: 15_000 });
  await expect(history(page).getByRole("alert")).toHaveCount(0);
});

for (const scheme of ["light", "dark"] as const) {
  test(`audit views pass WCAG 2.1 AA checks in ${scheme} mode`, async ({ page, signIn, emulator }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const serious = async () =>
      (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);

    // The consent offer, before any audit permission.
    await signIn(`/partners/${FABRIKAM.tenantId}`, "admin");
    await expect(history(page).getByRole("button", { name: "Allow access to the audit log" })).toBeVisible();
    expect(await serious()).toEqual([]);

    await emulator.setConsent(ACCOUNTS.admin, AUDIT_SCOPES);
    await page.reload();
    const changes = history(page).getByRole("list", { name: "Changes, newest first" });
    await expect(changes.getByRole("listitem").first()).toBeVisible();
    await changes.getByText("Raw entry").first().click();
    expect(await serious()).toEqual([]);

    await page.goto("/activity?days=30");
    await expect(page.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem").first()).toBeVisible();
    expect(await serious()).toEqual([]);

    await page.goto("/deleted");
    await expect(page.getByRole("table", { name: /deleted/i }).getByRole("row").nth(1)).not.toContainText("Looking up");
    expect(await serious()).toEqual([]);
  });
}
