"use client";

import type { DeletedSyncPolicy } from "@/lib/core/models";
import { policyDisplayName } from "@/lib/partners/display";

/** What the deleted partners and deleted sync policies pages share: the items a dialog names, the expiring filter, the select-all box. */

const LISTED = 8;

/** What a confirmation calls each kind of deleted item. */
export const DELETED_NOUNS = {
  "sync-policy": { one: "sync policy", many: "sync policies", what: "identity synchronization policy" },
  partner: { one: "partner", many: "partners", what: "cross-tenant access configuration" },
} as const;

export type DeletedNoun = keyof typeof DELETED_NOUNS;

/** A deleted item as a dialog names it. */
export interface DeletedItem {
  tenantId: string;
  /** The partner's name; null for an unnamed one. */
  name: string | null;
}

/**
 * The listed items, and after them those a write is sending (keyed by lower-case tenant id) that have
 * already left the cache: a list being written to keeps its rows, marked, until Graph answers.
 */
export function withItemsOnTheirWay<T extends { tenantId: string }>(listed: readonly T[], ...sending: readonly Readonly<Record<string, T>>[]): readonly T[] {
  const here = new Set(listed.map((item) => item.tenantId.toLowerCase()));
  const gone = sending.flatMap((items) => Object.entries(items).filter(([id]) => !here.has(id)).map(([, item]) => item));
  return gone.length > 0 ? [...listed, ...gone] : listed;
}

/** The first few items of a several-item confirmation, by name and tenant id, and how many more. */
export function DeletedItemList({ items, unnamed }: { items: readonly DeletedItem[]; unnamed: string }) {
  return (
    <ul className="mb-3 max-h-40 space-y-0.5 overflow-auto rounded border border-border p-2 text-xs">
      {items.slice(0, LISTED).map((item) => (
        <li key={item.tenantId} className="flex justify-between gap-3">
          <span className="truncate">{item.name ?? unnamed}</span>
          <span className="font-mono text-muted">{item.tenantId}</span>
        </li>
      ))}
      {items.length > LISTED ? <li className="text-muted">and {items.length - LISTED} more</li> : null}
    </ul>
  );
}

/** The filter that keeps only what Microsoft Entra purges within a week. */
export function ExpiringOnlyFilter({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} className="size-4 accent-[var(--accent)]" />
      Purge within 7 days
    </label>
  );
}

/** The header box that selects every shown row; half-checked while only some are. */
export function SelectAllShown({ label, shown, selected, onToggle }: { label: string; shown: number; selected: number; onToggle: () => void }) {
  const all = shown > 0 && selected === shown;
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={all}
      ref={(input) => {
        if (input) input.indeterminate = selected > 0 && !all;
      }}
      onChange={onToggle}
      className="size-4 accent-[var(--accent)]"
    />
  );
}

/** A deleted sync policy as a restore confirmation names it. */
export function deletedPolicyItem(policy: DeletedSyncPolicy): DeletedItem {
  return { tenantId: policy.tenantId, name: policyDisplayName(policy) };
}
