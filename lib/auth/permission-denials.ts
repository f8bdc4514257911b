"use client";

/**
 * Remembers the first 403 Graph answered in this page session, so a user whose
 * ID token carries no role hint learns before the next click why writes fail.
 */
import { useSyncExternalStore } from "react";
import type { AppError } from "@/lib/core/result";
import type { RememberedDenial } from "./claims";

let first: RememberedDenial | null = null;
const listeners = new Set<() => void>();

export function rememberDenial(error: Pick<AppError, "status" | "code" | "requestId">): void {
  if (error.status !== 403 || first !== null) return;
  first = { code: error.code, requestId: error.requestId };
  for (const listener of listeners) listener();
}

export function forgetDenials(): void {
  first = null;
  for (const listener of listeners) listener();
}

export function currentDenial(): RememberedDenial | null {
  return first;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRememberedDenial(): RememberedDenial | null {
  return useSyncExternalStore(
    subscribe,
    currentDenial,
    () => null,
  );
}
