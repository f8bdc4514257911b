const count = new Intl.NumberFormat("en-US");

/** Graph gives no total for partners, so the bar moves without a percentage while the count grows. */
export function LoadingProgress({ loaded }: { loaded: number }) {
  return (
    <div className="space-y-1">
      <p role="status" className="text-xs text-muted">
        Loading partners… {count.format(loaded)} so far
      </p>
      <div role="progressbar" aria-label="Loading partners" className="h-0.5 overflow-hidden rounded-full bg-surface-muted">
        <div className="h-full w-1/3 animate-[progress-slide_1.2s_ease-in-out_infinite] rounded-full bg-accent motion-reduce:w-full motion-reduce:animate-none motion-reduce:opacity-60" />
      </div>
    </div>
  );
}
