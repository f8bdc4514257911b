import type { Locator, Page } from "@playwright/test";
import { ACCOUNTS, AUDIT_SCOPES, expect, test } from "./fixtures";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const LITWARE = { tenantId: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", name: "Litware, Inc." };
const GRAPHIC_DESIGN = { tenantId: "9b0c1d2e-3f4a-4b5c-9d6e-7f8a9b0c1d2e", name: "Graphic Design Institute" };
const WINGTIP = { tenantId: "a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607", name: "Wingtip Toys" };
const LUCERNE = "24680ace-1357-4bdf-8ace-24680ace1357";
const PARTNERS = "/policies/crossTenantAccessPolicy/partners";

/** What a row a restore is sending says until Graph answers. */
const RESTORING = "Restore sent. Not confirmed by Microsoft Graph yet.";

/**
 * Records, from now on, every phrase of `phrases` the page shows while `until` (a CSS selector and the
 * text it must have) is not yet on the page: what an admin could have read at any moment in between.
 */
async function watchFor(page: Page, phrases: string[], until: { selector: string; text: string }) {
  await page.evaluate(
    ({ phrases, until }) => {
      const seen = new Set<string>();
      (window as unknown as { __seen: Set<string> }).__seen = seen;
      const look = () => {
        if (document.querySelector(until.selector)?.textContent === until.text) return;
        const text = document.body.innerText;
        for (const phrase of phrases) if (text.includes(phrase)) seen.add(phrase);
        if (!document.querySelector('table[aria-rowcount]')) seen.add("(no table)");
      };
      look();
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    { phrases, until },
  );
  return () => page.evaluate(() => [...(window as unknown as { __seen: Set<string> }).__seen]);
}

/** The element or one of its ancestors up to the body scrolls on its own (a box inside the page). */
function scrollsInsideThePage(locator: Locator) {
  return locator.evaluate((element) => {
    for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowY;
      if (overflow === "auto" || overflow === "scroll") return true;
    }
    return false;
  });
}

test("a bulk restore under throttling keeps its rows in the list, marked, and every message agrees with the countdown", async ({ page, signIn, emulator }) => {
  const ids = await emulator.seedDeleted(8);
  await signIn("/deleted?q=Bulk+Partner", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  await expect(table).toHaveAttribute("aria-rowcount", "9");
  const results = page.getByRole("region", { name: "Restore results" });
  const seen = await watchFor(page, ["No deleted sync policies", "Showing 0 of", "retry shortly"], {
    selector: 'section[aria-label="Restore results"] [role="status"]',
    text: "Restored: 8",
  });

  // Each restore is throttled twice: first with a short Retry-After the server waits out itself (the
  // write stays on its way), then with one longer than it holds a request, counted down in the browser.
  await emulator.failNext({ count: 8, path: "/restore", status: 429, retryAfterSeconds: 3 });
  await emulator.failNext({ count: 8, path: "/restore", status: 429, retryAfterSeconds: 12 });
  await emulator.control("PUT", "faults", { latencyMs: 1_000 });
  await table.getByRole("checkbox", { name: "Select all shown policies" }).check();
  await page.getByRole("button", { name: "Restore selected (8)" }).click();
  await page.getByRole("dialog", { name: "Restore 8 sync policies" }).getByRole("button", { name: "Restore 8" }).click();

  // On its way: the rows stay, each marked as not confirmed yet, and the count is still theirs.
  const pending = table.getByRole("status").filter({ hasText: RESTORING });
  await expect(pending.first()).toBeVisible();
  await expect(table).toHaveAttribute("aria-rowcount", "9");
  await expect(page.getByText("Showing 8 of")).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: ids[0]! })).toContainText(RESTORING);
  await expect(page.getByRole("button", { name: "Restore Bulk Partner 01" })).toBeDisabled();

  // Throttled past what the server waits: the header counts down to the automatic resend, and every row says the same.
  await expect(results.getByRole("timer")).toContainText(/retrying automatically in \d+ s/, { timeout: 20_000 });
  await emulator.control("PUT", "faults", { latencyMs: 0 });
  await expect(table).toHaveAttribute("aria-rowcount", "9");
  const throttledRows = table.getByRole("alert").filter({ hasText: "Throttled" });
  await expect(throttledRows.first()).toContainText("it is sent again automatically when the countdown ends");
  for (const alert of await throttledRows.all()) await expect(alert).not.toContainText("retry shortly");
  await expect(results).toContainText("it is sent again automatically when the countdown ends");
  await expect(results).not.toContainText("retry shortly");
  // The results panel is part of the page: the page scrolls, not a box inside it.
  expect(await scrollsInsideThePage(results)).toBe(false);

  await expect(results.getByRole("status")).toHaveText("Restored: 8", { timeout: 30_000 });
  await expect(results).toContainText(/after \d+ attempts/);
  expect(await seen()).toEqual([]);

  const stillDeleted = new Set((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId));
  expect(ids.filter((id) => stillDeleted.has(id))).toEqual([]);
  for (const id of ids) expect(await emulator.liveSyncPolicy(id)).not.toBeNull();
});

