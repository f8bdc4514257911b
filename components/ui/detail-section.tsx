export function Section({ title, children, actions }: { title: string; children: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-border bg-surface">
      <div className="flex items-center justify-between gap-2 border-b border-border px-4 py-2.5">
        <h2 className="font-semibold">{title}</h2>
        {actions}
      </div>
      <div className="px-4 py-1">{children}</div>
    </section>
  );
}
