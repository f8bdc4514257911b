import { describe, expect, it } from "vitest";
import { DEFAULT_PERIOD_DAYS, parsePeriodDays } from "./period";

describe("a report's period in the URL", () => {
  it("reads 30 when asked and 7 for anything else", () => {
    expect(parsePeriodDays("30")).toBe(30);
    expect(parsePeriodDays("7")).toBe(7);
    expect(parsePeriodDays(null)).toBe(DEFAULT_PERIOD_DAYS);
    expect(parsePeriodDays("90")).toBe(7);
    expect(parsePeriodDays("thirty")).toBe(7);
  });
});
