import { describe, expect, it } from "vitest";
import { formatDataTime, formatUpdatedAgo } from "./refresh-button";

describe("formatUpdatedAgo", () => {
  const at = Date.UTC(2026, 0, 1, 12, 0, 0);
  it("says how long ago the data was read, in words an admin reads at a glance", () => {
    expect(formatUpdatedAgo(at, at + 20_000)).toBe("Updated just now");
    expect(formatUpdatedAgo(at, at + 2 * 60_000 + 5_000)).toBe("Updated 2 min ago");
    expect(formatUpdatedAgo(at, at + 59 * 60_000)).toBe("Updated 59 min ago");
    expect(formatUpdatedAgo(at, at + 3 * 3_600_000)).toBe("Updated 3 h ago");
  });

  it("never claims a future read", () => {
    expect(formatUpdatedAgo(at, at - 5_000)).toBe("Updated just now");
  });
});

describe("formatDataTime", () => {
  it("gives the time of the data on screen, with its date when it is not today's", () => {
    const at = new Date(2026, 0, 1, 2, 42).getTime();
    expect(formatDataTime(at, at + 60_000)).toBe("02:42");
    expect(formatDataTime(at, new Date(2026, 0, 2, 9, 0).getTime())).toBe("2026-01-01 02:42");
  });
});
