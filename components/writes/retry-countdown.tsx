"use client";

import { useEffect, useState } from "react";

/**
 * Seconds left until `retryAt`, ticking in this leaf only: the write run and the
 * rows around it do not re-render every second while Graph throttles.
 */
export function RetryCountdown({ retryAt, format }: { retryAt: number; format: (seconds: number) => React.ReactNode }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [retryAt]);
  return <>{format(Math.max(0, Math.ceil((retryAt - now) / 1000)))}</>;
}
