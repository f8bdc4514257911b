import type { Page } from "@playwright/test";
import { ACCOUNTS, AUDIT_SCOPES, expect, test } from "./fixtures";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const ADATUM = "8f7e6d5c-4b3a-4291-8877-665544332211";
const ALPINE = "4e1d2c3b-8a9f-4b7e-a6d5-c4b3a2918f70";
const WIDE_WORLD = "e7f8a9b0-c1d2-4e3f-9a4b-5c6d7e8f9a0b";
const GRAPHIC_DESIGN = "9b0c1d2e-3f4a-4b5c-9d6e-7f8a9b0c1d2e";

/** Graph's own names, which a page must never show an admin. */
const GRAPH_PROPERTY_NAMES =
  /\b(userSyncInbound|groupSyncInbound|isSyncAllowed|automaticUserConsentSettings|inboundAllowed|outboundAllowed|identitySynchronization|isServiceProvider|isInMultiTenantOrganization|b2bCollaborationInbound|b2bCollaborationOutbound|b2bDirectConnectInbound|b2bDirectConnectOutbound|tenantRestrictions|inboundTrust|deletedDateTime|activityDisplayName|userPrincipalName)\b/;

async function focusRing(page: Page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
}

test.use({ viewport: { width: 1440, height: 900 } });

test("after a dialog, focus is back on the control that opened it, whether cancelled or confirmed", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${FABRIKAM}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  const toggle = section.getByRole("button", { name: "Turn off inbound user sync" });
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Turn off inbound user sync" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(toggle).toBeFocused();

  await page.keyboard.press("Enter");
  await page.getByRole("dialog", { name: "Turn off inbound user sync" }).getByRole("button", { name: "Turn off", exact: true }).press("Enter");
  const turnedOff = section.getByRole("button", { name: "Turn on inbound user sync" });
  await expect(turnedOff).toBeVisible();
  await expect(turnedOff).toBeFocused();
  await expect.poll(async () => (await emulator.liveSyncPolicy(FABRIKAM))?.userSyncInbound?.isSyncAllowed).toBe(false);
});

test("while a confirmed write is on its way, focus waits in the control's section, never on the page itself, then goes back to the control", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${FABRIKAM}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await section.getByRole("button", { name: "Turn off inbound user sync" }).focus();
  await page.keyboard.press("Enter");
  await emulator.control("PUT", "faults", { latencyMs: 2_000 });
  await page.getByRole("dialog", { name: "Turn off inbound user sync" }).getByRole("button", { name: "Turn off", exact: true }).press("Enter");

  // The control waits, disabled, while Graph has not answered: focus stands in its section.
  await expect(section.getByRole("status").filter({ hasText: "Saving: not confirmed by Microsoft Graph yet" })).toBeVisible();
  const focusInSection = () => section.evaluate((element) => document.activeElement !== document.body && element.contains(document.activeElement));
  // Graph takes 2 s: this is well before it answers.
  await expect.poll(focusInSection, { timeout: 1_000 }).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("BUTTON");
  await page.screenshot({ path: test.info().outputPath("focus-while-sending.png") });

  const turnedOff = section.getByRole("button", { name: "Turn on inbound user sync" });
  await expect(turnedOff).toBeEnabled({ timeout: 15_000 });
  await emulator.control("PUT", "faults", { latencyMs: 0 });
  await expect(turnedOff).toBeFocused();
  // The stand-in is an ordinary element again: not reachable with Tab.
  expect(await section.evaluate((element) => element.querySelectorAll("[data-focus-stand-in]").length + (element.hasAttribute("data-focus-stand-in") ? 1 : 0))).toBe(0);
  expect((await emulator.liveSyncPolicy(FABRIKAM))?.userSyncInbound?.isSyncAllowed).toBe(false);
});

