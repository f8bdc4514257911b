"use client";

import { useEffect, useState } from "react";
import { Check, Copy } from "lucide-react";
import { cn } from "@/components/ui/cn";

export function CopyButton({ value, label, className, showText = false }: { value: string; label: string; className?: string; showText?: boolean }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 1500);
    return () => window.clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <button
      type="button"
      onClick={() => void copy()}
      aria-label={copied ? `${label}: copied` : label}
      title={label}
      className={cn(
        "inline-flex items-center gap-1 rounded p-1 text-muted hover:bg-surface-muted hover:text-fg",
        showText && "px-2 text-[13px]",
        className,
      )}
    >
      {copied ? <Check aria-hidden className="size-3.5 text-ok" /> : <Copy aria-hidden className="size-3.5" />}
      {showText ? <span>{copied ? "Copied" : label}</span> : null}
      <span role="status" className="sr-only">
        {copied ? "Copied" : ""}
      </span>
    </button>
  );
}
