import AxeBuilder from "@axe-core/playwright";
import type { Download, Page } from "@playwright/test";
import { ACCOUNTS, AUDIT_SCOPES, expect, test } from "./fixtures";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const WOODGROVE = "d5e6f7a8-b9c0-4d1e-8f2a-3b4c5d6e7f80";
const PARTNERS = "/policies/crossTenantAccessPolicy/partners";

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id);
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return readDownload(download);
}

async function readDownload(download: Download): Promise<string> {
  const chunks = (await (await download.createReadStream()).toArray()) as Buffer[];
  // Decoded without stripping the BOM, so the test sees the bytes a spreadsheet sees.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(Buffer.concat(chunks));
}

test("a refresh that fails says so where the data is, with its request id, and Try again recovers", async ({ page, signIn, emulator }) => {
  await signIn("/partners", "admin");
  const table = page.getByRole("table", { name: /partners/i });
  await expect(table.getByRole("row").filter({ hasText: FABRIKAM })).toBeVisible();
  await expect(page.getByText(/\d+ partners$/)).toBeVisible();

  await emulator.failNext({ count: 4, path: PARTNERS, method: "GET", status: 503, retryAfterSeconds: 0 });
  await page.getByRole("button", { name: "Refresh from Microsoft Graph" }).click();
  const failed = page.getByRole("alert").filter({ hasText: /Couldn't refresh: showing data from \d{2}:\d{2}/ });
  await expect(failed).toBeVisible({ timeout: 30_000 });
  await expect(failed).toContainText("Request ID");
  await expect(failed).toContainText("Microsoft Graph is temporarily unavailable");
  // The data stays, and nothing claims it was just updated.
  await expect(table.getByRole("row").filter({ hasText: FABRIKAM })).toBeVisible();
  await expect(page.getByText("Updated just now")).toHaveCount(0);
  await expect(page.getByText(/Not refreshed: data from \d{2}:\d{2}/)).toBeVisible();
  await page.screenshot({ path: "test-results/honest-ui-refresh-failed.png", fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  await failed.getByRole("button", { name: "Try again" }).click();
  await expect(failed).toHaveCount(0);
  await expect(page.getByText("Updated just now")).toBeVisible();
});

test("an unknown purge count is a dash, never 0", async ({ page, signIn, emulator }) => {
  await emulator.failNext({ count: 4, path: "/deletedItems/crossTenantSyncPolicyPartners", method: "GET", status: 503, retryAfterSeconds: 0 });
  await signIn("/partners", "admin");
  await expect(page.getByText(/the purge count is unknown/)).toBeVisible({ timeout: 30_000 });
  const tile = page.getByRole("navigation", { name: "Summary" }).getByRole("link", { name: /Deleted, purge within 7 days/ });
  await expect(tile).toContainText("—");
  await expect(tile).toHaveAccessibleName(/unknown/);
  await expect(tile).toHaveText(/^—/);
});

test("an existing partner is recognised before anything is sent, also by a verified domain; search finds it by that domain", async ({ page, signIn, emulator }) => {
  await signIn("/partners", "admin");
  await expect(page.getByRole("table", { name: /partners/i }).getByRole("row").filter({ hasText: FABRIKAM })).toBeVisible();
  await emulator.control("DELETE", "requests");

  await page.getByRole("button", { name: "Add organization" }).click();
  const dialog = page.getByRole("dialog", { name: "Add organization" });
  await dialog.getByLabel("Tenant ID or domain name").fill("fabrikam.com");
  await dialog.getByRole("button", { name: "Look up" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Fabrikam is already a partner." })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Add organization" })).toBeDisabled();
  expect(await emulator.answered("POST", PARTNERS)).toBe(0);
  await dialog.getByRole("link", { name: "Open Fabrikam" }).click();
  await expect(page).toHaveURL(new RegExp(`/partners/${FABRIKAM}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Fabrikam");
  expect(await emulator.answered("POST", PARTNERS)).toBe(0);

  // fabrikam.com is not the default domain the rows show: search falls back to a domain lookup.
  await page.goto("/partners?q=fabrikam.com");
  const found = page.getByRole("status").filter({ hasText: "fabrikam.com is a verified domain of Fabrikam, a partner." });
  await expect(found).toBeVisible();
  await found.getByRole("link", { name: "Open Fabrikam" }).click();
  await expect(page).toHaveURL(new RegExp(`/partners/${FABRIKAM}$`));
});

test("sync that cannot work is flagged and fixed; set up keeps every setting it was not asked to change", async ({ page, signIn, emulator }) => {
  const consent = async () =>
    ((await emulator.graph("GET", `${PARTNERS}/${WOODGROVE}`)).body as { automaticUserConsentSettings: { inboundAllowed: boolean | null; outboundAllowed: boolean | null } })
      .automaticUserConsentSettings;
  expect(await consent()).toEqual({ inboundAllowed: null, outboundAllowed: null });

  await signIn(`/partners/${WOODGROVE}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await section.getByRole("button", { name: "Set up sync" }).click();
  const dialog = page.getByRole("dialog", { name: "Set up sync" });
  await dialog.getByRole("checkbox", { name: /automatic redemption/ }).uncheck();
  await expect(dialog).toContainText("Without inbound automatic redemption, no user is synchronized");
  await dialog.getByRole("button", { name: "Set up sync" }).click();

  // The toast promises nothing that cannot happen, and the page says why sync cannot work.
  await expect(page.getByText(/inbound automatic redemption is off for this partner: no user is synchronized until it is turned on/)).toBeVisible();
  await expect(page.getByText(/Users from this tenant are synchronized once/)).toHaveCount(0);
  const flag = section.getByRole("note", { name: "Sync cannot work" });
  await expect(flag).toContainText("Users from Woodgrove Bank are not synchronized: inbound automatic redemption is off.");
  await expect(flag).toContainText("inherited from the default policy");
  await expect.poll(() => emulator.liveSyncPolicy(WOODGROVE)).toMatchObject({ userSyncInbound: { isSyncAllowed: true } });
  // Inherited stays inherited: set up wrote neither direction of automatic redemption.
  expect(await consent()).toEqual({ inboundAllowed: null, outboundAllowed: null });
  await page.screenshot({ path: "test-results/honest-ui-sync-cannot-work.png", fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // The partners list filters and counts it.
  await page.goto("/partners?sync=cannot-work");
  const rows = page.getByRole("table", { name: /partners/i }).getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Woodgrove Bank");
  await expect(rows.nth(1)).toContainText("Automatic redemption off");
  await expect(page.getByRole("navigation", { name: "Summary" }).getByRole("link", { name: /Sync allowed, redemption off/ })).toContainText("1");

  await rows.nth(1).getByRole("link", { name: /Woodgrove Bank/ }).click();
  await page.getByRole("region", { name: "Identity synchronization" }).getByRole("button", { name: "Turn on automatic redemption" }).click();
  const confirm = page.getByRole("dialog", { name: "Turn on inbound automatic redemption" });
  await expect(confirm).toContainText("outbound automatic redemption, the sync policy and the partner's other settings stay as they are");
  await confirm.getByRole("button", { name: "Turn on", exact: true }).click();
  await expect(page.getByText("Turned on inbound automatic redemption for Woodgrove Bank")).toBeVisible();
  await expect(page.getByRole("note", { name: "Sync cannot work" })).toHaveCount(0);
  await expect.poll(consent).toEqual({ inboundAllowed: true, outboundAllowed: null });
});

test("a change waits for Graph: its value is marked pending and the partner's controls wait, through a throttling countdown", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${FABRIKAM}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await emulator.failNext({ count: 1, path: "/identitySynchronization", method: "PATCH", status: 429, retryAfterSeconds: 30 });
  await section.getByRole("button", { name: "Turn on inbound group sync" }).click();
  await page.getByRole("dialog", { name: "Turn on inbound group sync" }).getByRole("button", { name: "Turn on", exact: true }).click();

  const mark = section.getByRole("status").filter({ hasText: /Not changed yet: Microsoft Graph is throttling\. Retrying automatically in \d+ s/ });
  await expect(mark).toBeVisible({ timeout: 15_000 });
  const userSync = section.getByRole("button", { name: "Turn off inbound user sync" });
  await expect(userSync).toBeDisabled();
  await expect(userSync).toHaveAccessibleDescription(/Microsoft Graph is throttling/);
  await expect(section.getByRole("button", { name: "Delete sync policy" })).toBeDisabled();
});

test("both CSVs carry the screen's columns and words, UTF-8 with a BOM", async ({ page, signIn, emulator }) => {
  await emulator.setConsent(ACCOUNTS.admin, AUDIT_SCOPES);
  await signIn("/partners", "admin");
  await expect(page.getByRole("table", { name: /partners/i }).getByRole("row").filter({ hasText: FABRIKAM })).toContainText("fabrikam.onmicrosoft.com");
  await expect(page.getByText(/\d+ partners$/)).toBeVisible();

  const partners = await downloadText(page, () => page.getByRole("button", { name: "Export CSV" }).click());
  expect(partners.charCodeAt(0)).toBe(0xfeff);
  const [header, ...lines] = partners.slice(1).trim().split("\r\n");
  expect(header).toBe(
    '"Name","Domain","Tenant ID","Well-known tenant","Inbound user sync","Automatic redemption (inbound)","Group sync","Service provider","Multitenant organization","Sync policy in deleted items"',
  );
  expect(lines.find((line) => line.includes(FABRIKAM))).toBe(`"Fabrikam","fabrikam.onmicrosoft.com","${FABRIKAM}","","Allowed","On","Not set","No","No",""`);
  expect(lines.find((line) => line.includes("Coho Winery"))).toMatch(/"No sync policy",".*","—","No","No","(1 day left|Less than a day left)"$/);
  expect(partners).not.toContain("Not set\",\"Not set");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem").first()).toBeVisible();
  const activity = await downloadText(page, () => page.getByRole("button", { name: "Export CSV" }).click());
  expect(activity.charCodeAt(0)).toBe(0xfeff);
  expect(activity).toContain("→");
});

test("a sign-in with no directory role sees Add organization unavailable with the reason, and is not offered audit consent", async ({ page, signIn, emulator }) => {
  await signIn("/partners", "helpdesk");
  const add = page.getByRole("button", { name: "Add organization" });
  await expect(add).toHaveAttribute("aria-disabled", "true");
  await expect(add).toHaveAccessibleDescription(/no directory role/);
  await add.click({ force: true });
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("note").filter({ hasText: "You can't read the audit log" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Allow access to the audit log" })).toHaveCount(0);
  const consents = (await emulator.control("GET", "consents")) as { consents: { username: string; scopes: string[] }[] };
  expect(consents.consents.find((entry) => entry.username === ACCOUNTS.helpdesk)?.scopes).not.toContain("AuditLog.Read.All");
});
