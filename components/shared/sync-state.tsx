import { Ban, CheckCircle2, CircleDashed, CircleSlash, MinusCircle } from "lucide-react";
import type { SyncState } from "@/lib/core/models";

const USER_SYNC = {
  allowed: { label: "Allowed", Icon: CheckCircle2, className: "text-ok" },
  blocked: { label: "Blocked", Icon: Ban, className: "text-danger" },
  "no-policy": { label: "No sync policy", Icon: CircleDashed, className: "text-muted" },
} as const;

export function UserSyncState({ state }: { state: SyncState }) {
  const { label, Icon, className } = USER_SYNC[state];
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <Icon aria-hidden className={`size-4 ${className}`} />
      <span>{label}</span>
    </span>
  );
}

/** A boolean setting that may be unset: null reads as "not set" or "inherited", never as false. */
export function TriStateValue({ value, nullLabel = "Not set", trueLabel = "Allowed", falseLabel = "Blocked" }: {
  value: boolean | null | undefined;
  nullLabel?: string;
  trueLabel?: string;
  falseLabel?: string;
}) {
  if (value === true) {
    return (
      <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
        <CheckCircle2 aria-hidden className="size-4 text-ok" />
        {trueLabel}
      </span>
    );
  }
  if (value === false) {
    return (
      <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
        <CircleSlash aria-hidden className="size-4 text-danger" />
        {falseLabel}
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap text-muted">
      <MinusCircle aria-hidden className="size-4" />
      {nullLabel}
    </span>
  );
}
