/** The reports' period (the activity and the provisioning log): Entra keeps both logs for 30 days, and a report reads the last 7 or 30. */
export const PERIOD_DAYS = [7, 30] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];

export const DEFAULT_PERIOD_DAYS: PeriodDays = 7;

/** The period a URL's `days` asks for: 30 when it says so, else the default. */
export function parsePeriodDays(raw: string | null): PeriodDays {
  return Number(raw) === 30 ? 30 : DEFAULT_PERIOD_DAYS;
}
