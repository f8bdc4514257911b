import { describe, expect, it } from "vitest";
import { diagnose, type DiagnoseInput } from "./diagnose";
import type { SyncJob } from "./models";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();
const SP = "0d840951-538c-4adb-893c-5ab7f86f6233";
const TARGET = "2b7e4f10-6c3a-4d8e-9f21-5a6b7c8d9e01";

const base: SyncJob = {
  id: "Azure2Azure.x.y",
  scheduleState: "Active",
  code: "Active",
  lastExecution: { timeBegan: iso(NOW - 600_000), timeEnded: iso(NOW - 590_000), state: "Succeeded", countEntitled: 25, countEscrowed: 0, countExported: 0, error: null },
  quarantine: null,
  usersInSync: 25,
  deleteThreshold: 500,
};
const redemptionQuarantine: SyncJob = {
  ...base,
  code: "Quarantine",
  usersInSync: 0,
  lastExecution: { ...base.lastExecution!, state: "Failed", error: { code: "AzureDirectoryB2BManagementPolicyCheckFailure", message: "" } },
  quarantine: { reason: "EncounteredQuarantineException", currentBegan: iso(NOW), seriesBegan: iso(NOW), nextAttempt: iso(NOW), seriesCount: 5, error: { code: "AzureDirectoryB2BManagementPolicyCheckFailure", message: "" } },
};
const input = (job: SyncJob, patch: Partial<DiagnoseInput> = {}): DiagnoseInput => ({ servicePrincipalId: SP, job, targetName: "Northwind Traders", targetTenantId: TARGET, ourOutbound: true, partnerExists: true, ...patch });

describe("what is wrong and how to fix it", () => {
  it("nothing for a healthy job", () => {
    expect(diagnose(input(base))).toEqual([]);
  });

  it("our outbound redemption off: our fix as a button, then clearing the quarantine", () => {
    const causes = diagnose(input(redemptionQuarantine, { ourOutbound: false }));
    expect(causes.map((c) => c.action ?? null)).toEqual(["turn-on-outbound", null, "clear-quarantine"]);
    expect(causes[0]?.problem).toBe("Your outbound automatic redemption for Northwind Traders is off.");
  });

  it("ours on: the partner's fix in words", () => {
    const causes = diagnose(input(redemptionQuarantine, { ourOutbound: true }));
    expect(causes.find((c) => c.id === "partner-inbound")?.fixWords).toMatch(/^Northwind Traders must turn on inbound automatic redemption for you/);
    expect(causes.some((c) => c.action === "turn-on-outbound")).toBe(false);
  });

  it("held deletions: Allow deletes with the count; entry errors: a link to the grouped errors", () => {
    const deletes: SyncJob = {
      ...base,
      code: "Quarantine",
      usersInSync: 60,
      deleteThreshold: 20,
      quarantine: { ...redemptionQuarantine.quarantine!, reason: "TooManyDeletes", error: { code: "TooManyDeletes", message: "" } },
    };
    const [cause] = diagnose(input(deletes));
    expect(cause).toMatchObject({ action: "allow-deletes" });
    expect(cause?.problem).toMatch(/^35 users .* threshold \(20\)/);
    const errors = diagnose(input({ ...base, lastExecution: { ...base.lastExecution!, state: "EntryLevelErrors", countEscrowed: 5 } }));
    expect(errors).toMatchObject([{ id: "entry-errors", problem: "5 users failed in the last cycle.", link: { href: `/outbound/${SP}/errors` } }]);
  });

  it("paused and never run: Start; no partner configuration: words", () => {
    expect(diagnose(input({ ...base, scheduleState: "Paused", code: "Paused" })).map((c) => c.action)).toEqual(["start"]);
    expect(diagnose(input(redemptionQuarantine, { partnerExists: false }))[0]).toMatchObject({ id: "no-partner", link: { href: "/partners" } });
  });
});
