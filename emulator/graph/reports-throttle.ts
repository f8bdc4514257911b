/**
 * Graph's reporting APIs (the audit log) allow about 5 requests per 10 seconds
 * per app and tenant. A sliding window per client id; only answered requests
 * count, so a caller that waits Retry-After is served.
 */

export const REPORTS_WINDOW_MS = 10_000;
export const DEFAULT_REPORTS_LIMIT = 5;

export class ReportsThrottle {
  private readonly seen = new Map<string, number[]>();
  readonly limit: number;

  /** A limit of 0 turns the throttle off. */
  constructor(limit = DEFAULT_REPORTS_LIMIT) {
    this.limit = limit;
  }

  /** Counts the request and returns null, or returns the seconds to wait. */
  admit(clientId: string, now: number): number | null {
    if (this.limit <= 0) return null;
    const recent = (this.seen.get(clientId) ?? []).filter((t) => t > now - REPORTS_WINDOW_MS);
    if (recent.length >= this.limit) {
      this.seen.set(clientId, recent);
      const oldest = recent[0] ?? now;
      return Math.max(1, Math.ceil((oldest + REPORTS_WINDOW_MS - now) / 1000));
    }
    recent.push(now);
    this.seen.set(clientId, recent);
    return null;
  }

  reset(): void {
    this.seen.clear();
  }
}
