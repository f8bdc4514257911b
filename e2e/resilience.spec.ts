import { expect, test } from "./fixtures";

test("a Graph outage shows a clear error with its request-id, and Try again recovers", async ({ page, signIn, emulator }) => {
  await emulator.failNext({ count: 4, path: "/policies/crossTenantAccessPolicy/partners", status: 503, retryAfterSeconds: 0 });
  await signIn("/partners", "admin");

  const problem = page.getByRole("alert").filter({ hasText: "Microsoft Graph is temporarily unavailable" });
  await expect(problem).toBeVisible({ timeout: 30_000 });
  await expect(problem).toContainText("Request ID");
  await expect(problem).toContainText("503");

  await problem.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();
  await expect(problem).toHaveCount(0);
});

test("throttled reads wait for Retry-After and then load without bothering the user", async ({ page, signIn, emulator }) => {
  const partners = "/policies/crossTenantAccessPolicy/partners";
  await emulator.control("DELETE", "requests");
  await emulator.failNext({ count: 2, path: partners, status: 429, retryAfterSeconds: 1 });
  await signIn("/partners", "admin");
  await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "throttling" })).toHaveCount(0);
  // Graph saw two 429s, then the read that loaded the list; each resend came only after the 1 s Retry-After.
  const [first, second, third] = await emulator.answers("GET", partners);
  expect([first?.status, second?.status, third?.status]).toEqual([429, 429, 200]);
  expect(second!.at - first!.at).toBeGreaterThanOrEqual(1_000);
  expect(third!.at - second!.at).toBeGreaterThanOrEqual(1_000);
});
