/**
 * Entra's reports API allows about 5 requests per 10 s per app and tenant. Every
 * audit and provisioning log request in this tab takes a slot here first, so no view ever sends more;
 * a 429 closes the budget for its Retry-After.
 */
export const AUDIT_REQUESTS_PER_WINDOW = 5;
export const AUDIT_WINDOW_MS = 10_000;

export interface RequestBudgetOptions {
  limit?: number;
  windowMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class RequestBudget {
  private readonly sent: number[] = [];
  private closedUntil = 0;
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: RequestBudgetOptions = {}) {
    this.limit = options.limit ?? AUDIT_REQUESTS_PER_WINDOW;
    this.windowMs = options.windowMs ?? AUDIT_WINDOW_MS;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** How long the next request would wait, in ms. */
  waitMs(): number {
    const now = this.now();
    while (this.sent.length > 0 && this.sent[0]! <= now - this.windowMs) this.sent.shift();
    const forWindow = this.sent.length >= this.limit ? this.sent[0]! + this.windowMs - now : 0;
    return Math.max(0, forWindow, this.closedUntil - now);
  }

  /** Resolves when a request may go out, and counts it. */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new Error("aborted");
      const wait = this.waitMs();
      if (wait === 0) {
        this.sent.push(this.now());
        return;
      }
      await this.sleep(wait);
    }
  }

  /**
   * Waits for one slot, then takes as many more as are free now, up to `max`: a streamed read of
   * several pages takes one slot per page it may request. Resolves with the number taken.
   */
  async takeUpTo(max: number, signal?: AbortSignal): Promise<number> {
    await this.take(signal);
    let taken = 1;
    while (taken < max && this.waitMs() === 0) {
      this.sent.push(this.now());
      taken += 1;
    }
    return taken;
  }

  /** Graph said 429: nothing goes out before Retry-After has passed. */
  closeFor(seconds: number): void {
    this.closedUntil = Math.max(this.closedUntil, this.now() + seconds * 1000);
  }
}

/** One budget per tab, shared by every view of the reports API (the audit log and the provisioning log). */
export const auditBudget = new RequestBudget();
