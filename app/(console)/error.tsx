"use client";

import { FullPageStatus } from "@/components/feedback/full-page-status";

export default function ConsoleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <FullPageStatus tone="error" title="Something went wrong on this page" detail="Nothing was changed. Reload to try again." action={{ label: "Try again", onClick: reset }} />;
}
