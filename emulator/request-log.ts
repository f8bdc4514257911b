/**
 * How many top-level Graph requests the emulator has answered, by method and path
 * (no query), and the latest answers with their status and time: lets a test tell
 * how far a client has read a paged list, or how long it waited before resending,
 * without timing the client.
 */
export interface AnsweredRequest {
  method: string;
  path: string;
  status: number;
  /** Wall-clock epoch ms when the answer was sent. */
  at: number;
}

/** Bounded, so a long demo does not grow the log without end. */
const KEEP_LATEST = 2_000;

export class RequestLog {
  private readonly counts = new Map<string, number>();
  private latest: AnsweredRequest[] = [];

  record(method: string, path: string, status: number): void {
    const upper = method.toUpperCase();
    const key = `${upper} ${path}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.latest.push({ method: upper, path, status, at: Date.now() });
    if (this.latest.length > KEEP_LATEST) this.latest = this.latest.slice(-KEEP_LATEST);
  }

  describe(): { answered: Record<string, number>; latest: AnsweredRequest[] } {
    return { answered: Object.fromEntries(this.counts), latest: [...this.latest] };
  }

  clear(): void {
    this.counts.clear();
    this.latest = [];
  }
}
