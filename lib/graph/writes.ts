import "server-only";
/**
 * Sends one write and settles it through the outcome model (lib/writes). The
 * write is resent only after answers that prove "not done" (429/503, inside
 * graphRequest); a lost answer, a 504 or a 409 on create is settled by reading
 * what exists now, never by sending the write again.
 */
import type { SyncPolicy } from "@/lib/models";
import { classifyWriteStatus, RESEND_STATUSES, toWriteOutcome, type Observed, type WriteKind, type WriteOutcome } from "@/lib/writes/outcome";
import type { Result } from "@/lib/result";
import { sendGraphRequest, type GraphMethod, type GraphOptions } from "./client";

export interface WriteSpec {
  write: Exclude<WriteKind, "restore-sync-policy">;
  tenantId: string;
  method: GraphMethod;
  path: string;
  body?: unknown;
  /** Reads whether the state the write asked for holds now. */
  observe: () => Promise<Observed>;
  /** After a 2xx: what to show (Graph's PUT/PATCH answer 204 without a body). */
  readBack?: () => Promise<SyncPolicy | null>;
}

export async function runWrite(token: string, spec: WriteSpec, options?: GraphOptions): Promise<WriteOutcome> {
  const { result, attempts } = await sendGraphRequest(
    { token, method: spec.method, path: spec.path, body: spec.body, retryStatuses: RESEND_STATUSES },
    options,
  );
  const base = { write: spec.write, tenantId: spec.tenantId, attempts };
  if (result.ok) return toWriteOutcome({ ...base, status: result.data.status, policy: spec.readBack ? await spec.readBack() : null, error: null });
  const status = result.error.status;
  const step = classifyWriteStatus(spec.write, status);
  const observed = step.next === "check" ? await spec.observe() : undefined;
  return toWriteOutcome({ ...base, status, policy: null, error: result.error, observed });
}

/** Reads a resource and says whether its presence (or absence) is what the write asked for. */
export async function observePresence<T>(read: () => Promise<Result<T | null>>, wantPresent: boolean, policyOf?: (value: T) => SyncPolicy | null): Promise<Observed> {
  const current = await read();
  if (!current.ok) return { kind: "unreadable", error: current.error };
  const present = current.data !== null;
  const policy = current.data !== null && policyOf ? policyOf(current.data) : null;
  return { kind: present === wantPresent ? "reached" : "not-reached", policy };
}
