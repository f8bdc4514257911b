import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, PASSWORD, test } from "./fixtures";
import type { EmulatorClient } from "./emulator-client";

const HOUR_MS = 3_600_000;

// Each test signs in twice through the emulator's page, once with a sign-out in between.
test.describe.configure({ timeout: 180_000 });

/** Every entry the dashboard keeps for an account, in this tab's sessionStorage and this browser's localStorage. */
function accountEntries(page: Page) {
  return page.evaluate(() => {
    const entries = (storage: Storage) => Object.entries(storage).filter(([key]) => key.startsWith("ctsd.account:"));
    return { session: entries(window.sessionStorage), local: entries(window.localStorage) };
  });
}

/** The account a key belongs to, as the key names it. */
const accountOf = (key: string) => key.split(":")[1];

/**
 * The admin opens deleted sync policies, ticks two rows (one of them a policy that lost its name, so
 * its tenant's name is looked up and kept) and waits until both the selection and the names are stored.
 */
async function adminTicksRows(page: Page, emulator: EmulatorClient) {
  const deleted = await emulator.deletedSyncPolicies();
  const nameless = deleted.find((policy) => !policy.displayName);
  const named = deleted.find((policy) => policy.displayName);
  expect(nameless).toBeDefined();
  expect(named).toBeDefined();
  const tenantName = await emulator.partnerName(nameless!.tenantId);
  expect(tenantName).toBeTruthy();

  const table = page.getByRole("table", { name: /deleted/i });
  const row = (tenantId: string) => table.getByRole("row").filter({ hasText: tenantId });
  await expect(row(nameless!.tenantId)).toContainText(tenantName!);
  await row(nameless!.tenantId).getByRole("checkbox").check();
  await row(named!.tenantId).getByRole("checkbox").check();
  await expect(page.getByRole("button", { name: "Restore selected (2)" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Purge selected (2)" })).toBeVisible();

  await expect
    .poll(async () => {
      const { session, local } = await accountEntries(page);
      return {
        selection: session.some(([key, value]) => key.endsWith(":deleted-selection") && value.includes(named!.tenantId)),
        names: local.some(([key, value]) => key.endsWith(":tenant-information") && value.includes(nameless!.tenantId)),
      };
    })
    .toEqual({ selection: true, names: true });
  const { session, local } = await accountEntries(page);
  const admin = accountOf(session.find(([key]) => key.endsWith(":deleted-selection"))![0]);
  return { nameless: nameless!, tenantName: tenantName!, admin, adminEntries: [...session, ...local].map(([key]) => key) };
}

async function signInAs(page: Page, account: keyof typeof ACCOUNTS) {
  await page.getByLabel("Username").fill(ACCOUNTS[account]);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** What the reader sees once signed in on the tab the admin used: no selection, names looked up again, none of the admin's entries. */
async function readerStartsClean(page: Page, emulator: EmulatorClient, before: Awaited<ReturnType<typeof adminTicksRows>>) {
  const table = page.getByRole("table", { name: /deleted/i });
  await expect(page.getByText("Rafael Reader")).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: before.nameless.tenantId })).toContainText(before.tenantName);

  await expect(page.getByRole("button", { name: "Restore selected", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Purge selected", exact: true })).toBeVisible();
  await expect(page.getByText(/\d+ selected ·/)).toHaveCount(0);
  const boxes = table.getByRole("checkbox");
  expect(await boxes.count()).toBeGreaterThan(1);
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();

  // The name on screen was asked of Graph for the reader (tenant information goes out as $batch).
  expect(await emulator.answered("POST", "/$batch")).toBeGreaterThan(0);
  await expect
    .poll(async () => {
      const { local } = await accountEntries(page);
      return local.some(([key, value]) => key.endsWith(":tenant-information") && value.includes(before.nameless.tenantId));
    })
    .toBe(true);

  const { session, local } = await accountEntries(page);
  const keys = [...session, ...local].map(([key]) => key);
  expect(keys.filter((key) => before.adminEntries.includes(key))).toEqual([]);
  expect(keys.filter((key) => accountOf(key) === before.admin)).toEqual([]);
  // The tab's shared keys of earlier versions are gone too.
  expect(await page.evaluate(() => [window.localStorage.getItem("tenant-information:v1"), window.sessionStorage.getItem("ctsd.deleted-selection")])).toEqual([null, null]);
}

test("after the admin signs out, the reader signing in on the same tab finds no selection and none of the admin's partner names", async ({ page, signIn, emulator }) => {
  await signIn("/deleted", "admin");
  const before = await adminTicksRows(page, emulator);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  // Signing out leaves nothing of the admin's in the browser.
  expect(await accountEntries(page)).toEqual({ session: [], local: [] });

  await emulator.control("DELETE", "requests");
  await page.getByRole("link", { name: "Sign in" }).click();
  await signInAs(page, "reader");
  await page.getByRole("navigation").getByRole("link", { name: "Deleted sync policies" }).click();
  await expect(page).toHaveURL(/\/deleted$/);
  await readerStartsClean(page, emulator, before);
});

test("when the admin's session ends and the reader signs in instead, the reader finds no selection and none of the admin's partner names", async ({ page, signIn, emulator }) => {
  await signIn("/deleted", "admin");
  const before = await adminTicksRows(page, emulator);

  // The session cannot be renewed; at the sign-in page the reader signs in instead.
  await emulator.control("POST", "clock", { advanceMs: 25 * HOUR_MS });
  await page.context().clearCookies();
  await emulator.control("DELETE", "requests");
  await page.getByRole("button", { name: "Refresh" }).click();
  await signInAs(page, "reader");

  await expect(page).toHaveURL(/\/deleted$/);
  await readerStartsClean(page, emulator, before);
});
