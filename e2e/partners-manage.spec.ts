import { expect, test } from "./fixtures";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
// Our outbound automatic redemption for Northwind Traders is off in the seed (its outbound sync is quarantined for it).
const NORTHWIND = "2b7e4f10-6c3a-4d8e-9f21-5a6b7c8d9e01";
const TAILSPIN = "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d";
const PROSEWARE = "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6a";
const GRAPHIC_DESIGN = "9b0c1d2e-3f4a-4b5c-9d6e-7f8a9b0c1d2e";

test("partners carry their tenant's name and domain; search finds them by domain", async ({ page, signIn, emulator }) => {
  await signIn("/partners", "admin");
  const table = page.getByRole("table", { name: /partners/i });
  const fabrikam = table.getByRole("row").filter({ hasText: FABRIKAM });
  await expect(fabrikam).toContainText("fabrikam.onmicrosoft.com");
  // Graph gives the partner configuration no name: it comes from tenant information.
  const partner = (await emulator.graph("GET", `/policies/crossTenantAccessPolicy/partners/${PROSEWARE}`)).body as { displayName?: string | null };
  expect(partner.displayName ?? null).toBeNull();
  const proseware = await emulator.tenantInformation(PROSEWARE);
  await expect(table.getByRole("row").filter({ hasText: PROSEWARE })).toContainText(proseware!.displayName!);

  await page.getByRole("searchbox", { name: "Search partners" }).fill("fabrikam.onmicrosoft");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row").nth(1)).toContainText(FABRIKAM);
});

test("the partner page shows what each inherited setting inherits", async ({ page, signIn }) => {
  await signIn(`/partners/${FABRIKAM}`, "admin");
  const config = page.getByRole("region", { name: "Partner configuration" });
  await expect(config).toContainText("Inherited: blocked (all users)");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("fabrikam.onmicrosoft.com");
});

test("add an organization by domain: the name is shown before confirming", async ({ page, signIn, emulator }) => {
  const wingtip = await emulator.tenantInformation("wingtiptoys.onmicrosoft.com");
  expect(wingtip).not.toBeNull();
  await signIn("/partners", "admin");
  await page.getByRole("button", { name: "Add organization" }).click();
  const dialog = page.getByRole("dialog", { name: "Add organization" });
  await expect(dialog.getByRole("button", { name: "Add organization" })).toBeDisabled();
  await dialog.getByLabel("Tenant ID or domain name").fill("nobody-has-this.example");
  await dialog.getByRole("button", { name: "Look up" }).click();
  await expect(dialog).toContainText("No Microsoft Entra tenant was found");

  await dialog.getByLabel("Tenant ID or domain name").fill("wingtiptoys.onmicrosoft.com");
  await dialog.getByRole("button", { name: "Look up" }).click();
  await expect(dialog).toContainText(wingtip!.displayName!);
  await expect(dialog).toContainText(wingtip!.tenantId!);
  await dialog.getByRole("button", { name: "Add organization" }).click();

  await expect(page.getByText(`Added ${wingtip!.displayName} as a partner`)).toBeVisible();
  await expect(page.getByRole("table", { name: /partners/i }).getByRole("row").filter({ hasText: wingtip!.tenantId! })).toBeVisible();
  expect((await emulator.partners()).map((p) => p.tenantId)).toContain(wingtip!.tenantId);
});

