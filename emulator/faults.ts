/**
 * Fault injection for Graph requests: fixed latency, random 429/503 rates and
 * "fail the next N requests matching a path" rules. Consulted once per
 * top-level Graph request and once per $batch item.
 */

export interface FaultSettings {
  latencyMs: number;
  throttleRate: number;
  unavailableRate: number;
  retryAfterSeconds: number;
}

export interface FailNextRule {
  path: string;
  status: number;
  method: string | null;
  remaining: number;
  retryAfterSeconds: number | null;
}

export interface InjectedFault {
  status: number;
  retryAfterSeconds: number | null;
}

/** Accepted range of each setting, from the environment and the control API alike. */
export const FAULT_LIMITS: Record<keyof FaultSettings, { min: number; max: number; integer: boolean }> = {
  latencyMs: { min: 0, max: 600_000, integer: false },
  throttleRate: { min: 0, max: 1, integer: false },
  unavailableRate: { min: 0, max: 1, integer: false },
  retryAfterSeconds: { min: 0, max: 3600, integer: true },
};

const DEFAULT_FAULTS: FaultSettings = { latencyMs: 0, throttleRate: 0, unavailableRate: 0, retryAfterSeconds: 2 };

export class Faults {
  private settings: FaultSettings;
  private rules: FailNextRule[] = [];
  private readonly initial: FaultSettings;
  private readonly random: () => number;

  constructor(initial: Partial<FaultSettings> = {}, random: () => number = Math.random) {
    this.initial = { ...DEFAULT_FAULTS, ...initial };
    this.settings = { ...this.initial };
    this.random = random;
  }

  /** Replaceable so tests observe the injected latency without measuring time. */
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Holds a Graph request for the configured latency. */
  async applyLatency(): Promise<void> {
    if (this.settings.latencyMs > 0) await this.sleep(this.settings.latencyMs);
  }

  describe(): FaultSettings & { failNext: FailNextRule[] } {
    return { ...this.settings, failNext: this.rules.map((r) => ({ ...r })) };
  }

  update(patch: Partial<FaultSettings>): void {
    this.settings = { ...this.settings, ...patch };
  }

  /** DELETE /_emulator/faults: no faults at all, whatever the environment said at start. */
  clear(): void {
    this.settings = { ...DEFAULT_FAULTS };
    this.rules = [];
  }

  /** POST /_emulator/reset: back to what the environment asked for at start. */
  reset(): void {
    this.settings = { ...this.initial };
    this.rules = [];
  }

  failNext(rule: Omit<FailNextRule, "remaining"> & { count: number }): void {
    const { count, ...rest } = rule;
    this.rules.push({ ...rest, method: rest.method?.toUpperCase() ?? null, remaining: count });
  }

  /**
   * Decides the fate of one request. `paths` are the forms the request's path can be
   * matched in (a batch item's url is relative to the version root, so both
   * "/policies/..." and "/beta/policies/..." are offered).
   */
  pick(method: string, paths: readonly string[], options: { random: boolean } = { random: true }): InjectedFault | null {
    const upper = method.toUpperCase();
    const index = this.rules.findIndex(
      (r) => (r.method === null || r.method === upper) && paths.some((p) => p.includes(r.path)),
    );
    const rule = this.rules[index];
    if (rule) {
      rule.remaining--;
      if (rule.remaining <= 0) this.rules.splice(index, 1);
      return { status: rule.status, retryAfterSeconds: rule.retryAfterSeconds ?? this.settings.retryAfterSeconds };
    }
    const { throttleRate, unavailableRate, retryAfterSeconds } = this.settings;
    if (!options.random || (throttleRate <= 0 && unavailableRate <= 0)) return null;
    const roll = this.random();
    if (roll < throttleRate) return { status: 429, retryAfterSeconds };
    if (roll < throttleRate + unavailableRate) return { status: 503, retryAfterSeconds };
    return null;
  }
}
