"use client";

import { FlaskConical } from "lucide-react";
import { useAuthConfig } from "@/lib/auth/auth-config-context";

/** Says, on every page, that this console runs against the local emulator and not a Microsoft tenant. */
export function EmulatorBadge() {
  const { usesEmulator } = useAuthConfig();
  if (!usesEmulator) return null;
  return (
    <span
      title="Signed in to the local emulator of Entra ID and Microsoft Graph, not a Microsoft tenant"
      className="inline-flex h-6 items-center gap-1 rounded border border-warn/50 px-2 text-xs font-medium text-warn"
    >
      <FlaskConical aria-hidden className="size-3.5" />
      Emulator
      <span className="sr-only">: not a Microsoft tenant</span>
    </span>
  );
}
