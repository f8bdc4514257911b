import AxeBuilder from "@axe-core/playwright";
import { ACCOUNTS, AUDIT_SCOPES, expect, test } from "./fixtures";
import { EMULATOR_URL, type EmulatorClient } from "./emulator-client";

/** The seeded Litware configuration: entry-level errors of four documented codes, Megan Bowen clashing. */
const LITWARE = { servicePrincipalId: "51867b8f-6242-4348-8599-c2975b1029d6", name: "Contoso to Litware", target: "Litware, Inc." };
const PROVISIONING_SCOPES = [...AUDIT_SCOPES, "Directory.Read.All"];
const ERRORS_URL = `/outbound/${LITWARE.servicePrincipalId}/errors`;
const AMBIGUOUS = "The user clashes with a user of the target";

interface WireEntry {
  activityDateTime: string;
  provisioningStatusInfo: { status: string; errorInformation: { errorCode: string } | null };
  sourceIdentity: { displayName: string };
}

/** Litware's failures after `since`, as an automation script reads them through Graph. */
async function litwareFailures(emulator: EmulatorClient, since: Date): Promise<WireEntry[]> {
  const filter = `servicePrincipal/id eq '${LITWARE.servicePrincipalId}' and provisioningStatusInfo/status eq 'failure' and activityDateTime gt ${since.toISOString()}`;
  let path: string | null = `/auditLogs/provisioning?$top=999&$filter=${encodeURIComponent(filter)}`;
  const entries: WireEntry[] = [];
  while (path) {
    await emulator.clearReportsThrottle();
    const answer = await emulator.graph("GET", path);
    expect(answer.status).toBe(200);
    const body = answer.body as { value: WireEntry[]; "@odata.nextLink"?: string };
    entries.push(...body.value);
    path = body["@odata.nextLink"]?.replace(`${EMULATOR_URL}/beta`, "") ?? null;
  }
  return entries;
}

async function emulatorNow(emulator: EmulatorClient): Promise<Date> {
  const { now } = (await emulator.control("GET", "clock")) as { now: string };
  return new Date(now);
}

