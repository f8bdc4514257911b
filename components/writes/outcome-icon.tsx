import { AlertTriangle, CheckCircle2, Info, LoaderCircle, XCircle } from "lucide-react";
import type { OutcomeTone } from "@/lib/writes/messages";

const ICONS = {
  success: { Icon: CheckCircle2, className: "text-ok" },
  info: { Icon: Info, className: "text-accent" },
  warning: { Icon: AlertTriangle, className: "text-warn" },
  error: { Icon: XCircle, className: "text-danger" },
  pending: { Icon: LoaderCircle, className: "text-muted motion-safe:animate-spin" },
} as const;

export function OutcomeIcon({ tone }: { tone: OutcomeTone }) {
  const { Icon, className } = ICONS[tone];
  return <Icon aria-hidden className={`size-4 shrink-0 ${className}`} />;
}
