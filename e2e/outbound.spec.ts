import { expect, test } from "./fixtures";

// Seeded configurations (emulator/README.md, "Seeded configurations").
const FABRIKAM_CONFIG = "0d840951-538c-4adb-893c-5ab7f86f6233";
const NORTHWIND_CONFIG = "bb2f6952-2d1c-4229-a442-bc95b17cd74c";
const LITWARE_CONFIG = "51867b8f-6242-4348-8599-c2975b1029d6";
const ALPINE_CONFIG = "bfc3825e-b896-4298-ae54-c33d9da1920d";
const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const NORTHWIND = "2b7e4f10-6c3a-4d8e-9f21-5a6b7c8d9e01";

test("a quarantined configuration, found from Outbound sync, is fixed from the fix list and healthy after the next cycle", async ({ page, signIn, emulator }) => {
  const configuration = async (id: string) => (await emulator.syncState()).configurations.find((c) => c.servicePrincipalId === id)!;
  expect(await configuration(NORTHWIND_CONFIG)).toMatchObject({ statusCode: "Quarantine", quarantineReason: "EncounteredQuarantineException" });

  await signIn("/partners", "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbound sync" }).click();
  const table = page.getByRole("table", { name: /sync configurations/i });
  await expect(table.getByRole("row").filter({ hasText: "Contoso to Fabrikam" })).toContainText("Healthy");
  await page.getByLabel("Status").selectOption("quarantined");
  await expect(page).toHaveURL(/status=quarantined/);
  const row = table.getByRole("row").filter({ hasText: "Contoso to Northwind Traders" });
  await expect(row).toContainText("Nearly every call to the target failed: automatic redemption is off on one side");
  await expect(row).toContainText(/The service disables it in 2[45] days/);
  await expect(table.getByRole("row").filter({ hasText: "Contoso to Fabrikam" })).toHaveCount(0);
  await row.getByRole("link", { name: "Contoso to Northwind Traders" }).click();

  await expect(page).toHaveURL(new RegExp(`/outbound/${NORTHWIND_CONFIG}$`));
  const fixes = page.getByRole("region", { name: "What is wrong and how to fix it" });
  await expect(fixes).toContainText("Your outbound automatic redemption for Northwind Traders is off.");
  await expect(fixes).toContainText("Northwind Traders must turn on inbound automatic redemption for you.");
  await fixes.getByRole("button", { name: "Turn on outbound automatic redemption" }).click();
  await expect(page.getByText("Turned on outbound automatic redemption for Northwind Traders")).toBeVisible();
  await expect
    .poll(async () => ((await emulator.graph("GET", `/policies/crossTenantAccessPolicy/partners/${NORTHWIND}`)).body as { automaticUserConsentSettings: unknown }).automaticUserConsentSettings)
    .toEqual({ inboundAllowed: true, outboundAllowed: true });

  await fixes.getByRole("button", { name: "Clear the quarantine" }).click();
  await expect(page.getByText("Restarted sync to Northwind Traders (quarantine cleared)")).toBeVisible();
  await expect.poll(async () => (await configuration(NORTHWIND_CONFIG)).statusCode).toBe("Active");
  // The next scheduled cycle stays healthy.
  await emulator.runSyncCycle(NORTHWIND_CONFIG);
  const state = await configuration(NORTHWIND_CONFIG);
  expect(state).toMatchObject({ statusCode: "Active", quarantineReason: null });
  expect(state.synced).toHaveLength(25);
  const health = page.getByRole("region", { name: "Health" });
  await page.getByRole("button", { name: /refresh/i }).click();
  await expect(health).toContainText("Healthy");
  await expect(fixes).toContainText("Nothing is wrong");
});

test("test connection succeeds on the healthy configuration; provision on demand shows each step and the ambiguous user's fix", async ({ page, signIn, emulator }) => {
  const litware = (await emulator.syncState()).configurations.find((c) => c.servicePrincipalId === LITWARE_CONFIG)!;
  expect(Object.values(litware.entryErrors)).toContain("InvitationCreationFailureAmbiguousUser");
  await signIn(`/outbound/${FABRIKAM_CONFIG}`, "admin");
  await expect(page.getByRole("heading", { name: "Contoso to Fabrikam" })).toBeVisible();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The connection works" })).toBeVisible();

  await page.goto(`/outbound/${LITWARE_CONFIG}`);
  const provision = page.getByRole("region", { name: "Provision on demand" });
  await provision.getByLabel("Search users").fill("megan");
  await provision.getByRole("radio", { name: /Megan Bowen/ }).check();
  await provision.getByRole("button", { name: "Provision" }).click();
  const steps = page.getByRole("region", { name: "Provisioning steps" });
  await expect(steps).toContainText("Megan Bowen: failed (InvitationCreationFailureAmbiguousUser)");
  for (const step of ["Import: done", "Scoping: done", "Matching: done", "Action: done", "Export: failure"]) await expect(steps).toContainText(step);
  await expect(steps).toContainText("Fix: Remove the clashing address from the user in the target tenant, or take the user out of this configuration's scope.");
});