test("restoring Litware's sync policy from its own page names Litware, Inc. in the dialog, every message and the page", async ({ page, signIn, emulator }) => {
  // Litware's policy has no name of its own; another admin deleted it.
  expect((await emulator.graph("DELETE", `${PARTNERS}/${LITWARE.tenantId}/identitySynchronization`)).status).toBe(204);
  expect((await emulator.deletedSyncPolicies()).find((policy) => policy.tenantId === LITWARE.tenantId)?.displayName).toBeNull();
  await signIn(`/partners/${LITWARE.tenantId}`, "admin");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(LITWARE.name);
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await expect(section).toContainText("in deleted items");

  // A first try Graph fails: the error names the partner as the page does.
  await emulator.failNext({ count: 1, path: "/restore", status: 500 });
  await section.getByRole("button", { name: "Restore sync policy" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore sync policy" });
  await expect(dialog).toContainText(`Restore the identity synchronization policy of ${LITWARE.name} (tenant ${LITWARE.tenantId})`);
  await dialog.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByText(`${LITWARE.name}: failed`)).toBeVisible();
  expect((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId)).toContain(LITWARE.tenantId);

  await section.getByRole("button", { name: "Restore sync policy" }).click();
  await expect(dialog).toContainText(LITWARE.name);
  await dialog.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByText(`Restored the sync policy of ${LITWARE.name}`)).toBeVisible();
  await expect(section).toContainText("Inbound user sync");
  await expect(page.getByText(/unnamed partner/i)).toHaveCount(0);
  await expect(page.getByText(new RegExp(`(of|partner) ${LITWARE.tenantId}`))).toHaveCount(0);
  await expect.poll(() => emulator.liveSyncPolicy(LITWARE.tenantId)).toMatchObject({ tenantId: LITWARE.tenantId });
  // Its toast has gone before the next one, so the next one is read on its own.
  await expect(page.getByText(`Restored the sync policy of ${LITWARE.name}`)).toHaveCount(0);

  // Deleted here and undone from the toast: the same name all the way.
  await section.getByRole("button", { name: "Delete sync policy" }).click();
  const confirmDelete = page.getByRole("dialog", { name: "Delete sync policy" });
  await expect(confirmDelete).toContainText(`Delete the identity synchronization policy of ${LITWARE.name}`);
  await confirmDelete.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByText(`Deleted the sync policy of ${LITWARE.name}`)).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText(`Restored the sync policy of ${LITWARE.name}`)).toBeVisible();
  await expect(page.getByText(/unnamed partner/i)).toHaveCount(0);
  await expect.poll(() => emulator.liveSyncPolicy(LITWARE.tenantId)).not.toBeNull();
  expect((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId)).not.toContain(LITWARE.tenantId);
});

