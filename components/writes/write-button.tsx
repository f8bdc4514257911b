import { Button, type ButtonProps } from "@/components/ui/button";

/**
 * A control that writes: when the user cannot write it stays focusable but
 * unavailable, described by the element that says why (reasonId).
 */
export function WriteButton({ allowed, reasonId, ...props }: ButtonProps & { allowed: boolean; reasonId: string }) {
  return <Button unavailable={!allowed} aria-describedby={allowed ? undefined : reasonId} {...props} />;
}
