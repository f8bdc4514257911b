/**
 * EMULATOR_STATE_FILE reading and writing. Writes go to a temp file in the same
 * directory, are fsynced, then renamed over the target: a kill -9 at any point
 * leaves either the old or the new file, never a torn one.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import type { StateData } from "./seed";

export interface PersistedState {
  version: 1;
  savedAt: string;
  clockOffsetMs: number;
  data: StateData;
}

export function readStateFile(path: string): PersistedState | null {
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<PersistedState>;
  if (parsed.version !== 1 || !parsed.data || !Array.isArray(parsed.data.partners)) {
    throw new Error(`${path} is not an emulator state file (version 1)`);
  }
  return {
    version: 1,
    savedAt: parsed.savedAt ?? new Date(0).toISOString(),
    clockOffsetMs: typeof parsed.clockOffsetMs === "number" ? parsed.clockOffsetMs : 0,
    data: parsed.data,
  };
}

export function writeStateFileAtomic(path: string, state: PersistedState): void {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, "w");
  try {
    writeSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}