test("deleting Litware from its own page and restoring it names Litware, Inc. throughout", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${LITWARE.tenantId}`, "admin");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(LITWARE.name);
  await page.getByRole("button", { name: "Delete partner" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete partner" });
  await expect(dialog).toContainText(`Delete the cross-tenant access configuration of ${LITWARE.name}`);
  await dialog.getByRole("button", { name: "Delete both" }).click();
  await expect(page.getByText(`Deleted the partner ${LITWARE.name}`)).toBeVisible();
  await expect(page).toHaveURL(/\/partners$/);
  await page.getByRole("link", { name: "Deleted partners" }).click();

  const row = page.getByRole("table", { name: /deleted partners/i }).getByRole("row").filter({ hasText: LITWARE.tenantId });
  await expect(row).toContainText(LITWARE.name);
  await row.getByRole("button", { name: `Restore ${LITWARE.name}` }).click();
  const restore = page.getByRole("dialog", { name: "Restore partner" });
  await expect(restore).toContainText(`Restore the cross-tenant access configuration of ${LITWARE.name}`);
  await restore.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText(`Restored the partner ${LITWARE.name}`)).toBeVisible();
  await expect(page.getByText(/unnamed partner/i)).toHaveCount(0);
  expect((await emulator.partners()).map((partner) => partner.tenantId)).toContain(LITWARE.tenantId);

  // Back on its page, the sync policy deleted with it comes back under the same name.
  await page.goto(`/partners/${LITWARE.tenantId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(LITWARE.name);
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await section.getByRole("button", { name: "Restore sync policy" }).click();
  await expect(page.getByRole("dialog", { name: "Restore sync policy" })).toContainText(LITWARE.name);
  await page.getByRole("dialog", { name: "Restore sync policy" }).getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByText(`Restored the sync policy of ${LITWARE.name}`)).toBeVisible();
  await expect.poll(() => emulator.liveSyncPolicy(LITWARE.tenantId)).not.toBeNull();
});

test("restoring the only deleted partner keeps its row, marked as sent, until Graph answers: the list never calls itself empty", async ({ page, signIn, emulator }) => {
  await signIn("/partners/deleted", "admin");
  const table = page.getByRole("table", { name: /deleted partners/i });
  await expect(table.locator("tbody tr")).toHaveCount(1);
  const row = table.getByRole("row").filter({ hasText: GRAPHIC_DESIGN.tenantId });
  await row.getByRole("button", { name: `Restore ${GRAPHIC_DESIGN.name}` }).click();
  // Graph takes its time: the row must say what is happening meanwhile.
  await emulator.control("PUT", "faults", { latencyMs: 2_000 });
  await page.getByRole("dialog", { name: "Restore partner" }).getByRole("button", { name: "Restore", exact: true }).click();
  await expect(row).toContainText(RESTORING);
  await expect(row.getByRole("button", { name: `Restore ${GRAPHIC_DESIGN.name}` })).toBeDisabled();
  await expect(page.getByText(/Showing 1 of 1 deleted partners/)).toBeVisible();
  // Graph has not answered yet (2 s): the row is still there, and nothing says the list is empty.
  for (let look = 0; look < 3; look += 1) {
    await expect(row).toContainText(RESTORING);
    await expect(page.getByText("No deleted partners", { exact: true })).toHaveCount(0);
    await page.waitForTimeout(300);
  }

  await expect(page.getByText(`Restored the partner ${GRAPHIC_DESIGN.name}`)).toBeVisible({ timeout: 15_000 });
  await emulator.control("PUT", "faults", { latencyMs: 0 });
  expect((await emulator.partners()).map((partner) => partner.tenantId)).toContain(GRAPHIC_DESIGN.tenantId);
  // Once Graph has answered the row leaves, and only then may the list say it is empty.
  await expect(page.getByText("No deleted partners", { exact: true })).toBeVisible();
});

