import { describe, expect, it } from "vitest";
import type { SyncJob } from "./models";
import { daysUntilDisabled, disableWords, heldDeletions, jobFingerprint, jobStatus, quarantineReasonWords, STATUS_WORDS, worstStatus } from "./status";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse("2026-03-01T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

function job(patch: Partial<SyncJob> = {}): SyncJob {
  return {
    id: "Azure2Azure.x.y",
    scheduleState: "Active",
    code: "Active",
    lastExecution: { timeBegan: iso(NOW - 600_000), timeEnded: iso(NOW - 590_000), state: "Succeeded", countEntitled: 300, countEscrowed: 0, countExported: 2, error: null },
    quarantine: null,
    usersInSync: 300,
    deleteThreshold: 500,
    ...patch,
  };
}

const quarantine = (reason: string, code: string | null, seriesBeganDaysAgo = 3) => ({
  reason,
  currentBegan: iso(NOW - DAY),
  seriesBegan: iso(NOW - seriesBeganDaysAgo * DAY),
  nextAttempt: iso(NOW + DAY),
  seriesCount: 5,
  error: code ? { code, message: "" } : null,
});

describe("a job's status in words", () => {
  it("tells each documented state apart", () => {
    expect(STATUS_WORDS[jobStatus(job())]).toBe("Healthy");
    expect(STATUS_WORDS[jobStatus(job({ lastExecution: { ...job().lastExecution!, state: "EntryLevelErrors", countEscrowed: 5 } }))]).toBe("Errors in last cycle");
    expect(STATUS_WORDS[jobStatus(job({ code: "Quarantine", quarantine: quarantine("EncounteredQuarantineException", "AzureDirectoryB2BManagementPolicyCheckFailure") }))]).toBe("Quarantined");
    expect(STATUS_WORDS[jobStatus(job({ scheduleState: "Paused", code: "Paused" }))]).toBe("Paused");
    // As the template creates it: schedule Disabled, code Paused, a never-run execution.
    const never = { ...job().lastExecution!, timeBegan: null, timeEnded: null, state: "Failed" };
    expect(STATUS_WORDS[jobStatus(job({ scheduleState: "Disabled", code: "Paused", lastExecution: never, usersInSync: null }))]).toBe("Not run yet");
  });

  it("a quarantined job the service disabled is still quarantined, and says it was disabled", () => {
    const disabled = job({ scheduleState: "Disabled", code: "Quarantine", quarantine: quarantine("EncounteredQuarantineException", null, 30) });
    expect(jobStatus(disabled)).toBe("quarantined");
    expect(disableWords(disabled.quarantine!, NOW, "Disabled")).toMatch(/Disabled by the service/);
  });

  it("the worst of several statuses wins", () => {
    expect(worstStatus(["healthy", "errors", "paused"])).toBe("errors");
    expect(worstStatus(["healthy", "quarantined"])).toBe("quarantined");
    expect(worstStatus([])).toBeNull();
  });
});

describe("quarantine in words", () => {
  it("names the reason and, for redemption, what is off", () => {
    expect(quarantineReasonWords(quarantine("EncounteredQuarantineException", "AzureDirectoryB2BManagementPolicyCheckFailure"))).toBe(
      "Nearly every call to the target failed: automatic redemption is off on one side",
    );
    expect(quarantineReasonWords(quarantine("EncounteredQuarantineException", "AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure"))).toMatch(/does not allow sync/);
    expect(quarantineReasonWords(quarantine("TooManyDeletes", "TooManyDeletes"), 35)).toBe("More users would be deleted than the accidental-deletion threshold allows: 35 deletions are held");
    expect(quarantineReasonWords(quarantine("SomethingNew", null))).toBe("The service did not say why");
  });

  it("counts the days until the service disables the job: four weeks after the series began", () => {
    expect(daysUntilDisabled(quarantine("TooManyDeletes", null, 3), NOW)).toBe(25);
    expect(daysUntilDisabled(quarantine("TooManyDeletes", null, 27.5), NOW)).toBe(0);
    expect(daysUntilDisabled(quarantine("TooManyDeletes", null, 40), NOW)).toBe(0);
    expect(disableWords(quarantine("TooManyDeletes", null, 27), NOW, "Active")).toBe("The service disables it in 1 day");
    expect(disableWords(quarantine("TooManyDeletes", null, 27.9), NOW, "Active")).toBe("The service disables it within a day");
    expect(daysUntilDisabled({ ...quarantine("Unknown", null), seriesBegan: null }, NOW)).toBeNull();
  });

  it("counts the held deletions as users in the target beyond those in scope", () => {
    const held = job({ code: "Quarantine", quarantine: quarantine("TooManyDeletes", "TooManyDeletes"), usersInSync: 60, lastExecution: { ...job().lastExecution!, countEntitled: 25, state: "Failed" } });
    expect(heldDeletions(held)).toBe(35);
    expect(heldDeletions(job())).toBeNull();
  });
});

describe("the fingerprint an action carries", () => {
  it("changes when what the action depends on changes, not with every cycle", () => {
    const before = job();
    expect(jobFingerprint(job({ lastExecution: { ...before.lastExecution!, timeBegan: iso(NOW) } }))).toBe(jobFingerprint(before));
    expect(jobFingerprint(job({ scheduleState: "Paused", code: "Paused" }))).not.toBe(jobFingerprint(before));
    expect(jobFingerprint(before)).toMatch(/^[A-Za-z0-9|-]+$/);
  });
});
