import { expect, test } from "./fixtures";

test("revisiting a view within the stale time shows cached data without calling Graph; Refresh calls it", async ({ page, signIn, emulator: _reset }) => {
  await signIn("/partners", "admin");
  await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();
  // Everything the view reads has arrived: the purge tile's deleted items, and the partners' names.
  await expect(page.getByRole("link", { name: /^\d+ ?Deleted, purge within 7 days/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /partners/i })).toContainText("fabrikam.onmicrosoft.com");

  const actionCalls: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) actionCalls.push(request.url());
  });

  await page.getByRole("link", { name: "Deleted sync policies" }).click();
  await expect(page.getByRole("table", { name: /deleted/i })).toBeVisible();
  await page.getByRole("link", { name: "Partners", exact: true }).click();
  await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();
  // Both views read from the cache within the stale time, so neither needed a server action.
  expect(actionCalls).toEqual([]);

  await page.getByRole("button", { name: "Refresh from Microsoft Graph" }).click();
  await expect.poll(() => actionCalls.length).toBe(1);
});
