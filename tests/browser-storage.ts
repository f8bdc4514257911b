/** sessionStorage and localStorage for unit tests running under Node: stub `window` with `browserStorage()`. */
export class MemoryStorage implements Storage {
  private readonly data = new Map<string, string>();

  get length(): number {
    return this.data.size;
  }

  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.data.set(key, String(value));
  }

  removeItem(key: string): void {
    this.data.delete(key);
  }

  clear(): void {
    this.data.clear();
  }

  keys(): string[] {
    return [...this.data.keys()];
  }
}

export function browserStorage() {
  return { sessionStorage: new MemoryStorage(), localStorage: new MemoryStorage() };
}
