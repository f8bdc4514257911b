import { forwardRef, startTransition } from "react";
import { cn } from "@/components/ui/cn";

const VARIANTS = {
  primary:
    "bg-accent text-accent-fg hover:bg-accent-hover disabled:bg-border-strong disabled:text-muted aria-disabled:bg-border-strong aria-disabled:text-muted",
  secondary:
    "border border-border-strong bg-surface text-fg hover:bg-surface-muted disabled:text-muted disabled:opacity-60 aria-disabled:text-muted aria-disabled:opacity-60 aria-disabled:hover:bg-surface",
  ghost:
    "text-fg hover:bg-surface-muted disabled:text-muted disabled:opacity-60 aria-disabled:text-muted aria-disabled:opacity-60 aria-disabled:hover:bg-transparent",
  danger: "bg-danger text-white hover:opacity-90 disabled:opacity-50 aria-disabled:opacity-50",
} as const;

const SIZES = {
  sm: "h-7 px-2.5 text-[13px] gap-1.5",
  md: "h-8 px-3 text-sm gap-2",
} as const;

export interface ButtonProps extends React.ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof VARIANTS;
  size?: keyof typeof SIZES;
  /**
   * Unavailable but still focusable, so screen readers reach the button and hear
   * why (aria-describedby); clicks do nothing. Use `disabled` for transient states.
   */
  unavailable?: boolean;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "secondary", size = "md", className, type = "button", unavailable = false, onClick, ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      aria-disabled={unavailable || undefined}
      onClick={unavailable ? (event) => event.preventDefault() : onClick}
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-md font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed aria-disabled:cursor-not-allowed",
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...props}
    />
  );
});

/**
 * A confirming click: `send` first, so a write's request leaves before anything is drawn; the
 * dialog then closes as a transition, drawn while the request is on its way. Taking down the
 * full-page overlay (and putting focus back) is the costliest frame of the click, and drawn first
 * it held every request back by that long. A second click meanwhile finds the write already
 * claimed (lib/queries/writes.ts) and sends nothing. Beside Button, not in dialog.tsx: a control whose
 * dialog loads lazily (Add organization) must not pull the dialog into its page.
 */
export function sendThenClose(send: () => void, close: () => void): void {
  send();
  startTransition(close);
}
