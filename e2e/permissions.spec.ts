import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const LUCERNE = "24680ace-1357-4bdf-8ace-24680ace1357";

/** Entra leaves `wids` out of ID tokens when the app registration's groupMembershipClaims does not include directory roles. */
async function idTokensWithoutRoles(page: Page) {
  await page.route(/\/oauth2\/v2\.0\/token/, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { id_token?: string };
    if (body.id_token) {
      const [header, payload, signature] = body.id_token.split(".");
      const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<string, unknown>;
      delete claims.wids;
      body.id_token = [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
    }
    await route.fulfill({ response, json: body });
  });
}

test("without a role hint Restore stays available with a note; Graph's 403 has the last word and is remembered", async ({ page, signIn, emulator }) => {
  await idTokensWithoutRoles(page);
  await signIn("/deleted", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  const restoreLucerne = table.getByRole("button", { name: "Restore Lucerne Publishing" });
  await expect(restoreLucerne).toBeEnabled();
  await expect(page.getByRole("note").filter({ hasText: "Microsoft Graph decides" })).toHaveText(/does not show the Security Administrator or Global Administrator role.*Microsoft Graph decides/);
  await expect(page.getByLabel("Directory role")).toHaveCount(0);

  // Graph refuses (a role that lapsed, say): the refusal is explained and becomes the hint for the session.
  await emulator.failNext({ count: 1, path: "/restore", status: 403 });
  await restoreLucerne.click();
  await page.getByRole("dialog", { name: "Restore sync policy" }).getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByText("Lucerne Publishing: not permitted")).toBeVisible();
  await expect(page.getByText(/Graph refused: this change needs the Security Administrator or Global Administrator role/).first()).toBeVisible();
  expect((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId)).toContain(LUCERNE);

  await expect(restoreLucerne).toBeDisabled();
  await expect(restoreLucerne).toHaveAccessibleDescription(/refused a request for your account earlier in this session/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Deleted sync policies" }).click();
  await expect(page.getByRole("note").filter({ hasText: "Restore unavailable." })).toContainText("earlier in this session");
});
