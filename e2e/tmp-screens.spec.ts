import { AUDIT_SCOPES, ACCOUNTS, expect, test } from "./fixtures";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const OUT = "/tmp/honest-shots";

for (const [label, viewport] of [["desktop", { width: 1440, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
  for (const account of ["admin", "reader"] as const) {
    test(`screens ${label} ${account}`, async ({ page, signIn, emulator }) => {
      test.setTimeout(120_000);
      await emulator.setConsent(ACCOUNTS[account], AUDIT_SCOPES);
      await page.setViewportSize(viewport);
      await signIn("/partners", account);
      await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `${OUT}/${label}-${account}-partners.png` });
      await page.goto(`/partners/${FABRIKAM}`);
      await expect(page.getByRole("region", { name: "Partner configuration" })).toBeVisible();
      await page.waitForTimeout(1000);
      await page.screenshot({ path: `${OUT}/${label}-${account}-partner.png` });
      await page.goto("/deleted");
      await expect(page.getByRole("table", { name: /deleted/i })).toBeVisible();
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `${OUT}/${label}-${account}-deleted.png` });
      await page.goto("/partners/deleted");
      await expect(page.getByRole("table", { name: /deleted partners/i })).toBeVisible();
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `${OUT}/${label}-${account}-deleted-partners.png` });
      await page.goto("/activity");
      await page.waitForTimeout(2500);
      await page.screenshot({ path: `${OUT}/${label}-${account}-activity.png` });
    });
  }
}
