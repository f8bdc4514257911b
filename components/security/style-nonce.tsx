"use client";

import { setNonce } from "get-nonce";

/**
 * Hands the request's CSP nonce to the dialog's scroll lock, which inserts a
 * `<style>` element at runtime; without it the strict style-src would refuse it.
 */
export function StyleNonce({ nonce }: { nonce: string | null }) {
  if (nonce && typeof window !== "undefined") setNonce(nonce);
  return null;
}
