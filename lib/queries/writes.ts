"use client";

/**
 * The one mutation shape every write uses: an optimistic cache change, the
 * action called with a fresh token (one silent renewal on 401), the outcome
 * applied to the caches, and on a refusal the caches put back. When the answer
 * is lost the caches are re-read, never the write resent.
 */
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { SignInRequiredError, useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import { rememberDenial } from "@/lib/auth/permission-denials";
import type { Result } from "@/lib/result";
import { MAX_TENANT_IDS_PER_CALL, type WriteKind, type WriteOutcome } from "@/lib/writes/outcome";
import { callGraphAction, GraphActionError } from "./graph-action";
import { graphKeys } from "./keys";
import { editWithUndo, resumeCancelledReads } from "./write-cache";

const isOutcome = (value: unknown): value is WriteOutcome => typeof value === "object" && value !== null && "write" in value && "kind" in value;

/**
 * A write Graph refused with 403 is the session's permission hint when the ID
 * token carries none (reads are not: a read's 403 says nothing about writing).
 */
export function rememberWriteDenial(data: unknown): void {
  const outcomes = Array.isArray(data) ? data : isOutcome(data) ? [data] : typeof data === "object" && data !== null ? Object.values(data) : [];
  const refused = outcomes.filter(isOutcome).find((outcome) => outcome.kind === "forbidden" && outcome.error);
  if (refused?.error) rememberDenial(refused.error);
}

/** The call reached the server but no answer came back: its effect is unknown. */
export function isAnswerLost(error: unknown): boolean {
  return !(error instanceof GraphActionError) && !(error instanceof SignInRequiredError);
}

export class WriteInFlightError extends Error {
  constructor() {
    super("This change is already on its way.");
    this.name = "WriteInFlightError";
  }
}

// Writes on the wire in this tab, by target: a second click never sends a second request.
const inFlight = new Set<string>();

/** What a write to a deleted sync policy targets: restore and purge of one policy never go out together. */
export const deletedSyncPolicyTarget = (tenantId: string) => `deleted-sync-policy:${tenantId.toLowerCase()}`;

/** Marks the targets not already on the wire as on it, and returns those; `releaseTargets` when done. */
export function claimTargets(targets: readonly string[]): string[] {
  const free = targets.filter((target) => !inFlight.has(target));
  free.forEach((target) => inFlight.add(target));
  return free;
}

export function releaseTargets(targets: readonly string[]): void {
  targets.forEach((target) => inFlight.delete(target));
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Ids of a later call that never got an answer: failed when the server refused, unknown when the answer was lost. */
function unanswered(write: WriteKind, ids: string[], error: unknown): WriteOutcome[] {
  const appError = error instanceof GraphActionError ? error.appError : null;
  return ids.map((tenantId) => ({ write, tenantId, kind: appError ? "failed" : "unknown", policy: null, error: appError, attempts: appError ? 0 : 1, retrySafe: null }));
}

/**
 * Sends a write over many tenant ids in consecutive action calls of at most
 * MAX_TENANT_IDS_PER_CALL. If the first call fails nothing was done and the
 * error is thrown; a later failure keeps what earlier calls did and marks the rest.
 */
export async function sendInChunks(
  getToken: GetGraphToken,
  write: WriteKind,
  tenantIds: readonly string[],
  call: (token: string, chunk: string[]) => Promise<Result<WriteOutcome[]>>,
): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  const chunks = chunked(tenantIds, MAX_TENANT_IDS_PER_CALL);
  for (const [index, chunk] of chunks.entries()) {
    try {
      outcomes.push(...(await callGraphAction(getToken, (token) => call(token, chunk))));
    } catch (error) {
      if (index === 0 || error instanceof SignInRequiredError) throw error;
      outcomes.push(...unanswered(write, chunks.slice(index).flat(), error));
      break;
    }
  }
  return outcomes;
}

export type GraphWrite<TArgs, TData> = {
  /** What the write targets, e.g. "sync-policy:<tenant id>". */
  targets: (args: TArgs) => string[];
  optimistic?: (queryClient: QueryClient, accountId: string, args: TArgs) => void;
  /** Brings the caches in line with what Graph answered; `rollback` puts the optimistic change back. */
  apply: (queryClient: QueryClient, accountId: string, data: TData, args: TArgs, rollback: () => void) => void;
} & (
  /** One action call with a fresh token. */
  | { run: (token: string, args: TArgs) => Promise<Result<TData>> }
  /** Several action calls, each with a fresh token (large selections). */
  | { send: (getToken: GetGraphToken, args: TArgs) => Promise<TData> }
);

export function useGraphWrite<TArgs, TData>(write: GraphWrite<TArgs, TData>) {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";

  return useMutation<TData, Error, TArgs, { rollback: () => void }>({
    onMutate: async (args) => {
      await queryClient.cancelQueries({ queryKey: graphKeys.account(accountId) });
      const rollback = editWithUndo(queryClient, accountId, () => write.optimistic?.(queryClient, accountId, args));
      return { rollback };
    },
    mutationFn: async (args) => {
      const targets = write.targets(args);
      const claimed = claimTargets(targets);
      if (claimed.length < targets.length) {
        releaseTargets(claimed);
        throw new WriteInFlightError();
      }
      try {
        if ("send" in write) return await write.send(getToken, args);
        const { run } = write;
        return await callGraphAction(getToken, (token) => run(token, args));
      } finally {
        releaseTargets(targets);
      }
    },
    onSuccess: (data, args, context) => {
      rememberWriteDenial(data);
      write.apply(queryClient, accountId, data, args, context?.rollback ?? (() => {}));
      void queryClient.invalidateQueries({ queryKey: graphKeys.account(accountId), refetchType: "none" });
    },
    onError: async (error, _args, context) => {
      if (error instanceof WriteInFlightError) return;
      if (!isAnswerLost(error)) {
        context?.rollback();
        return;
      }
      try {
        await queryClient.refetchQueries({ queryKey: graphKeys.account(accountId), type: "active" }, { throwOnError: true });
      } catch {
        context?.rollback();
      }
      void queryClient.invalidateQueries({ queryKey: graphKeys.account(accountId), refetchType: "none" });
    },
    onSettled: () => resumeCancelledReads(queryClient, accountId),
  });
}
