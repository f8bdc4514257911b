/** The reports' period filter (Entra keeps 30 days): one control for the activity and the provisioning log. */
export const REPORT_SELECT = "h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg";

export function PeriodSelect<TDays extends 7 | 30>({ days, onChange }: { days: TDays; onChange: (days: TDays) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-muted">
      Period
      <select value={days} onChange={(event) => onChange(Number(event.target.value) as TDays)} className={REPORT_SELECT}>
        <option value={7}>Last 7 days</option>
        <option value={30}>Last 30 days</option>
      </select>
    </label>
  );
}
