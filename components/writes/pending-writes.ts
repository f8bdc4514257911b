"use client";

/**
 * Writes a control sent that Graph has not settled yet, per partner: on the wire, or throttled and
 * counted down to an automatic resend. The partner's controls wait while one is pending, and the
 * value it changes is marked as not confirmed. Fed by useSendWrite only.
 */
import { useMemo, useSyncExternalStore } from "react";
import type { WriteKind } from "@/lib/writes/outcome";

export interface PendingWrite {
  write: WriteKind;
  tenantId: string;
  /** The setting a switch changes ("inbound user sync"), when the write has several. */
  setting?: string;
  /** null: on the wire now; otherwise when the throttled write is sent again (epoch ms). */
  retryAt: number | null;
  /** Which automatic resend the countdown leads to (0: the first). */
  round: number;
}

const pending = new Map<number, PendingWrite>();
let snapshot: readonly PendingWrite[] = [];
const EMPTY: readonly PendingWrite[] = [];
const listeners = new Set<() => void>();
let nextId = 0;

export function newPendingWriteId(): number {
  nextId += 1;
  return nextId;
}

export function setPendingWrite(id: number, write: PendingWrite | null): void {
  if (write) pending.set(id, write);
  else if (!pending.delete(id)) return;
  snapshot = [...pending.values()];
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The writes still pending for one partner. */
export function usePendingWrites(tenantId: string): readonly PendingWrite[] {
  const all = useSyncExternalStore(subscribe, () => snapshot, () => EMPTY);
  const id = tenantId.toLowerCase();
  return useMemo(() => all.filter((write) => write.tenantId.toLowerCase() === id), [all, id]);
}
