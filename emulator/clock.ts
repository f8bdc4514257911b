/**
 * The emulator's injectable clock: real time plus an offset that the control API
 * moves forward, so tests can age tokens and deleted items without waiting.
 */

export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  get offset(): number {
    return this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  setOffset(ms: number): void {
    this.offsetMs = ms;
  }
}

export const DAY_MS = 24 * 60 * 60 * 1000;
