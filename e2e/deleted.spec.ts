import { expect, test } from "./fixtures";

const DAY_MS = 86_400_000;

test("the deleted list shows every deleted sync policy with the days left before purge", async ({ page, signIn, emulator }) => {
  await signIn("/deleted", "admin");
  const deleted = await emulator.deletedSyncPolicies();
  const { now } = (await emulator.control("GET", "clock")) as { now: string };
  expect(deleted.length).toBeGreaterThanOrEqual(6);

  const table = page.getByRole("table", { name: /deleted/i });
  await expect(table.getByRole("row")).toHaveCount(deleted.length + 1);
  for (const policy of deleted) {
    // A countdown: 29 days and some hours read "30 days left"; the last 24 hours read "Less than a day left".
    const left = Date.parse(policy.deletedDateTime) + 30 * DAY_MS - Date.parse(now);
    const daysLeft = Math.ceil(left / DAY_MS);
    const text = left < DAY_MS ? "Less than a day left" : daysLeft === 1 ? "1 day left" : `${daysLeft} days left`;
    const row = table.getByRole("row").filter({ hasText: policy.tenantId });
    await expect(row).toContainText(text);
    await expect(row.getByRole("button", { name: /^Restore/ })).toBeVisible();
  }

  // A policy that lost its name on deletion is shown under its tenant's name (tenant information).
  const nameless = deleted.find((policy) => !policy.displayName);
  expect(nameless).toBeDefined();
  const tenantName = await emulator.partnerName(nameless!.tenantId);
  expect(tenantName).toBeTruthy();
  await expect(table.getByRole("row").filter({ hasText: nameless!.tenantId })).toContainText(tenantName!);

  // Soonest purge first.
  const soonest = [...deleted].sort((a, b) => a.deletedDateTime.localeCompare(b.deletedDateTime))[0]!;
  await expect(table.getByRole("row").nth(1)).toContainText(soonest.tenantId);
});

test("the summary's purge tile opens the deleted list filtered to policies about to be purged", async ({ page, signIn, emulator }) => {
  await signIn("/partners", "admin");
  const deleted = await emulator.deletedSyncPolicies();
  const { now } = (await emulator.control("GET", "clock")) as { now: string };
  const expiring = deleted.filter((policy) => Date.parse(policy.deletedDateTime) + 30 * DAY_MS - Date.parse(now) < 8 * DAY_MS);
  expect(expiring.length).toBeGreaterThan(0);

  await page.getByRole("link", { name: /Deleted, purge within 7 days/ }).click();
  await expect(page).toHaveURL(/\/deleted\?expiring=1/);
  await expect(page.getByRole("table", { name: /deleted/i }).getByRole("row")).toHaveCount(expiring.length + 1);
  await expect(page.getByRole("checkbox", { name: "Purge within 7 days" })).toBeChecked();
});