test("the Litware configuration's errors, grouped: consent asked on demand, the ambiguous user with its fix, period in the URL, CSV export", async ({ page, signIn, emulator }, testInfo) => {
  // Two sign-ins, a consent round trip, two periods read and a download.
  test.setTimeout(120_000);
  await signIn(ERRORS_URL, "admin");
  // The provisioning log was never asked for at sign-in: the page says why and asks only now.
  await expect(page.getByText("This page comes from the Entra provisioning log.")).toBeVisible();
  await page.getByRole("button", { name: "Allow access to the provisioning log" }).click();
  await expect(page.getByRole("heading", { name: "Permissions requested" })).toBeVisible();
  await expect(page.getByText("Directory.Read.All")).toBeVisible();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page).toHaveURL(new RegExp(`${ERRORS_URL}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sync errors: ${LITWARE.name}`);

  // The ambiguous user's error: the documented meaning and fix, and the user it affects.
  const ambiguous = page.getByRole("region", { name: AMBIGUOUS });
  await expect(ambiguous).toContainText("InvitationCreationFailureAmbiguousUser");
  await expect(ambiguous).toContainText("A proxy address (email) of the user matches an internal user of the target tenant");
  await expect(ambiguous).toContainText("Remove the clashing address from the user in the target tenant, or take the user out of this configuration's scope.");
  const users = ambiguous.getByRole("list", { name: `Users affected by ${AMBIGUOUS}` });
  await expect(users.getByRole("listitem")).toHaveCount(1);
  await expect(users.getByRole("listitem")).toContainText("Megan Bowen");
  await expect(users.getByRole("listitem")).toContainText("megan.bowen@contoso.example");
  await expect(page.getByText(`To ${LITWARE.target}`)).toBeVisible();

  // Four documented codes, each with its count as Graph holds it for the last 7 days.
  await expect(page.getByText(/entries, 4 error codes, 5 users affected$/)).toBeVisible();
  const weekAgo = new Date((await emulatorNow(emulator)).getTime() - 7 * 86_400_000);
  const failures = await litwareFailures(emulator, weekAgo);
  const megan = failures.filter((entry) => entry.provisioningStatusInfo.errorInformation?.errorCode === "InvitationCreationFailureAmbiguousUser");
  expect(megan.length).toBeGreaterThan(0);
  expect(new Set(megan.map((entry) => entry.sourceIdentity.displayName))).toEqual(new Set(["Megan Bowen"]));
  await expect(ambiguous).toContainText(`${megan.length.toLocaleString("en-US")} entries · 1 user`);
  for (const title of ["A property of the user is not valid", "The user is disabled in the target", "The target user is mastered on-premises"]) {
    await expect(page.getByRole("region", { name: title })).toBeVisible();
  }

  await page.screenshot({ path: testInfo.outputPath("sync-errors-desktop.png"), fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  // The period lives in the URL: a shared link opens the same view.
  await page.getByLabel("Period").selectOption("30");
  await expect(page).toHaveURL(/days=30/);
  const monthAgo = new Date((await emulatorNow(emulator)).getTime() - 30 * 86_400_000);
  const month = (await litwareFailures(emulator, monthAgo)).filter((entry) => entry.provisioningStatusInfo.errorInformation?.errorCode === "InvitationCreationFailureAmbiguousUser");
  // The seed's history may be shorter than 30 days: the month holds at least the week.
  expect(month.length).toBeGreaterThanOrEqual(megan.length);
  await expect(ambiguous).toContainText(`${month.length.toLocaleString("en-US")} entries · 1 user`);
  const other = await page.context().newPage();
  await other.goto(`${ERRORS_URL}?days=30&user=megan`);
  // The new tab signs in again through the emulator's session, silently.
  await expect(other.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 20_000 });
  await expect(other.getByLabel("Period")).toHaveValue("30");
  await expect(other.getByRole("searchbox", { name: "User", exact: true })).toHaveValue("megan");
  await expect(other.getByRole("region", { name: AMBIGUOUS })).toContainText(`${month.length.toLocaleString("en-US")} entries · 1 user`, { timeout: 30_000 });
  await expect(other.getByRole("region", { name: "A property of the user is not valid" })).toHaveCount(0);
  await other.close();

  // CSV: UTF-8 with a byte order mark, the page's columns and words, one line per user per code.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^sync-errors-${LITWARE.servicePrincipalId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const bytes = Buffer.concat(await (await file.createReadStream()).toArray());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    ["Error code", "Error", "What it means", "How to fix it", "Who fixes it", "Entries with this error", "User", "Sign-in name", "User's entries", "Last seen (UTC)"]
      .map((cell) => `"${cell}"`)
      .join(","),
  );
  expect(lines).toHaveLength(1 + 5);
  const meganLine = lines.find((line) => line.includes('"Megan Bowen"'));
  expect(meganLine).toContain(`"InvitationCreationFailureAmbiguousUser","${AMBIGUOUS}"`);
  expect(meganLine).toContain("take the user out of this configuration's scope.");
  expect(meganLine).toContain(`"Fixed by this tenant and ${LITWARE.target} together","${month.length}","Megan Bowen","megan.bowen@contoso.example","${month.length}"`);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("sync-errors-phone.png"), fullPage: true });
});

test("a throttled provisioning log read counts down and carries on, never a failure", async ({ page, signIn, emulator }) => {
  await emulator.setConsent(ACCOUNTS.admin, PROVISIONING_SCOPES);
  await emulator.failNext({ count: 1, path: "/auditLogs/provisioning", status: 429, retryAfterSeconds: 3 });
  await signIn(ERRORS_URL, "admin");
  await expect(page.getByText(/^Throttled by Microsoft Graph: continuing in \d s$/)).toBeVisible();
  await expect(page.getByRole("region", { name: AMBIGUOUS })).toContainText("Megan Bowen", { timeout: 15_000 });
  await expect(page.getByText(/Throttled by Microsoft Graph/)).toHaveCount(0);
  await expect(page.getByText("could not be read")).toHaveCount(0);
});

test("a user without a role that reads the provisioning log is told which roles may", async ({ page, signIn, emulator }) => {
  await emulator.setConsent(ACCOUNTS.helpdesk, PROVISIONING_SCOPES);
  await signIn(ERRORS_URL, "helpdesk");
  const message = page.getByRole("note").filter({ hasText: "You can't read the provisioning log" });
  await expect(message).toContainText("Reports Reader, Security Reader, Security Operator, Security Administrator, Global Reader, Application Administrator, Cloud Application Administrator or Global Administrator");
});
