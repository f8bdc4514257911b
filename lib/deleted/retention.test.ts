import { describe, expect, it } from "vitest";
import { daysUntilPurge, formatDate, formatTimeLeft, isExpiringSoon, purgeDate } from "./retention";

const now = new Date("2026-11-25T12:00:00Z");

describe("retention", () => {
  it("counts days left like a countdown: a fresh deletion has all 30", () => {
    expect(daysUntilPurge("2026-11-25T12:00:00Z", now)).toBe(30);
    expect(daysUntilPurge("2026-11-25T11:59:00Z", now)).toBe(30);
    expect(daysUntilPurge("2026-10-27T13:00:00Z", now)).toBe(2);
    expect(daysUntilPurge("2026-10-27T12:00:00Z", now)).toBe(1);
    expect(daysUntilPurge("2026-10-26T12:00:00Z", now)).toBe(0);
    expect(daysUntilPurge("2026-09-01T00:00:00Z", now)).toBe(0);
  });

  it("flags policies purged within seven days, to the minute", () => {
    expect(isExpiringSoon("2026-11-02T12:00:00Z", now)).toBe(true);
    expect(isExpiringSoon("2026-11-02T12:01:00Z", now)).toBe(false);
    expect(isExpiringSoon("2026-09-01T00:00:00Z", now)).toBe(true);
  });

  it("purges 30 days after deletion", () => {
    expect(purgeDate("2026-11-01T00:00:00Z")?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });
});

describe("formatTimeLeft", () => {
  it("says 30 days right after a delete and never claims a day that is not there", () => {
    expect(formatTimeLeft("2026-11-25T11:59:00Z", now)).toBe("30 days left");
    expect(formatTimeLeft("2026-11-20T12:00:00Z", now)).toBe("25 days left");
    expect(formatTimeLeft("2026-10-27T13:00:00Z", now)).toBe("2 days left");
    expect(formatTimeLeft("2026-10-27T12:00:00Z", now)).toBe("1 day left");
    expect(formatTimeLeft("2026-10-26T13:00:00Z", now)).toBe("Less than a day left");
    expect(formatTimeLeft("2026-10-26T12:00:00Z", now)).toBe("Less than a day left");
  });
});

describe("deleted items without a deletion date", () => {
  it("are never flagged, and say the date is unknown instead of failing", () => {
    expect(purgeDate("")).toBeNull();
    expect(daysUntilPurge("", now)).toBeNull();
    expect(isExpiringSoon("", now)).toBe(false);
    expect(formatTimeLeft("", now)).toBe("Purge date unknown");
    expect(formatDate("not a date")).toBe("Unknown");
  });
});
