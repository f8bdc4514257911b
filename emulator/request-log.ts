/**
 * How many top-level Graph requests the emulator has answered, by method and path
 * (no query): lets a test tell how far a client has read a paged list without timing it.
 */
export class RequestLog {
  private readonly counts = new Map<string, number>();

  record(method: string, path: string): void {
    const key = `${method.toUpperCase()} ${path}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  describe(): { answered: Record<string, number> } {
    return { answered: Object.fromEntries(this.counts) };
  }

  clear(): void {
    this.counts.clear();
  }
}
