"use client";

/**
 * The write engine's cache half: the one optimistic lifecycle (graphWriteOptions)
 * every write declaration (GraphWrite) runs through, the targets on the wire, and
 * large selections sent in consecutive calls.
 */
import { useMutation, useQueryClient, type MutationOptions, type QueryClient } from "@tanstack/react-query";
import { SignInRequiredError, useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import { rememberDenial } from "@/lib/auth/permission-denials";
import type { SyncPolicy } from "@/lib/core/models";
import type { Result } from "@/lib/core/result";
import { checkingOutcome, foundAfterLostAnswer, isSettledOutcome, MAX_TENANT_IDS_PER_CALL, type WriteKind, type WriteOutcome } from "@/lib/writes/outcome";
import { callGraphAction, GraphActionError, toAppError } from "./graph-action";
import { graphKeys } from "./keys";
import { editWithUndo, resumeCancelledReads } from "./write-cache";
import { markChecking, rereadUntilAnswered, useCheckingIds } from "./write-checks";

/**
 * A write Graph refused with 403 is the session's permission hint when the ID
 * token carries none (reads are not: a read's 403 says nothing about writing).
 */
export function rememberWriteDenial(outcomes: readonly WriteOutcome[]): void {
  const refused = outcomes.find((outcome) => outcome.kind === "forbidden" && outcome.error);
  if (refused?.error) rememberDenial(refused.error);
}

/** An action call that reached the server but got no answer back (network, server crash): its effect is unknown. */
export function isActionAnswerLost(error: unknown): boolean {
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

/** Ids of a later call that never got an answer: failed when the server refused, checking (the lifecycle reads Graph) when the answer was lost. */
function unanswered(write: WriteKind, ids: string[], error: unknown): WriteOutcome[] {
  if (!(error instanceof GraphActionError)) return ids.map((tenantId) => checkingOutcome(write, tenantId, toAppError(error)));
  return ids.map((tenantId) => ({ write, tenantId, kind: "failed", policy: null, error: error.appError, attempts: 0, retrySafe: null }));
}

/**
 * Sends a write over many tenant ids in consecutive action calls of at most
 * MAX_TENANT_IDS_PER_CALL. If the first call fails the error is thrown; a later
 * failure keeps what earlier calls did and marks the rest (for a declaration with a `check`).
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

/** What a read of Graph shows for one row of a write whose answer was lost. */
export interface Found {
  reached: boolean;
  /** The live policy the read found, when the write is about one. */
  policy?: SyncPolicy | null;
}

/**
 * How a write's rows are checked after the dashboard's server lost its answer: which write the
 * page shows as "Checking…", over which rows, and one read of Graph (it throws when it fails;
 * it is tried again until it answers) that says, for each row, whether the write is there.
 */
export interface WriteCheck<TArgs> {
  write: WriteKind;
  tenantIds: (args: TArgs) => string[];
  read: (queryClient: QueryClient, accountId: string, getToken: GetGraphToken, args: TArgs) => Promise<(tenantId: string) => Found>;
}

/** A write as the browser declares it: what it targets, its optimistic cache edit, how it is sent, and how its outcomes land in the caches. */
export interface GraphWrite<TArgs> {
  /** What the write targets, e.g. "sync-policy:<tenant id>": a target already on the wire is not sent again. */
  targets: (args: TArgs) => string[];
  /**
   * Writes over many rows send the rows whose targets were free and leave the
   * others to the write already on the wire; without this a busy target refuses the whole write.
   */
  narrow?: (args: TArgs, claimedTargets: string[]) => TArgs;
  /** Before anything else (restores fence reads that started before them). */
  begin?: (queryClient: QueryClient, accountId: string, args: TArgs) => void;
  /** The call failed as a whole: undo what `begin` set up. */
  abandon?: (queryClient: QueryClient, accountId: string, args: TArgs) => void;
  optimistic?: (queryClient: QueryClient, accountId: string, args: TArgs) => void;
  /** One action call with a fresh token, or (`sendInChunks`) several for a large selection. */
  send: (getToken: GetGraphToken, args: TArgs) => Promise<WriteOutcome[]>;
  /** After a lost answer: rows shown as checking until a read of Graph says; without it the views are re-read until they answer. */
  check?: WriteCheck<TArgs>;
  /** Brings the caches in line with what Graph answered; `rollback` puts the optimistic edit back. */
  apply?: (queryClient: QueryClient, accountId: string, outcomes: WriteOutcome[], args: TArgs, rollback: () => void) => void;
}

/** One action call with a fresh token (one silent renewal on 401); its outcome or outcomes as a list. */
export function callWrite(getToken: GetGraphToken, action: (token: string) => Promise<Result<WriteOutcome | WriteOutcome[]>>): Promise<WriteOutcome[]> {
  return callGraphAction(getToken, action).then((data) => (Array.isArray(data) ? data : [data]));
}

/** By default the optimistic edit stays only when every outcome is done or already done. */
function keepWhenSettled(_queryClient: QueryClient, _accountId: string, outcomes: WriteOutcome[], _args: unknown, rollback: () => void): void {
  if (!outcomes.every(isSettledOutcome)) rollback();
}

/**
 * Sends a declaration's write; when the server's answer is lost, its rows are checked: marked
 * checking (the page says so) and settled by a read of Graph, tried again until it answers. The
 * write is never sent again here, and its targets stay claimed until Graph has said.
 */
async function sendAndCheck<TArgs>(queryClient: QueryClient, accountId: string, getToken: GetGraphToken, write: GraphWrite<TArgs>, args: TArgs): Promise<WriteOutcome[]> {
  const check = write.check;
  let outcomes: WriteOutcome[];
  try {
    outcomes = await write.send(getToken, args);
  } catch (error) {
    if (!check || !isActionAnswerLost(error)) throw error;
    const lost = toAppError(error);
    outcomes = check.tenantIds(args).map((tenantId) => checkingOutcome(check.write, tenantId, lost));
  }
  const checking = outcomes.filter((outcome) => outcome.kind === "checking");
  if (checking.length === 0) return outcomes;
  if (!check) return outcomes.map((outcome) => (outcome.kind === "checking" ? { ...outcome, kind: "unknown" as const } : outcome));
  const known = markChecking(queryClient, accountId, check.write, checking.map((outcome) => outcome.tenantId));
  try {
    const found = await rereadUntilAnswered(() => check.read(queryClient, accountId, getToken, args));
    return outcomes.map((outcome) => {
      if (outcome.kind !== "checking") return outcome;
      const seen = found(outcome.tenantId);
      return foundAfterLostAnswer(outcome.write, outcome.tenantId, seen.reached, outcome.error, seen.policy ?? null);
    });
  } finally {
    known();
  }
}

/**
 * The one optimistic lifecycle every write runs: the targets claimed (a second
 * click never sends a second request), the account's reads cancelled so none
 * overwrites the edit, the optimistic edit, the call, the outcomes applied, and
 * the edit put back when Graph refused. When the answer is lost nothing is
 * guessed and nothing put back: rows are checked (`check`) or the views re-read,
 * until a read of Graph answers; the write is never resent.
 */
export function graphWriteOptions<TArgs>(
  queryClient: QueryClient,
  accountId: string,
  getToken: GetGraphToken,
  write: GraphWrite<TArgs>,
): MutationOptions<WriteOutcome[], Error, TArgs, { rollback: () => void }> {
  const apply = write.apply ?? keepWhenSettled;
  return {
    onMutate: async (args) => {
      write.begin?.(queryClient, accountId, args);
      await queryClient.cancelQueries({ queryKey: graphKeys.account(accountId) });
      const rollback = editWithUndo(queryClient, accountId, () => write.optimistic?.(queryClient, accountId, args));
      return { rollback };
    },
    mutationFn: async (args) => {
      const targets = write.targets(args);
      const claimed = claimTargets(targets);
      if (claimed.length < targets.length && !(write.narrow && claimed.length > 0)) {
        releaseTargets(claimed);
        if (write.narrow) return [];
        throw new WriteInFlightError();
      }
      try {
        return await sendAndCheck(queryClient, accountId, getToken, write, claimed.length < targets.length && write.narrow ? write.narrow(args, claimed) : args);
      } finally {
        releaseTargets(claimed);
      }
    },
    onSuccess: (outcomes, args, context) => {
      rememberWriteDenial(outcomes);
      // After a check the caches hold a read of Graph newer than the edit: there is nothing to put back.
      const reread = outcomes.some((outcome) => outcome.answerLost);
      apply(queryClient, accountId, outcomes, args, reread ? () => {} : (context?.rollback ?? (() => {})));
      void queryClient.invalidateQueries({ queryKey: graphKeys.account(accountId), refetchType: "none" });
    },
    onError: async (error, args, context) => {
      if (error instanceof WriteInFlightError) return;
      write.abandon?.(queryClient, accountId, args);
      if (!isActionAnswerLost(error)) {
        context?.rollback();
        return;
      }
      // Unknown is not undone: the views are re-read until Graph answers, and they show what it holds.
      await rereadUntilAnswered(() => queryClient.refetchQueries({ queryKey: graphKeys.account(accountId), type: "active" }, { throwOnError: true }));
      void queryClient.invalidateQueries({ queryKey: graphKeys.account(accountId), refetchType: "none" });
    },
    onSettled: () => resumeCancelledReads(queryClient, accountId),
  };
}

/** The write's mutation, and `checking`: its answer was lost and a read of Graph is on its way to say what happened. */
export function useGraphWrite<TArgs>(write: GraphWrite<TArgs>) {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  const mutation = useMutation(graphWriteOptions(queryClient, accountId, getToken, write));
  const checkingIds = useCheckingIds(write.check?.write ?? null);
  const sent = mutation.isPending ? mutation.variables : undefined;
  const checking = sent !== undefined && !!write.check && write.check.tenantIds(sent).some((tenantId) => checkingIds.has(tenantId.toLowerCase()));
  return { ...mutation, checking };
}
