import { describe, expect, it } from "vitest";
import { fakeFetch, graphError, json, noSleep, TEST_ROOT, TEST_TOKEN, type FakeHandler } from "@/tests/fake-fetch";
import { describeWriteOutcome } from "@/lib/writes/messages";
import { runJobAction } from "./sync-job-writes";
import { toSyncJob } from "./sync-mappers";
import { jobFingerprint } from "@/lib/outbound/status";

const SP = "0d840951-538c-4adb-893c-5ab7f86f6233";
const JOB = "Azure2Azure.9c5d131db1c34fc49e3fc6557947d551.0d840951538c4adb893c5ab7f86f6233";
const JOB_PATH = `/beta/servicePrincipals/${SP}/synchronization/jobs/${JOB}`;

function wireJob(state: { schedule: string; code: string; began: string; quarantine?: string | null }) {
  return {
    id: JOB,
    schedule: { interval: "PT40M", state: state.schedule },
    synchronizationJobSettings: [{ name: "QuarantineTooManyDeletesThreshold", value: "20" }],
    status: {
      code: state.code,
      lastExecution: { timeBegan: state.began, timeEnded: state.began, state: "Succeeded", countEntitled: 25, countEscrowed: 0, countExported: 0, error: { code: "None", message: "" } },
      quarantine: state.quarantine ? { reason: state.quarantine, currentBegan: state.began, seriesBegan: state.began, nextAttempt: state.began, seriesCount: 1, error: { code: "TooManyDeletes", message: "" } } : null,
      synchronizedEntryCountByType: [{ key: "user to user", value: 60 }],
    },
  };
}

/** A job the fake keeps: actions change it as the service would; `answer` decides what the action's POST gets back. */
function fakeJob(initial: ReturnType<typeof wireJob>, answer: (path: string, body: unknown) => Response | "lost" = () => new Response(null, { status: 204 })) {
  let job = initial;
  const handler: FakeHandler = (call) => {
    if (call.method === "GET" && call.url.pathname === JOB_PATH) return json(200, job);
    if (call.method === "GET" && call.url.pathname === `${JOB_PATH}/schema`) return json(200, { synchronizationRules: [{ id: "rule-1", name: "USER_INBOUND_USER" }] });
    if (call.method !== "POST" || !call.url.pathname.startsWith(JOB_PATH)) return undefined;
    const action = call.url.pathname.slice(JOB_PATH.length + 1);
    if (action === "start") job = { ...job, schedule: { ...job.schedule, state: "Active" } };
    if (action === "pause") job = { ...job, schedule: { ...job.schedule, state: "Paused" } };
    if (action === "restart") job = wireJob({ schedule: "Active", code: "Active", began: "2026-03-01T12:40:00Z" });
    const response = answer(action, call.body);
    if (response === "lost") throw new TypeError("socket hang up");
    return response;
  };
  const fake = fakeFetch(handler);
  return { fake, options: { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep: noSleep, random: () => 1 } };
}

const QUARANTINED = wireJob({ schedule: "Active", code: "Quarantine", began: "2026-03-01T12:00:00Z", quarantine: "TooManyDeletes" });
const expectedOf = (wire: unknown) => jobFingerprint(toSyncJob(wire)!);

