import Link from "next/link";
import { AlarmClock, AlertTriangle, Ban, CheckCircle2, CircleDashed, Users } from "lucide-react";
import type { PartnersSummary, SyncFilter } from "@/lib/partners/filter";
import { cn } from "@/components/ui/cn";

const count = new Intl.NumberFormat("en-US");

interface Tile {
  label: string;
  value: number | null;
  partial: boolean;
  href: string;
  Icon: typeof Users;
  iconClass: string;
  active: boolean;
}

export function SummaryStrip({
  summary,
  expiringCount,
  activeSync,
  showDeleted,
  partial,
}: {
  summary: PartnersSummary;
  expiringCount: number | null;
  activeSync: SyncFilter | null;
  /** False in clouds without deleted items: the tile would only ever say "unknown". */
  showDeleted: boolean;
  /** Pages are still arriving: partner counts can only grow. */
  partial: boolean;
}) {
  const tiles: Tile[] = [
    { label: "Partners", value: summary.total, href: "/partners", Icon: Users, iconClass: "text-muted", active: activeSync === null, partial },
    { label: "Sync allowed", value: summary.allowed, href: "/partners?sync=allowed", Icon: CheckCircle2, iconClass: "text-ok", active: activeSync === "allowed", partial },
    { label: "Sync blocked", value: summary.blocked, href: "/partners?sync=blocked", Icon: Ban, iconClass: "text-danger", active: activeSync === "blocked", partial },
    { label: "No sync policy", value: summary.noPolicy, href: "/partners?sync=no-policy", Icon: CircleDashed, iconClass: "text-muted", active: activeSync === "no-policy", partial },
    {
      label: "Sync allowed, redemption off",
      value: summary.cannotWork,
      href: "/partners?sync=cannot-work",
      Icon: AlertTriangle,
      iconClass: summary.cannotWork > 0 ? "text-warn" : "text-muted",
      active: activeSync === "cannot-work",
      partial,
    },
  ];
  if (showDeleted) {
    tiles.push({ label: "Deleted, purge within 7 days", value: expiringCount, href: "/deleted?expiring=1", Icon: AlarmClock, iconClass: "text-warn", active: false, partial: false });
  }
  return (
    <nav aria-label="Summary" className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
      {tiles.map((tile) => (
        <Link
          key={tile.label}
          href={tile.href}
          aria-current={tile.active ? "true" : undefined}
          className={cn(
            "flex items-center gap-3 rounded-lg border bg-surface px-3 py-2.5 hover:border-border-strong",
            tile.active ? "border-accent ring-1 ring-accent" : "border-border",
          )}
        >
          <tile.Icon aria-hidden className={cn("size-5 shrink-0", tile.iconClass)} />
          <span className="min-w-0">
            <span className="block text-xl leading-tight font-semibold tabular-nums">
              {tile.value === null ? (
                <>
                  <span aria-hidden>—</span>
                  <span className="sr-only">unknown</span>
                </>
              ) : (
                count.format(tile.value)
              )}
              {tile.partial ? <span className="ml-1 text-xs font-normal text-muted">so far</span> : null}
            </span>
            <span className="block text-xs leading-tight text-muted">{tile.label}</span>
          </span>
        </Link>
      ))}
    </nav>
  );
}