test("Allow deletes needs the typed confirmation, then the held deletions are applied", async ({ page, signIn, emulator }) => {
  const alpine = async () => (await emulator.syncState()).configurations.find((c) => c.servicePrincipalId === ALPINE_CONFIG)!;
  expect((await alpine()).held).toHaveLength(35);
  await signIn(`/outbound/${ALPINE_CONFIG}`, "admin");
  const fixes = page.getByRole("region", { name: "What is wrong and how to fix it" });
  await expect(fixes).toContainText("35 users taken out of scope would be deleted in Alpine Ski House");
  await fixes.getByRole("button", { name: "Allow deletes" }).click();
  const dialog = page.getByRole("dialog", { name: "Allow the held deletions" });
  await expect(dialog).toContainText("35 users taken out of scope will be deleted from Alpine Ski House");
  const confirm = dialog.getByRole("button", { name: "Delete 35 users" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill("delete 3");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill("delete 35");
  await confirm.click();
  await expect(page.getByText("Restarted sync to Alpine Ski House (deletions allowed)")).toBeVisible();
  await expect.poll(async () => (await alpine()).held).toEqual([]);
  const after = await alpine();
  expect(after).toMatchObject({ statusCode: "Active", quarantineReason: null });
  expect(after.synced).toHaveLength(25);
});

test("Fabrikam's partner page shows its outbound sync healthy; the partners list has an Outbound column", async ({ page, signIn, emulator }) => {
  expect((await emulator.syncState()).configurations.find((c) => c.servicePrincipalId === FABRIKAM_CONFIG)?.statusCode).toBe("Active");
  await signIn(`/partners/${FABRIKAM}`, "admin");
  const outbound = page.getByRole("region", { name: "Outbound sync to this partner" });
  await expect(outbound.getByRole("link", { name: "Contoso to Fabrikam" })).toBeVisible();
  await expect(outbound).toContainText("Healthy");
  await page.goto("/partners");
  const table = page.getByRole("table", { name: /partners/i });
  // The Outbound column is read after the list's first page, so the list never waits for it.
  await expect(table.getByRole("row").filter({ hasText: FABRIKAM })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: FABRIKAM }).getByRole("cell").last()).toHaveText("Healthy", { timeout: 20_000 });
  await expect(table.getByRole("row").filter({ hasText: NORTHWIND }).getByRole("cell").last()).toHaveText("Quarantined");
});

test("a Global Reader sees health with every action unavailable and why; nothing changes", async ({ page, signIn, emulator }) => {
  const before = await emulator.syncState();
  await signIn(`/outbound/${NORTHWIND_CONFIG}`, "reader");
  await expect(page.getByRole("region", { name: "Health" })).toContainText("Quarantined");
  for (const name of ["Test connection", "Start", "Restart…", "Clear the quarantine", "Turn on outbound automatic redemption", "Provision"]) {
    const button = page.getByRole("button", { name, exact: true });
    await expect(button).toHaveAttribute("aria-disabled", "true");
  }
  await expect(page.getByText(/can read sync jobs but not change them/).first()).toBeVisible();
  await page.getByRole("button", { name: "Clear the quarantine" }).click({ force: true });
  await page.getByRole("button", { name: "Start", exact: true }).click({ force: true });
  await page.getByRole("button", { name: "Turn on outbound automatic redemption" }).click({ force: true });
  expect((await emulator.syncState()).configurations).toEqual(before.configurations);
  expect(((await emulator.graph("GET", `/policies/crossTenantAccessPolicy/partners/${NORTHWIND}`)).body as { automaticUserConsentSettings: unknown }).automaticUserConsentSettings).toEqual({
    inboundAllowed: true,
    outboundAllowed: false,
  });
});

test("a Security Administrator without an application role is told which role sync jobs need, and changes nothing", async ({ page, signIn, emulator }) => {
  const before = await emulator.syncState();
  await signIn("/outbound", "secadmin");
  await expect(page.getByRole("alert").filter({ hasText: "Sync jobs need an application role" })).toContainText("Application Administrator or Cloud Application Administrator");
  await page.goto(`/outbound/${NORTHWIND_CONFIG}`);
  await expect(page.getByRole("alert").filter({ hasText: "Sync jobs need an application role" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Test connection" })).toHaveCount(0);
  expect((await emulator.syncState()).configurations).toEqual(before.configurations);
});