describe("actions on a sync job", () => {
  it("restart reads the job first, then sends the chosen resetScope flags", async () => {
    const { fake, options } = fakeJob(QUARANTINED);
    const outcomes = await runJobAction(TEST_TOKEN, "restart", { servicePrincipalId: SP, jobId: JOB, expected: expectedOf(QUARANTINED) }, { scopes: ["ForceDeletes"] }, options);
    expect(outcomes).toMatchObject([{ write: "restart-sync-job", kind: "done", tenantId: SP }]);
    expect(fake.calls.map((c) => `${c.method} ${c.url.pathname.replace(JOB_PATH, "job")}`)).toEqual(["GET job", "POST job/restart"]);
    expect(fake.calls[1]?.body).toEqual({ criteria: { resetScope: "ForceDeletes" } });
  });

  it("sends nothing when the job changed since the page read it, and says so", async () => {
    const { fake, options } = fakeJob(wireJob({ schedule: "Active", code: "Active", began: "2026-03-01T12:00:00Z" }));
    const outcomes = await runJobAction(TEST_TOKEN, "restart", { servicePrincipalId: SP, jobId: JOB, expected: expectedOf(QUARANTINED) }, { scopes: ["ForceDeletes"] }, options);
    expect(outcomes).toMatchObject([{ kind: "conflict", attempts: 0, error: { code: "JobChanged" } }]);
    expect(fake.calls.some((c) => c.method === "POST")).toBe(false);
    expect(describeWriteOutcome(outcomes[0]!).detail).toMatch(/^The job changed since this page read it, so nothing was sent/);
  });

  it("after a lost answer reads the job back instead of sending again", async () => {
    const paused = wireJob({ schedule: "Paused", code: "Paused", began: "2026-03-01T12:00:00Z" });
    const { fake, options } = fakeJob(paused, () => "lost");
    expect(await runJobAction(TEST_TOKEN, "start", { servicePrincipalId: SP, jobId: JOB, expected: expectedOf(paused) }, {}, options)).toMatchObject([{ kind: "done", attempts: 1 }]);
    expect(fake.calls.filter((c) => c.method === "POST")).toHaveLength(1);
  });

  it("a refused action names the application roles it needs", async () => {
    const running = wireJob({ schedule: "Active", code: "Active", began: "2026-03-01T12:00:00Z" });
    const { options } = fakeJob(running, () => graphError(403, "Authorization_RequestDenied", "no", "r403"));
    const [outcome] = await runJobAction(TEST_TOKEN, "pause", { servicePrincipalId: SP, jobId: JOB, expected: expectedOf(running) }, {}, options);
    expect(outcome).toMatchObject({ kind: "forbidden" });
    expect(describeWriteOutcome(outcome!).detail).toMatch(/Application Administrator or Cloud Application Administrator role and the Synchronization.ReadWrite.All permission.*r403/);
  });

  it("test connection sends the saved credentials; a refusal keeps the documented code", async () => {
    const running = wireJob({ schedule: "Active", code: "Active", began: "2026-03-01T12:00:00Z" });
    const { fake, options } = fakeJob(running, () => graphError(400, "AzureDirectoryB2BManagementPolicyCheckFailure", "off", "r400"));
    const [outcome] = await runJobAction(TEST_TOKEN, "test", { servicePrincipalId: SP, jobId: JOB, expected: "" }, {}, options);
    expect(outcome).toMatchObject({ write: "test-sync-connection", kind: "failed", error: { code: "AzureDirectoryB2BManagementPolicyCheckFailure" } });
    expect(fake.calls.find((c) => c.method === "POST")?.body).toEqual({ useSavedCredentials: true });
  });

  it("provision on demand takes the schema's user rule and brings back each step", async () => {
    const running = wireJob({ schedule: "Active", code: "Active", began: "2026-03-01T12:00:00Z" });
    const answer = {
      key: JSON.stringify({ result: "Success", details: {} }),
      value: JSON.stringify({ action: "Create", provisioningSteps: [{ name: "EntryImport", type: "Import", status: "Success", description: "Retrieved" }, { name: "EntryExportAdd", type: "Export", status: "Success", description: "Created" }], statusInfo: { status: "Success" }, sourceIdentity: { displayName: "Megan Bowen" } }),
    };
    const { fake, options } = fakeJob(running, () => json(200, answer));
    const [outcome] = await runJobAction(TEST_TOKEN, "provision", { servicePrincipalId: SP, jobId: JOB, expected: "" }, { userId: "u-1" }, options);
    expect(fake.calls.find((c) => c.method === "POST")?.body).toEqual({ parameters: [{ ruleId: "rule-1", subjects: [{ objectId: "u-1", objectTypeName: "User" }] }] });
    expect(outcome?.detail?.provisioning).toEqual({
      result: "Success",
      action: "Create",
      errorCode: null,
      reason: null,
      userDisplayName: "Megan Bowen",
      steps: [
        { name: "EntryImport", type: "Import", status: "Success", description: "Retrieved" },
        { name: "EntryExportAdd", type: "Export", status: "Success", description: "Created" },
      ],
    });
  });
});
