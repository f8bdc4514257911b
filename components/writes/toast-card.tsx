"use client";

/**
 * The one way the write engine shows a notification. Each card is ours, not the
 * toast library's default, so that:
 * - a card with a button (Undo, Open partner, Copy request id) is one Tab away
 *   from where focus is (the control that opened the dialog, or its neighbour):
 *   Tab there moves to the card's first button, Shift+Tab on it goes back;
 * - a card stays while the pointer is on it or focus is in it, and its time runs
 *   on after;
 * - an error stays until dismissed, with its request id to copy;
 * - its buttons keep the page's visible focus ring.
 */
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { X } from "lucide-react";
import type { OutcomeTone } from "@/lib/writes/messages";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { lastPlacedFocus, nextControlAfter, rememberFocus, returnFocus, watchedFocus, type FocusMemory } from "@/components/ui/focus-return";
import { OutcomeIcon } from "./outcome-icon";

/** How long a card that is not an error stays, unless it is hovered or focused. */
export const TOAST_MS = 6_000;

export interface ToastAction {
  label: string;
  onClick: () => void;
}

export interface ToastContent {
  tone: OutcomeTone;
  title: string;
  description?: React.ReactNode;
  action?: ToastAction;
  /** Graph's request id of a failure, offered to copy for support. */
  requestId?: string | null;
  /** Infinity keeps the card until dismissed; errors always stay. */
  durationMs?: number;
  /** Called when the admin closes the card (not when its time runs out). */
  onClose?: () => void;
  /** Replaces the card with this id instead of adding one. */
  id?: string | number;
}

/** Cards with a button, newest last: Tab from where focus was leads to the newest one's first button. */
const reachable: { id: string | number; anchor: () => HTMLElement | null; pinned: HTMLElement | null }[] = [];

function buttonsOf(id: string | number): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-toast-card="${CSS.escape(String(id))}"] button`)];
}

function onKeyDown(event: KeyboardEvent) {
  if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return;
  const active = document.activeElement;
  for (let index = reachable.length - 1; index >= 0; index -= 1) {
    const card = reachable[index]!;
    const anchor = card.pinned?.isConnected ? card.pinned : card.anchor();
    const buttons = buttonsOf(card.id);
    const first = buttons[0];
    if (!anchor || !first) continue;
    // The card sits between the anchor and the anchor's next control in Tab order. The newest card is
    // also reached from wherever focus was last put back, should that place have settled after the card came.
    const newest = index === reachable.length - 1;
    if (!event.shiftKey && active instanceof HTMLElement && (active === anchor || (newest && !card.pinned && active === lastPlacedFocus()))) {
      event.preventDefault();
      // Once used, the way back stays where it was, even after focus stops being watched.
      card.pinned = active;
      first.focus();
      return;
    }
    if (event.shiftKey && active === first && anchor.isConnected) {
      event.preventDefault();
      anchor.focus();
      return;
    }
    if (!event.shiftKey && active === buttons.at(-1) && anchor.isConnected) {
      const next = nextControlAfter(anchor, "[data-sonner-toaster]");
      if (next) {
        event.preventDefault();
        next.focus();
      }
      return;
    }
  }
}

function makeReachable(id: string | number, memory: FocusMemory | null) {
  const at = reachable.findIndex((card) => card.id === id);
  if (at >= 0) reachable.splice(at, 1);
  // Focus may still move to the opener's neighbour after the card appears: follow it, also once the watch is over.
  // With no focus anywhere when the card came (a dialog just closed, its opener waiting disabled), the card
  // follows where focus is put back next.
  const followsPlace = memory === null || watchedFocus() !== null;
  reachable.push({ id, anchor: () => watchedFocus() ?? (followsPlace ? lastPlacedFocus() : null) ?? (memory?.opener.isConnected ? memory.opener : null), pinned: null });
  if (reachable.length === 1) document.addEventListener("keydown", onKeyDown, true);
}

function forget(id: string | number) {
  const at = reachable.findIndex((card) => card.id === id);
  if (at < 0) return;
  reachable.splice(at, 1);
  if (reachable.length === 0) document.removeEventListener("keydown", onKeyDown, true);
}

function ToastCard({ id, content, memory }: { id: string | number; content: ToastContent; memory: FocusMemory | null }) {
  const { tone, title, description, action, requestId, onClose } = content;
  const stays = tone === "error" || content.durationMs === Infinity;
  const duration = content.durationMs ?? TOAST_MS;
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const left = useRef(duration);
  const card = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (stays || hovered || focused) return;
    const startedAt = Date.now();
    const timer = window.setTimeout(() => toast.dismiss(id), left.current);
    return () => {
      window.clearTimeout(timer);
      left.current = Math.max(1_000, left.current - (Date.now() - startedAt));
    };
  }, [id, stays, hovered, focused]);

  useEffect(() => () => forget(id), [id]);

  /** Closing a card that held focus puts focus back where it came from. */
  const close = (after?: () => void) => {
    const hadFocus = card.current?.contains(document.activeElement) ?? false;
    const pinned = reachable.find((entry) => entry.id === id)?.pinned;
    const back = pinned?.isConnected ? rememberFocus(pinned) : memory;
    forget(id);
    toast.dismiss(id);
    after?.();
    if (hadFocus) returnFocus(back);
  };

  return (
    <div
      ref={card}
      data-toast-card={String(id)}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
      className="flex w-[var(--width,356px)] max-w-full items-start gap-2.5 rounded-lg border border-border bg-surface p-3.5 text-[13px] text-fg shadow-lg"
    >
      <span className="mt-0.5">
        <OutcomeIcon tone={tone} />
      </span>
      <div className="min-w-0 flex-1">
        <p className="font-medium">{title}</p>
        {description ? <div className="mt-0.5 text-muted">{description}</div> : null}
        {action || requestId ? (
          <div className="mt-2 flex flex-wrap items-center gap-2">
            {action ? (
              <Button size="sm" variant="primary" onClick={() => close(action.onClick)}>
                {action.label}
              </Button>
            ) : null}
            {requestId ? <CopyButton value={requestId} label="Copy request id" showText className="border border-border-strong" /> : null}
          </div>
        ) : null}
      </div>
      <button
        type="button"
        aria-label="Dismiss notification"
        onClick={() => close(onClose)}
        className="-m-1 rounded p-1 text-muted hover:bg-surface-muted hover:text-fg"
      >
        <X aria-hidden className="size-4" />
      </button>
    </div>
  );
}

/** Shows (or replaces) one card; returns its id. */
export function showToast(content: ToastContent): string | number {
  // Where focus is now (or is being put back to) is where the card's buttons are reached from.
  const memory = rememberFocus(watchedFocus() ?? document.activeElement);
  const hasButton = Boolean(content.action || content.requestId);
  const id = toast.custom((toastId) => <ToastCard id={toastId} content={content} memory={memory} />, {
    ...(content.id !== undefined ? { id: content.id } : {}),
    // The card runs its own time, so hovering or focusing it can hold it.
    duration: Infinity,
  });
  if (hasButton) makeReachable(id, memory);
  else forget(id);
  return id;
}

export function dismissToast(id: string | number) {
  forget(id);
  toast.dismiss(id);
}
