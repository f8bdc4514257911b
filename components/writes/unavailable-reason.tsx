import { Lock } from "lucide-react";

/** Why a write control is unavailable, referenced by the control's aria-describedby. */
export function UnavailableReason({ id, reason, className }: { id: string; reason: string | null; className?: string }) {
  if (!reason) return null;
  return (
    <p id={id} role="note" className={className ?? "flex items-start gap-1.5 text-xs text-muted"}>
      <Lock aria-hidden className="mt-0.5 size-3.5 shrink-0" />
      <span>{reason}</span>
    </p>
  );
}
