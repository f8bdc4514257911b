"use client";

import { useEffect, useRef, useState } from "react";

/** Seconds left of a wait, ticking each second; calls onDone once when it reaches zero. */
export function useCountdown(seconds: number | null, onDone: () => void): number | null {
  const [left, setLeft] = useState(seconds);
  const [started, setStarted] = useState(seconds);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });

  if (started !== seconds) {
    setStarted(seconds);
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
