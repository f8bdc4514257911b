"use client";

/**
 * The one mutation shape every write uses: an optimistic cache change, the
 * action called with a fresh token (one silent renewal on 401), the outcome
 * applied to the caches, and on a refusal the caches put back. When the answer
 * is lost the caches are re-read, never the write resent.
 */
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { SignInRequiredError, useGraphToken } from "@/lib/auth/use-graph-token";
import type { Result } from "@/lib/result";
import { callGraphAction, GraphActionError } from "./graph-action";
import { graphKeys } from "./keys";
import { snapshotCaches } from "./write-cache";

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

export interface GraphWrite<TArgs, TData> {
  /** What the write targets, e.g. "sync-policy:<tenant id>". */
  targets: (args: TArgs) => string[];
  run: (token: string, args: TArgs) => Promise<Result<TData>>;
  optimistic?: (queryClient: QueryClient, accountId: string, args: TArgs) => void;
  /** Brings the caches in line with what Graph answered; `rollback` puts the optimistic change back. */
  apply: (queryClient: QueryClient, accountId: string, data: TData, args: TArgs, rollback: () => void) => void;
}

export function useGraphWrite<TArgs, TData>(write: GraphWrite<TArgs, TData>) {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";

  return useMutation<TData, Error, TArgs, { rollback: () => void }>({
    onMutate: async (args) => {
      await queryClient.cancelQueries({ queryKey: graphKeys.account(accountId) });
      const rollback = snapshotCaches(queryClient, accountId);
      write.optimistic?.(queryClient, accountId, args);
      return { rollback };
    },
    mutationFn: async (args) => {
      const targets = write.targets(args);
      if (targets.some((target) => inFlight.has(target))) throw new WriteInFlightError();
      targets.forEach((target) => inFlight.add(target));
      try {
        return await callGraphAction(getToken, (token) => write.run(token, args));
      } finally {
        targets.forEach((target) => inFlight.delete(target));
      }
    },
    onSuccess: (data, args, context) => {
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
  });
}