test("a shared link to a deleted partner says it is in deleted items, names it, and restores it there", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${LITWARE.tenantId}`, "admin");
  await page.getByRole("button", { name: "Delete partner" }).click();
  await page.getByRole("dialog", { name: "Delete partner" }).getByRole("button", { name: "Delete both" }).click();
  await expect(page.getByText(`Deleted the partner ${LITWARE.name}`)).toBeVisible();
  expect((await emulator.partners()).map((partner) => partner.tenantId)).not.toContain(LITWARE.tenantId);

  // A colleague opens the link that was shared before the delete.
  await page.goto(`/partners/${LITWARE.tenantId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(LITWARE.name);
  await expect(page.getByRole("status").filter({ hasText: "In deleted items." })).toContainText(/days? left|Less than a day left/);
  await expect(page.getByText("Partner not found")).toHaveCount(0);
  await page.getByRole("button", { name: "Restore partner" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore partner" });
  await expect(dialog).toContainText(`Restore the cross-tenant access configuration of ${LITWARE.name}`);
  await dialog.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByText(`Restored the partner ${LITWARE.name}`)).toBeVisible();
  // The page becomes the live partner's page again, with its controls.
  await expect(page.getByRole("button", { name: "Delete partner" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(LITWARE.name);
  expect((await emulator.partners()).map((partner) => partner.tenantId)).toContain(LITWARE.tenantId);
});

test("a link to a tenant that is neither a partner nor in deleted items says the partner is not found", async ({ page, signIn }) => {
  await signIn(`/partners/${WINGTIP.tenantId}`, "admin");
  await expect(page.getByRole("heading", { name: "Partner not found" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Restore partner" })).toHaveCount(0);
});

test("adding a partner someone else added meanwhile ends in a toast that leads to it", async ({ page, signIn, emulator }) => {
  await signIn("/partners", "admin");
  await page.getByRole("button", { name: "Add organization" }).click();
  const dialog = page.getByRole("dialog", { name: "Add organization" });
  await dialog.getByLabel("Tenant ID or domain name").fill("wingtiptoys.com");
  await dialog.getByRole("button", { name: "Look up" }).click();
  await expect(dialog).toContainText(WINGTIP.name);
  // Another admin adds it between the lookup and the click.
  expect((await emulator.graph("POST", PARTNERS, { tenantId: WINGTIP.tenantId })).status).toBe(201);

  await dialog.getByRole("button", { name: "Add organization" }).click();
  await expect(page.getByText(`${WINGTIP.name}: already a partner`)).toBeVisible();
  await page.getByRole("button", { name: "Open partner" }).click();
  await expect(page).toHaveURL(new RegExp(`/partners/${WINGTIP.tenantId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(WINGTIP.name);
  expect((await emulator.partners()).filter((partner) => partner.tenantId === WINGTIP.tenantId)).toHaveLength(1);
});

test("a gateway timeout Graph did not act on says so: not an unknown outcome, the old value kept", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${FABRIKAM}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await emulator.failNext({ count: 1, path: `${PARTNERS}/${FABRIKAM}/identitySynchronization`, method: "PATCH", status: 504 });
  await section.getByRole("button", { name: "Turn off inbound user sync" }).click();
  await page.getByRole("dialog", { name: "Turn off inbound user sync" }).getByRole("button", { name: "Turn off", exact: true }).click();

  // The title and the body say the same: not changed, safe to retry.
  const toast = page.getByText("Fabrikam: not changed", { exact: true });
  await expect(toast).toBeVisible();
  await expect(page.getByText("a re-read shows the setting still has its old value: it is safe to retry")).toBeVisible();
  await expect(page.getByText(/outcome unknown/i)).toHaveCount(0);
  await expect(section.getByRole("button", { name: "Turn off inbound user sync" })).toBeEnabled();
  expect((await emulator.liveSyncPolicy(FABRIKAM))?.userSyncInbound?.isSyncAllowed).toBe(true);
});

test("during a slow write the value is marked as not confirmed and the partner's controls wait until Graph answers", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${FABRIKAM}`, "admin");
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await expect(section.getByRole("button", { name: "Turn off inbound user sync" })).toBeEnabled();
  await emulator.control("PUT", "faults", { latencyMs: 3_000 });
  await section.getByRole("button", { name: "Turn off inbound user sync" }).click();
  await page.getByRole("dialog", { name: "Turn off inbound user sync" }).getByRole("button", { name: "Turn off", exact: true }).click();

  const mark = section.getByRole("status").filter({ hasText: "Saving: not confirmed by Microsoft Graph yet" });
  await expect(mark).toBeVisible();
  // Nothing in this section can be sent meanwhile; the waiting controls say why.
  const group = section.getByRole("button", { name: /inbound group sync/ });
  await expect(group).toBeDisabled();
  await expect(section.getByRole("button", { name: "Delete sync policy" })).toBeDisabled();

  await expect(page.getByText("Turned off inbound user sync for Fabrikam")).toBeVisible({ timeout: 20_000 });
  await emulator.control("PUT", "faults", { latencyMs: 0 });
  await expect(mark).toHaveCount(0);
  await expect(group).toBeEnabled();
  await expect(section.getByRole("button", { name: "Turn on inbound user sync" })).toBeEnabled();
  expect((await emulator.liveSyncPolicy(FABRIKAM))?.userSyncInbound?.isSyncAllowed).toBe(false);
});

/** Inside the window's width, left and right. */
const withinWidth = (locator: Locator) =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.left >= 0 && box.right <= window.innerWidth;
  });
/** What reaches past the window's right edge (none: the page does not scroll sideways). */
const pastTheEdge = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("main *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5 && element.getClientRects().length > 0)
      .filter((element) => {
        // Cut off by a box that clips or scrolls sideways: not past the page's edge.
        for (let node = element.parentElement; node && node.tagName !== "MAIN"; node = node.parentElement) {
          if (getComputedStyle(node).overflowX !== "visible") return false;
        }
        return !element.closest(".sr-only");
      })
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40)}"`)
      .slice(0, 5),
  );
const PHONE = { width: 390, height: 844 };

test("on a phone the partner page's Delete partner stays on the screen", async ({ page, signIn }) => {
  await signIn(`/partners/${FABRIKAM}`, "admin");
  await page.setViewportSize(PHONE);
  const deletePartner = page.getByRole("button", { name: "Delete partner" });
  await expect(deletePartner).toBeVisible();
  expect(await withinWidth(deletePartner)).toBe(true);
  expect(await pastTheEdge(page)).toEqual([]);
});

test("on a phone the reader's note does not crowd the header, and the reader's disabled Purge looks disabled", async ({ page, signIn }) => {
  await signIn("/partners", "reader");
  await page.setViewportSize(PHONE);
  const heading = page.getByRole("heading", { level: 1 });
  const note = page.getByRole("note").filter({ hasText: "needs the Security Administrator" });
  await expect(note).toBeVisible();
  const [headingBox, noteBox] = [await heading.boundingBox(), await note.boundingBox()];
  // The note sits below the title, not on top of it or squeezed beside it.
  expect(noteBox!.y).toBeGreaterThanOrEqual(headingBox!.y + headingBox!.height);
  expect(await withinWidth(note)).toBe(true);
  expect(await pastTheEdge(page)).toEqual([]);

  await page.goto("/deleted");
  const row = page.getByRole("table", { name: /deleted/i }).getByRole("row").filter({ hasText: LUCERNE });
  const purge = row.getByRole("button", { name: "Purge Lucerne Publishing" });
  await expect(purge).toHaveAttribute("aria-disabled", "true");
  const look = await purge.evaluate((element) => ({ opacity: Number(getComputedStyle(element).opacity), cursor: getComputedStyle(element).cursor }));
  expect(look.opacity).toBeLessThanOrEqual(0.6);
  expect(look.cursor).toBe("not-allowed");
  expect(await withinWidth(purge)).toBe(true);
  expect(await pastTheEdge(page)).toEqual([]);
});

test("errors and notices say Microsoft Graph and throttling as Entra does, never a property name or 'Not kept'", async ({ page, signIn, emulator }) => {
  await emulator.setConsent(ACCOUNTS.admin, AUDIT_SCOPES);
  // The audit log cannot be read: its error continues a sentence and keeps Microsoft's capital.
  await emulator.failNext({ count: 8, path: "/auditLogs/directoryAudits", status: 503, retryAfterSeconds: 0 });
  await signIn("/activity", "admin");
  const failed = page.getByText(/The audit log could not be read: /);
  await expect(failed).toBeVisible({ timeout: 30_000 });
  await expect(failed).toContainText("could not be read: Microsoft Graph");
  const words = async () => page.locator("body").innerText();
  expect(await words()).not.toMatch(/microsoft Graph|pacing/);

  await emulator.control("DELETE", "faults");
  await emulator.failNext({ count: 1, path: "/auditLogs/directoryAudits", status: 429, retryAfterSeconds: 3 });
  await page.goto("/deleted");
  const table = page.getByRole("table", { name: /deleted/i });
  await expect(table.getByRole("columnheader", { name: "User sync once restored" })).toBeVisible();
  await expect(page.getByText("Microsoft Graph is throttling audit log reads")).toBeVisible();
  expect(await words()).not.toMatch(/microsoft Graph|pacing|Not kept|kept:|userSyncInbound|isSyncAllowed/);
});
