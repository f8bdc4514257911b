"use client";

import { MinusCircle, PenLine, PlusCircle } from "lucide-react";
import { KIND_LABELS, type ChangeKind, type Difference } from "@/lib/snapshots/compare";

const CELL = "px-3 py-1.5 text-left align-top";

const KIND_ICONS: Record<ChangeKind, { Icon: typeof PlusCircle; className: string }> = {
  added: { Icon: PlusCircle, className: "text-ok" },
  removed: { Icon: MinusCircle, className: "text-danger" },
  changed: { Icon: PenLine, className: "text-warn" },
};

export function ChangeKindLabel({ kind }: { kind: ChangeKind }) {
  const { Icon, className } = KIND_ICONS[kind];
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <Icon aria-hidden className={`size-4 ${className}`} />
      {KIND_LABELS[kind]}
    </span>
  );
}

/** One row per difference: who, what kind, and what changed in old → new words. */
export function DifferencesTable({
  differences,
  selected,
  selectable,
  onToggle,
  onToggleAll,
}: {
  differences: Difference[];
  selected: ReadonlySet<string>;
  /** Differences that can be chosen for putting back (null: none, comparing two files). */
  selectable: ((difference: Difference) => boolean) | null;
  onToggle: (id: string) => void;
  onToggleAll: (ids: string[], on: boolean) => void;
}) {
  const choosable = selectable ? differences.filter(selectable) : [];
  const allOn = choosable.length > 0 && choosable.every((difference) => selected.has(difference.id));
  return (
    <div className="overflow-auto rounded-lg border border-border bg-surface">
      <table aria-label="Differences" className="w-full border-collapse text-[13px]">
        <thead className="border-b border-border bg-surface-muted text-muted">
          <tr>
            {selectable ? (
              <th scope="col" className={`${CELL} w-8`}>
                <input
                  type="checkbox"
                  aria-label="Select all differences shown"
                  checked={allOn}
                  disabled={choosable.length === 0}
                  onChange={(event) => onToggleAll(choosable.map((difference) => difference.id), event.target.checked)}
                />
              </th>
            ) : null}
            <th scope="col" className={`${CELL} font-medium`}>
              Partner
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              Change
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              What changed
            </th>
          </tr>
        </thead>
        <tbody>
          {differences.map((difference) => {
            const label = `${difference.name ?? "Unnamed partner"}: ${difference.summary}`;
            return (
              <tr key={difference.id} className="border-b border-border last:border-0 hover:bg-surface-muted/60" data-difference={difference.kind}>
                {selectable ? (
                  <td className={CELL}>
                    <input type="checkbox" aria-label={`Select ${label}`} checked={selected.has(difference.id)} disabled={!selectable(difference)} onChange={() => onToggle(difference.id)} />
                  </td>
                ) : null}
                <td className={CELL}>
                  <div className="font-medium">{difference.name ?? <span className="italic text-muted">Unnamed partner</span>}</div>
                  <div className="font-mono text-xs text-muted">{difference.tenantId}</div>
                </td>
                <td className={CELL}>
                  <ChangeKindLabel kind={difference.kind} />
                </td>
                <td className={CELL}>{difference.summary}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
