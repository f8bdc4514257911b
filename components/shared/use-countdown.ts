"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Seconds left of a wait, ticking each second; calls onDone once when it reaches zero.
 * A new `source` (the next 429) starts the count again, even with the same number of seconds.
 */
export function useCountdown(seconds: number | null, onDone: () => void, source: unknown = seconds): number | null {
  const [left, setLeft] = useState(seconds);
  const [started, setStarted] = useState(source);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });

  if (started !== source) {
    setStarted(source);
    setLeft(seconds);
  }

  useEffect(() => {
    if (left === null) return;
    if (left <= 0) {
      done.current();
      return;
    }
    const timer = setTimeout(() => setLeft((value) => (value === null ? null : value - 1)), 1000);
    return () => clearTimeout(timer);
  }, [left]);

  return left;
}