test("delete a partner with a sync policy: both go, the policy first", async ({ page, signIn, emulator }) => {
  await signIn(`/partners/${TAILSPIN}`, "admin");
  await page.getByRole("button", { name: "Delete partner" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete partner" });
  await expect(dialog).toContainText("Tailspin Toys");
  const both = dialog.getByRole("checkbox", { name: /Also delete its sync policy/ });
  await expect(both).toBeChecked();
  await both.uncheck();
  await expect(dialog.getByRole("button", { name: "Delete partner" })).toBeDisabled();
  await both.check();
  await dialog.getByRole("button", { name: "Delete both" }).click();

  await expect(page).toHaveURL(/\/partners$/);
  await expect(page.getByRole("table", { name: /partners/i }).getByRole("row").filter({ hasText: TAILSPIN })).toHaveCount(0);
  expect((await emulator.partners()).map((p) => p.tenantId)).not.toContain(TAILSPIN);
  expect((await emulator.deletedSyncPolicies()).map((p) => p.tenantId)).toContain(TAILSPIN);
  const deletedPartners = (await emulator.graph("GET", "/policies/deletedItems/crossTenantPartners")).body as { value: { tenantId: string }[] };
  expect(deletedPartners.value.map((p) => p.tenantId)).toContain(TAILSPIN);
});

test("deleted partners, reached from the partners page, come back with Restore", async ({ page, signIn, emulator }) => {
  await signIn("/partners", "admin");
  await page.getByRole("link", { name: "Deleted partners" }).click();
  await expect(page.getByRole("heading", { name: "Deleted partners" })).toBeVisible();
  const table = page.getByRole("table", { name: /deleted partners/i });
  const row = table.getByRole("row").filter({ hasText: GRAPHIC_DESIGN });
  await expect(row).toContainText("days left");
  const name = (await emulator.tenantInformation(GRAPHIC_DESIGN))?.displayName ?? GRAPHIC_DESIGN;
  await row.getByRole("button", { name: `Restore ${name}` }).click();
  await page.getByRole("dialog", { name: "Restore partner" }).getByRole("button", { name: "Restore" }).click();

  await expect(row).toHaveCount(0);
  await expect(page.getByText(`Restored the partner ${name}`)).toBeVisible();
  expect((await emulator.partners()).map((p) => p.tenantId)).toContain(GRAPHIC_DESIGN);
});

test("a partner restore Graph throttles is counted down in Restore results, then resent and done", async ({ page, signIn, emulator }) => {
  const name = (await emulator.tenantInformation(GRAPHIC_DESIGN))?.displayName ?? GRAPHIC_DESIGN;
  await signIn("/partners/deleted", "admin");
  const row = page.getByRole("table", { name: /deleted partners/i }).getByRole("row").filter({ hasText: GRAPHIC_DESIGN });
  await emulator.failNext({ count: 1, path: "/deletedItems/crossTenantPartners/", method: "POST", status: 429, retryAfterSeconds: 3 });
  await row.getByRole("button", { name: `Restore ${name}` }).click();
  await page.getByRole("dialog", { name: "Restore partner" }).getByRole("button", { name: "Restore" }).click();

  const results = page.getByRole("region", { name: "Restore results" });
  await expect(results.getByRole("timer")).toContainText(/retrying automatically in [1-3] s \(round 1 of 3\)/);
  expect((await emulator.partners()).map((p) => p.tenantId)).not.toContain(GRAPHIC_DESIGN);
  await expect(results.getByRole("status")).toHaveText("Restored: 1", { timeout: 10_000 });
  await expect(row).toHaveCount(0);
  expect((await emulator.partners()).map((p) => p.tenantId)).toContain(GRAPHIC_DESIGN);
});

test("a reader cannot add, delete or restore partners and sees why", async ({ page, signIn, emulator }) => {
  const before = (await emulator.partners()).length;
  await signIn("/partners", "reader");
  const add = page.getByRole("button", { name: "Add organization" });
  await expect(add).toHaveAttribute("aria-disabled", "true");
  await expect(add).toHaveAccessibleDescription(/Security Administrator/);
  await add.click({ force: true });
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.goto(`/partners/${FABRIKAM}`);
  await expect(page.getByRole("button", { name: "Delete partner" })).toHaveAttribute("aria-disabled", "true");
  await page.goto("/partners/deleted");
  await expect(page.getByRole("button", { name: /^Restore/ }).first()).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByRole("note")).toContainText("Security Administrator");
  expect((await emulator.partners()).length).toBe(before);
});

test("purging a deleted partner waits for its name to be typed, then it is gone for good", async ({ page, signIn, emulator }) => {
  const name = (await emulator.tenantInformation(GRAPHIC_DESIGN))?.displayName ?? GRAPHIC_DESIGN;
  await signIn("/partners/deleted", "admin");
  const row = page.getByRole("table", { name: /deleted partners/i }).getByRole("row").filter({ hasText: GRAPHIC_DESIGN });
  await row.getByRole("button", { name: `Purge ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: "Purge partner" });
  await expect(dialog).toContainText("cannot be undone");
  await expect(dialog.getByRole("button", { name: "Purge", exact: true })).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill(name);
  await dialog.getByRole("button", { name: "Purge", exact: true }).click();

  await expect(row).toHaveCount(0);
  // The row leaves at once; the purge reaches the emulator a moment later.
  const deletedPartnerIds = async () =>
    ((await emulator.graph("GET", "/policies/deletedItems/crossTenantPartners")).body as { value: { tenantId: string }[] }).value.map((p) => p.tenantId);
  await expect.poll(deletedPartnerIds).not.toContain(GRAPHIC_DESIGN);
  expect((await emulator.partners()).map((p) => p.tenantId)).not.toContain(GRAPHIC_DESIGN);
});

test("turn a partner's outbound automatic redemption on and off, inbound kept", async ({ page, signIn, emulator }) => {
  const consent = async () =>
    ((await emulator.graph("GET", `/policies/crossTenantAccessPolicy/partners/${NORTHWIND}`)).body as { automaticUserConsentSettings: { inboundAllowed: boolean; outboundAllowed: boolean } }).automaticUserConsentSettings;
  expect(await consent()).toEqual({ inboundAllowed: true, outboundAllowed: false });
  await signIn(`/partners/${NORTHWIND}`, "admin");
  const config = page.getByRole("region", { name: "Partner configuration" });

  await config.getByRole("button", { name: "Turn on outbound automatic redemption" }).click();
  const dialog = page.getByRole("dialog", { name: "Turn on outbound automatic redemption" });
  await expect(dialog).toContainText("inbound automatic redemption and the partner's other settings stay as they are");
  await dialog.getByRole("button", { name: "Turn on", exact: true }).click();
  await expect(page.getByText("Turned on outbound automatic redemption for Northwind Traders")).toBeVisible();
  await expect(config.getByRole("button", { name: "Turn off outbound automatic redemption" })).toBeVisible();
  await expect.poll(consent).toEqual({ inboundAllowed: true, outboundAllowed: true });

  await config.getByRole("button", { name: "Turn off outbound automatic redemption" }).click();
  await page.getByRole("dialog", { name: "Turn off outbound automatic redemption" }).getByRole("button", { name: "Turn off", exact: true }).click();
  await expect(config.getByRole("button", { name: "Turn on outbound automatic redemption" })).toBeVisible();
  await expect.poll(consent).toEqual({ inboundAllowed: true, outboundAllowed: false });
});