test("after a delete, focus lands on the section's next control, Undo is one Tab away, has a visible ring and stays while focused", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${ADATUM}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await section.getByRole("button", { name: "Delete sync policy" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("dialog", { name: "Delete sync policy" }).getByRole("button", { name: "Delete", exact: true }).press("Enter");

  // The delete button is gone with the live policy: focus is on what the section offers now.
  const restore = section.getByRole("button", { name: "Restore sync policy" });
  await expect(restore).toBeFocused();
  const undo = page.getByRole("button", { name: "Undo" });
  await expect(undo).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(undo).toBeFocused();
  const ring = await focusRing(page);
  expect(ring.style).not.toBe("none");
  expect(ring.width).toBeGreaterThanOrEqual(2);
  await page.keyboard.press("Shift+Tab");
  await expect(restore).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(undo).toBeFocused();

  // The toast offers Undo for 10 s; focused, it stays.
  await page.waitForTimeout(11_000);
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId)).not.toContain(ADATUM);
  await expect(section.getByRole("button", { name: "Delete sync policy" })).toBeVisible();
});

test("an error stays until dismissed, with its request id to copy", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${ALPINE}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await emulator.failNext({ count: 1, path: `/policies/crossTenantAccessPolicy/partners/${ALPINE}/identitySynchronization`, method: "PATCH", status: 500 });
  await section.getByRole("button", { name: "Turn off inbound user sync" }).click();
  await page.getByRole("dialog", { name: "Turn off inbound user sync" }).getByRole("button", { name: "Turn off", exact: true }).click();

  const copy = page.getByRole("button", { name: "Copy request id" });
  await expect(copy).toBeVisible();
  await page.waitForTimeout(8_000);
  await expect(copy).toBeVisible();
  await page.getByRole("button", { name: "Dismiss notification" }).click();
  await expect(copy).toHaveCount(0);
});

test("at 1440 × 900 the page, not a box inside it, scrolls and shows at least 15 partner rows", async ({ page, signIn, emulator }) => {
  await emulator.seedDeleted(20);
  await signIn("/partners", "admin");
  const table = page.getByRole("table", { name: /partners/i });
  await expect(table.getByRole("row").nth(20)).toBeAttached();
  const fullyVisible = await table.getByRole("row").evaluateAll(
    (rows) =>
      rows.filter((row) => {
        const box = row.getBoundingClientRect();
        return row.querySelector("td") !== null && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
      }).length,
  );
  expect(fullyVisible).toBeGreaterThanOrEqual(15);
  // The window scrolls; no element between it and the rows does.
  const boxes = await table.evaluate((element) => {
    const scrollers: string[] = [];
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowY;
      if (overflow === "auto" || overflow === "scroll") scrollers.push(node.tagName);
    }
    return scrollers;
  });
  expect(boxes).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true);
});

test("activity: type-ahead on part of a sign-in name, partner by name, sign-in names shown and times with their zone", async ({ page, signIn, emulator }) => {
  await emulator.setConsent(ACCOUNTS.admin, AUDIT_SCOPES);
  await signIn("/activity", "admin");
  const changes = page.getByRole("list", { name: "Changes, newest first" });
  await expect(changes.getByRole("listitem").first()).toBeVisible();
  await expect(page.getByText(/Times are in your time zone, \S+/)).toBeVisible();
  await expect(changes.getByRole("listitem").first().locator("time")).toHaveText(/(UTC|GMT|[A-Z]{3,4})/);

  const person = page.getByRole("combobox", { name: "Changed by" });
  await person.fill("adm");
  await expect(page.getByRole("option", { name: /Adele Admin/ })).toBeVisible();
  // The partial name is a filter on its own once typing pauses: no error, the list narrows to it.
  await expect(page).toHaveURL(/by=adm/);
  await expect(page.getByText(/Enter a user principal name/)).toHaveCount(0);
  const expected = (await emulator.auditEntries()).filter((entry) => entry.initiatedBy.user?.userPrincipalName?.startsWith("adm"));
  expect(expected.length).toBeGreaterThan(0);
  for (const item of (await changes.getByRole("listitem").all()).slice(0, 5)) await expect(item).toContainText(`(${ACCOUNTS.admin})`);

  await person.press("ArrowDown");
  await person.press("Enter");
  await expect(page).toHaveURL(new RegExp(`person=${encodeURIComponent(ACCOUNTS.admin)}`));

  const partner = page.getByRole("combobox", { name: "Partner" });
  await partner.fill("fabri");
  const name = (await emulator.tenantInformation(FABRIKAM))!.displayName!;
  await page.getByRole("option", { name: new RegExp(name) }).click();
  await expect(page).toHaveURL(new RegExp(`partner=${FABRIKAM}`));
  await expect(partner).toHaveValue(name);
});

