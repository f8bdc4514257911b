import { test as base, expect, type Page } from "@playwright/test";
import { EmulatorClient } from "./emulator-client";

export const ACCOUNTS = {
  admin: "admin@contoso.example",
  reader: "reader@contoso.example",
  helpdesk: "helpdesk@contoso.example",
  /** Security Administrator only: the cross-tenant access policy, but no sync jobs. */
  secadmin: "secadmin@contoso.example",
} as const;
export const PASSWORD = process.env.EMULATOR_USER_PASSWORD ?? "demo-password";

/** The demo users' initial consent plus the audit log's scope, which they are otherwise asked for on first use. */
export const AUDIT_SCOPES = ["Policy.Read.All", "Policy.ReadWrite.CrossTenantAccess", "CrossTenantInformation.ReadBasic.All", "User.Read", "AuditLog.Read.All"];

export type AccountName = keyof typeof ACCOUNTS;

/** Opens a dashboard URL and completes the real MSAL redirect sign-in on the emulator's page. */
export async function signInAt(page: Page, path: string, account: AccountName): Promise<void> {
  await page.goto(path);
  await page.getByLabel("Username").fill(ACCOUNTS[account]);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export const test = base.extend<{ emulator: EmulatorClient; signIn: (path: string, account: AccountName) => Promise<void> }>({
  emulator: async ({}, provide) => {
    const emulator = new EmulatorClient();
    await emulator.reset();
    await provide(emulator);
  },
  signIn: async ({ page }, provide) => {
    await provide((path, account) => signInAt(page, path, account));
  },
});

export { expect };
