import { expect, test } from "./fixtures";
import { signInAt } from "./fixtures";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const MICROSOFT_SUPPORT = "b4c546a4-7dac-46a6-a7dd-ed822a11efd3";

function expectedState(partner: { identitySynchronization?: { userSyncInbound: { isSyncAllowed: boolean } | null } | null }): string {
  const policy = partner.identitySynchronization;
  if (!policy) return "No sync policy";
  return policy.userSyncInbound?.isSyncAllowed === true ? "Allowed" : "Blocked";
}

test("the partners list shows every partner Graph holds, with its sync state", async ({ page, signIn, emulator }) => {
  await signIn("/partners", "admin");
  const partners = await emulator.partners();
  const deletedIds = new Set((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId));
  expect(partners.length).toBeGreaterThan(10);

  const table = page.getByRole("table", { name: /partners/i });
  await expect(table).toHaveAttribute("aria-rowcount", String(partners.length + 1));
  await expect(table.getByRole("row")).toHaveCount(partners.length + 1);
  for (const partner of partners) {
    const row = table.getByRole("row").filter({ hasText: partner.tenantId });
    await expect(row).toHaveCount(1);
    const syncCell = row.getByRole("cell").nth(2);
    if (deletedIds.has(partner.tenantId)) {
      // A partner whose policy sits in deleted items says so, with the time left to restore it.
      await expect(syncCell).toHaveText(/^No sync policyIn deleted items: (less than a day|\d+ days?) left$/);
    } else {
      await expect(syncCell).toHaveText(expectedState(partner));
    }
  }
  await expect(table.getByRole("row").filter({ hasText: FABRIKAM })).toContainText("Fabrikam");
  await expect(table.getByRole("row").filter({ hasText: MICROSOFT_SUPPORT })).toContainText("Microsoft support tenant");

  const allowed = partners.filter((partner) => expectedState(partner) === "Allowed").length;
  await expect(page.getByRole("link", { name: `${allowed} Sync allowed` })).toBeVisible();
});

test("search, filter and sort live in the URL and survive a reload", async ({ page, signIn, emulator }) => {
  await signIn("/partners", "admin");
  const partners = await emulator.partners();
  const blocked = partners.filter((partner) => expectedState(partner) === "Blocked");
  const table = page.getByRole("table", { name: /partners/i });

  await page.getByLabel("Inbound user sync").selectOption("blocked");
  await expect(page).toHaveURL(/sync=blocked/);
  await expect(table.getByRole("row")).toHaveCount(blocked.length + 1);

  await page.getByLabel("Inbound user sync").selectOption("");
  await page.getByRole("searchbox", { name: "Search partners" }).fill("fabrikam");
  await expect(page).toHaveURL(/q=fabrikam/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText(FABRIKAM);

  await page.getByRole("searchbox", { name: "Search partners" }).fill("");
  await table.getByRole("button", { name: /Tenant ID/ }).click();
  await table.getByRole("button", { name: /Tenant ID/ }).click();
  await expect(page).toHaveURL(/sort=tenantId&dir=desc/);
  const sortedIds = partners.map((partner) => partner.tenantId.toLowerCase()).sort().reverse();
  await expect(table.getByRole("row").nth(1)).toContainText(sortedIds[0]!);

  await page.reload();
  await expect(table.getByRole("columnheader", { name: /Tenant ID/ })).toHaveAttribute("aria-sort", "descending");
  await expect(table.getByRole("row").nth(1)).toContainText(sortedIds[0]!);
  await expect(table.getByRole("row").last()).toContainText(sortedIds[sortedIds.length - 1]!);
});

test("a shared partner link goes through sign-in and lands on that partner", async ({ browser, emulator }) => {
  await emulator.reset();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAt(page, `/partners/${FABRIKAM}?from=shared-link`, "reader");
  await expect(page).toHaveURL(new RegExp(`/partners/${FABRIKAM}\\?from=shared-link$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Fabrikam");
  await expect(page.getByRole("region", { name: "Identity synchronization" })).toContainText("Allowed");
  await context.close();
});

test("a malformed partner id shows not found without a Graph call", async ({ page, signIn }) => {
  await signIn("/partners", "admin");
  await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const graphCalls: string[] = [];
  // Server actions post to the page that calls them; the partners page may still be looking up names.
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/partners/not-a-tenant-id")) graphCalls.push(request.url());
  });
  await page.goto("/partners/not-a-tenant-id");
  await expect(page.getByRole("heading", { name: "Partner not found" })).toBeVisible();
  expect(graphCalls).toEqual([]);
});

test("a reader sees the partners; a user without a role gets a clear permission message", async ({ page, signIn }) => {
  await signIn("/partners", "reader");
  await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();
  await expect(page.getByLabel("Directory role")).toHaveText("Global Reader");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  await signInAt(page, "/partners", "helpdesk");
  const problem = page.getByRole("alert").filter({ hasText: "You don't have permission to read cross-tenant sync settings" });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText("Request ID");
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("Export CSV downloads the filtered view as shown", async ({ page, signIn, emulator }) => {
  await signIn("/partners?sync=blocked&sort=name", "admin");
  const blocked = (await emulator.partners()).filter((partner) => expectedState(partner) === "Blocked");
  await expect(page.getByRole("table", { name: /partners/i }).getByRole("row")).toHaveCount(blocked.length + 1);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cross-tenant-partners-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await (await download.createReadStream()).toArray()).join("").trim().split("\r\n");
  expect(lines[0]).toContain('"Inbound user sync"');
  expect(lines).toHaveLength(blocked.length + 1);
  for (const partner of blocked) expect(lines.some((line) => line.includes(partner.tenantId) && line.includes('"Blocked"'))).toBe(true);
});
