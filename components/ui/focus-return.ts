/**
 * Where keyboard focus goes once a dialog or a notification that took it is
 * gone: back to the control that opened it, or, when that control is gone too
 * (its row was deleted, its section now shows something else), to the next
 * control where it stood. The page keeps changing after a dialog closes (the
 * optimistic edit removes a row a moment later, a button waits disabled while
 * its write runs), so the place is watched until the admin moves focus
 * themselves or FOCUS_WATCH_MS passes. DOM only: no data, no React.
 */

const TABBABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
/** How long focus is kept from falling back to the top of the page after a dialog closed. */
export const FOCUS_WATCH_MS = 30_000;

export interface FocusMemory {
  opener: HTMLElement;
  /** The opener's ancestors, nearest first: where its next control is looked for once it is gone. */
  ancestors: HTMLElement[];
  /** The controls before the opener when it was remembered: the next control is none of these. */
  before: ReadonlySet<Element>;
}

function hidden(element: Element): boolean {
  return element.closest("[inert], [aria-hidden='true']") !== null;
}

function canTakeFocus(element: Element | null): boolean {
  if (!(element instanceof HTMLElement) || !element.isConnected) return false;
  if ("disabled" in element && element.disabled === true) return false;
  if (element.tabIndex < 0 || hidden(element)) return false;
  return element.getClientRects().length > 0;
}

/** Remembers the element that has focus now (the control opening a dialog), or null when none does. */
export function rememberFocus(element: Element | null = typeof document === "undefined" ? null : document.activeElement): FocusMemory | null {
  if (!(element instanceof HTMLElement) || element === document.body) return null;
  const ancestors: HTMLElement[] = [];
  for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) ancestors.push(node);
  const before = new Set<Element>();
  for (const control of document.querySelectorAll(TABBABLE)) {
    if (control === element) break;
    before.add(control);
  }
  return { opener: element, ancestors, before };
}

/** Where focus goes and how far from the opener: 0 the opener itself, n its n-th ancestor, Infinity the main region. */
interface Place {
  target: HTMLElement | null;
  distance: number;
}

/** What holds focus while the opener waits: its row, list item, section or group, read out with what it now says ("Restore sent"). */
const WAITING_PLACE = "tr, li, section, [role='region'], [role='group'], fieldset, form";
const STAND_IN = "data-focus-stand-in";

/**
 * Where focus waits while the opener is on the page but cannot take it (disabled while its write
 * is on its way): the opener's row or section, made focusable for as long as it holds focus, so
 * focus is never on the page itself, and Tab goes on from where the admin was. Null while the page
 * is still hidden behind the closing dialog.
 */
function waitingPlace(opener: HTMLElement): HTMLElement | null {
  if (hidden(opener)) return null;
  const holder = opener.parentElement?.closest<HTMLElement>(WAITING_PLACE) ?? document.getElementById("main");
  return holder && !hidden(holder) ? holder : null;
}

/** Lets an element that is no control (a row, a section, the main region) hold focus, for as long as it does. */
function holdFocus(element: HTMLElement): void {
  if (element.tabIndex >= 0 || element.hasAttribute("tabindex")) return;
  element.setAttribute("tabindex", "-1");
  element.setAttribute(STAND_IN, "");
  element.addEventListener(
    "blur",
    () => {
      element.removeAttribute("tabindex");
      element.removeAttribute(STAND_IN);
    },
    { once: true },
  );
}

/**
 * The control focus belongs on: the opener while it can take focus; its row or
 * section while it is still on the page but waits (disabled during its write);
 * else the first control after its old place in its nearest surviving ancestor,
 * else the last one before it, else the page's main region.
 */
function findPlace(memory: FocusMemory): Place {
  if (canTakeFocus(memory.opener)) return { target: memory.opener, distance: 0 };
  if (memory.opener.isConnected && memory.opener.getClientRects().length > 0) return { target: waitingPlace(memory.opener), distance: 0 };
  for (const [index, ancestor] of memory.ancestors.entries()) {
    if (!ancestor.isConnected) continue;
    // Measured lazily (canTakeFocus lays out): the first that is new and can take focus, else the last that can.
    const controls = [...ancestor.querySelectorAll<HTMLElement>(TABBABLE)];
    const next = controls.find((control) => !memory.before.has(control) && canTakeFocus(control)) ?? controls.findLast(canTakeFocus);
    if (next) return { target: next, distance: index + 1 };
  }
  return { target: document.getElementById("main"), distance: Infinity };
}

export function focusPlace(memory: FocusMemory): HTMLElement | null {
  return findPlace(memory).target;
}

/** The control after `element` in Tab order, skipping anything inside `outside` (a notification area); null at the end. */
export function nextControlAfter(element: Element, outside?: string): HTMLElement | null {
  let passed = false;
  for (const control of document.querySelectorAll<HTMLElement>(TABBABLE)) {
    if (control === element) {
      passed = true;
      continue;
    }
    if (!passed || !canTakeFocus(control) || (outside && control.closest(outside))) continue;
    return control;
  }
  return null;
}

let stopWatching: (() => void) | null = null;
let placed: HTMLElement | null = null;

/** Where focus was put back last, while it is still being watched over; null otherwise. */
export function watchedFocus(): HTMLElement | null {
  return stopWatching ? placed : null;
}

/** Where focus was put back last, watched or not, while it is on the page. */
export function lastPlacedFocus(): HTMLElement | null {
  return placed?.isConnected ? placed : null;
}

/**
 * Puts focus back (see focusPlace) and keeps it there while the page settles:
 * whenever focus falls to the page itself, it goes to the place again; and when
 * it stands on a stand-in (the opener was gone) and the opener's own section
 * then offers a control of its own (a section re-drawn after a delete shows
 * "Restore"), it moves there. Stops once the admin moves focus or clicks
 * elsewhere, or after FOCUS_WATCH_MS.
 */
export function returnFocus(memory: FocusMemory | null, watchMs = FOCUS_WATCH_MS): void {
  stopWatching?.();
  if (!memory || typeof document === "undefined") return;
  let frame = 0;
  let distance = Infinity;
  const place = (found = findPlace(memory)) => {
    const { target } = found;
    if (!target) return;
    placed = target;
    distance = found.distance;
    holdFocus(target);
    target.focus();
  };
  const check = () => {
    frame = 0;
    const active = document.activeElement;
    const lost = active === null || active === document.body || !active.isConnected;
    if (!lost && active !== placed) return stop();
    if (!lost && canTakeFocus(active)) {
      if (distance === 0) return;
      // On a stand-in: a nearer control, or the first one of the same section now drawn before it, takes over.
      const better = findPlace(memory);
      const earlier = better.target !== null && active.compareDocumentPosition(better.target) & Node.DOCUMENT_POSITION_PRECEDING;
      if (better.target && better.target !== active && (better.distance < distance || (better.distance === distance && earlier))) place(better);
      return;
    }
    place();
  };
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(check);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled", "hidden", "class"] });
  const onFocusIn = (event: FocusEvent) => {
    if (event.target !== placed) stop();
  };
  const timer = window.setTimeout(() => stop(), watchMs);
  function stop() {
    if (frame !== 0) cancelAnimationFrame(frame);
    observer.disconnect();
    document.removeEventListener("focusin", onFocusIn, true);
    document.removeEventListener("pointerdown", stop, true);
    window.clearTimeout(timer);
    if (stopWatching === stop) stopWatching = null;
  }
  stopWatching = stop;
  placed = null;
  place();
  document.addEventListener("focusin", onFocusIn, true);
  document.addEventListener("pointerdown", stop, true);
}
