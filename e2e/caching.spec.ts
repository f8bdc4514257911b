import { expect, test } from "./fixtures";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";

test("revisiting a view within the stale time shows cached data without calling Graph; Refresh calls it", async ({ page, signIn, emulator: _reset }) => {
  await signIn("/partners", "admin");
  await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();

  const actionCalls: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) actionCalls.push(request.url());
  });

  await page.getByRole("link", { name: "Deleted sync policies" }).click();
  await expect(page.getByRole("table", { name: /deleted/i })).toBeVisible();
  await page.getByRole("link", { name: "Partners", exact: true }).click();
  await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();
  // The partners view brought the deleted list along, so neither view needed a server action.
  expect(actionCalls).toEqual([]);

  await page.getByRole("button", { name: "Refresh from Microsoft Graph" }).click();
  await expect.poll(() => actionCalls.length).toBe(1);
});

test("the detail page draws from the list's data while Graph is still answering", async ({ page, signIn }) => {
  await signIn("/partners", "admin");
  const table = page.getByRole("table", { name: /partners/i });
  await expect(table).toBeVisible();

  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let heldCalls = 0;
  await page.route(`**/partners/${FABRIKAM}`, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      heldCalls += 1;
      await held;
    }
    await route.continue();
  });

  await table.getByRole("link", { name: "Fabrikam", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/partners/${FABRIKAM}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Fabrikam");
  await expect(page.getByRole("region", { name: "Identity synchronization" })).toContainText("Allowed");
  await expect.poll(() => heldCalls).toBe(1);

  release();
  await expect(page.getByRole("button", { name: "Refresh from Microsoft Graph" })).toBeEnabled();
  await expect(page.getByRole("region", { name: "Identity synchronization" })).toContainText("Allowed");
});
