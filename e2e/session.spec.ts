import { ACCOUNTS, expect, PASSWORD, test } from "./fixtures";

const HOUR_MS = 3_600_000;

test("an access token Graph rejects as expired is renewed silently and the call retried", async ({ page, signIn, emulator }) => {
  await signIn("/partners", "admin");
  await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();

  const tokenGrants: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/oauth2/v2.0/token")) tokenGrants.push(new URLSearchParams(request.postData() ?? "").get("grant_type") ?? "");
  });
  // Graph now sees the browser's token as expired; MSAL still thinks it is fresh.
  await emulator.control("POST", "clock", { advanceMs: 2 * HOUR_MS });

  await page.getByRole("button", { name: "Refresh from Microsoft Graph" }).click();
  await expect(page.getByRole("button", { name: "Refresh from Microsoft Graph" })).toBeEnabled();
  await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "session" })).toHaveCount(0);
  expect(tokenGrants).toContain("refresh_token");
});

test("when renewal is impossible the user signs in again and returns to the same view with the selection kept", async ({ page, signIn, emulator }) => {
  const ids = await emulator.seedDeleted(3);
  const nameless = (await emulator.deletedSyncPolicies()).filter((policy) => !policy.displayName).map((policy) => policy.tenantId);
  expect(nameless).not.toHaveLength(0);
  await signIn("/deleted?q=Bulk+Partner", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  await table.getByRole("checkbox", { name: "Select all shown policies" }).check();
  await expect(page.getByRole("button", { name: "Restore selected (3)" })).toBeEnabled();
  // The view's own reads have all answered (the last: tenant names for the nameless rows, then kept in this
  // browser), so the restore is the first call after the session expires.
  const namesKept = () =>
    page.evaluate(() =>
      Object.entries(window.localStorage)
        .filter(([key]) => key.endsWith(":tenant-information"))
        .map(([, value]) => value)
        .join(""),
    );
  for (const tenantId of nameless) await expect.poll(namesKept).toContain(tenantId);

  // Past the SPA refresh token's 24-hour lifetime, and the Entra session cookie is gone:
  // neither the refresh token nor a hidden iframe can renew, only an interactive sign-in.
  await emulator.control("POST", "clock", { advanceMs: 25 * HOUR_MS });
  await page.context().clearCookies();
  await page.getByRole("button", { name: "Restore selected (3)" }).click();
  await page.getByRole("dialog", { name: "Restore 3 sync policies" }).getByRole("button", { name: "Restore 3" }).click();

  await expect(page.getByLabel("Username")).toHaveValue(ACCOUNTS.admin);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/deleted\?q=Bulk\+Partner$/);
  await expect(page.getByRole("button", { name: "Restore selected (3)" })).toBeEnabled();
  for (const id of ids) {
    await expect(table.getByRole("row").filter({ hasText: id }).getByRole("checkbox")).toBeChecked();
  }
  // Nothing was restored behind the user's back.
  expect((await emulator.deletedSyncPolicies()).filter((policy) => ids.includes(policy.tenantId))).toHaveLength(3);
});

test("signing in again as someone else drops the first account's cached data; the view follows the new account's role", async ({ page, signIn, emulator }) => {
  await signIn("/deleted", "admin");
  const restoreFirstRow = () => page.getByRole("table", { name: /deleted/i }).getByRole("button", { name: /^Restore / }).first();
  await expect(restoreFirstRow()).toBeEnabled();
  await expect(restoreFirstRow()).not.toHaveAttribute("aria-disabled", "true");
  const cacheKeys = () => page.evaluate(() => Object.keys(window.sessionStorage).filter((key) => key.startsWith("ctsd.account:") && key.endsWith(":query-cache")));
  await expect.poll(cacheKeys).toHaveLength(1);
  const [adminCache] = await cacheKeys();

  // The session cannot be renewed; at the sign-in page a reader signs in instead.
  await emulator.control("POST", "clock", { advanceMs: 25 * HOUR_MS });
  await page.context().clearCookies();
  await page.getByRole("button", { name: "Refresh" }).click();
  await page.getByLabel("Username").fill(ACCOUNTS.reader);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/deleted$/);
  await expect(page.getByText("Rafael Reader")).toBeVisible();
  await expect(restoreFirstRow()).toHaveAttribute("aria-disabled", "true");
  await expect.poll(cacheKeys).toHaveLength(1);
  expect(await cacheKeys()).not.toContain(adminCache);
});

test("tokens live only in this tab's session storage: nothing in local storage or cookies", async ({ page, signIn, context }) => {
  await signIn("/partners", "admin");
  await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();
  const jwt = /eyJ[\w-]+\.[\w-]+\./;
  const local = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));
  expect(local).not.toMatch(jwt);
  const dashboardCookies = (await context.cookies(page.url())).map((cookie) => cookie.value).join(" ");
  expect(dashboardCookies).not.toMatch(jwt);
  // The tab itself does hold them, which is what lets the next call skip a sign-in.
  expect(await page.evaluate(() => JSON.stringify({ ...window.sessionStorage }))).toMatch(jwt);
});