test("deleted partners: search, select many, restore them together; who deleted each is shown", async ({ page, signIn, emulator }) => {
  expect((await emulator.graph("DELETE", `/policies/crossTenantAccessPolicy/partners/${WIDE_WORLD}`)).status).toBe(204);
  const wideWorld = (await emulator.tenantInformation(WIDE_WORLD))!.displayName!;
  const graphicDesign = (await emulator.tenantInformation(GRAPHIC_DESIGN))!.displayName!;
  await signIn("/partners/deleted", "admin");
  const table = page.getByRole("table", { name: /deleted partners/i });
  await expect(table.getByRole("row").filter({ hasText: WIDE_WORLD })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Deleted by" })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: WIDE_WORLD })).not.toContainText("Looking up");

  const search = page.getByRole("searchbox", { name: "Search deleted partners" });
  await search.fill(wideWorld.slice(0, 6));
  await expect(table.getByRole("row")).toHaveCount(2);
  await search.fill("");
  await expect(table.getByRole("row")).toHaveCount(3);

  await table.getByRole("checkbox", { name: `Select ${wideWorld}` }).check();
  await table.getByRole("checkbox", { name: `Select ${graphicDesign}` }).check();
  await page.getByRole("button", { name: "Restore selected (2)" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore 2 partners" });
  await expect(dialog).toContainText(wideWorld);
  await dialog.getByRole("button", { name: "Restore 2" }).click();

  await expect(page.getByRole("region", { name: "Restore results" }).getByRole("status")).toHaveText("Restored: 2");
  await expect(page.getByText("No deleted partners")).toBeVisible();
  const live = (await emulator.partners()).map((p) => p.tenantId);
  expect(live).toEqual(expect.arrayContaining([WIDE_WORLD, GRAPHIC_DESIGN]));
});

test("no page shows a Graph property name", async ({ page, signIn, emulator }) => {
  await emulator.setConsent(ACCOUNTS.admin, AUDIT_SCOPES);
  // A live sync policy without userSyncInbound, which the partner page must describe in words.
  await emulator.graph("PUT", `/policies/crossTenantAccessPolicy/partners/${WIDE_WORLD}/identitySynchronization`, { displayName: "Wide World Importers" });
  await signIn("/partners", "admin");
  const pages: [string, () => Promise<void>][] = [
    ["/partners", () => expect(page.getByRole("table", { name: /partners/i })).toBeVisible()],
    [`/partners/${FABRIKAM}`, () => expect(page.getByRole("region", { name: "Partner configuration" })).toBeVisible()],
    [`/partners/${WIDE_WORLD}`, () => expect(page.getByText("(not set in the sync policy)")).toBeVisible()],
    ["/deleted", () => expect(page.getByRole("table", { name: /deleted/i })).toBeVisible()],
    ["/partners/deleted", () => expect(page.getByRole("table", { name: /deleted partners/i })).toBeVisible()],
    ["/activity", () => expect(page.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem").first()).toBeVisible()],
  ];
  for (const [path, ready] of pages) {
    await page.goto(path);
    await ready();
    const text = await page.locator("body").innerText();
    expect(text.match(GRAPH_PROPERTY_NAMES)?.[0] ?? null, path).toBeNull();
  }
});
