import { AlertTriangle, CheckCircle2, CircleDashed, OctagonAlert, PauseCircle } from "lucide-react";
import { STATUS_WORDS, type OutboundStatus } from "@/lib/outbound/status";

const LOOK: Record<OutboundStatus, { Icon: typeof CheckCircle2; className: string }> = {
  healthy: { Icon: CheckCircle2, className: "text-ok" },
  errors: { Icon: AlertTriangle, className: "text-warn" },
  quarantined: { Icon: OctagonAlert, className: "text-danger" },
  paused: { Icon: PauseCircle, className: "text-muted" },
  "not-run": { Icon: CircleDashed, className: "text-muted" },
};

/** A sync configuration's status in words with its icon; `short` says "Errors" where columns are narrow. */
export function OutboundStatusLabel({ status, short = false }: { status: OutboundStatus; short?: boolean }) {
  const { Icon, className } = LOOK[status];
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <Icon aria-hidden className={`size-4 ${className}`} />
      <span>{short && status === "errors" ? "Errors" : STATUS_WORDS[status]}</span>
    </span>
  );
}
