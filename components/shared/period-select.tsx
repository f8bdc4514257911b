import { PERIOD_DAYS, type PeriodDays } from "@/lib/core/period";

/** The reports' period filter (Entra keeps 30 days): one control for the activity and the provisioning log. */
export const REPORT_SELECT = "h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg";

export function PeriodSelect({ days, onChange }: { days: PeriodDays; onChange: (days: PeriodDays) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-muted">
      Period
      <select value={days} onChange={(event) => onChange(Number(event.target.value) as PeriodDays)} className={REPORT_SELECT}>
        {PERIOD_DAYS.map((period) => (
          <option key={period} value={period}>
            {`Last ${period} days`}
          </option>
        ))}
      </select>
    </label>
  );
}
