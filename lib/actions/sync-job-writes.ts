"use server";
import "server-only";
import type { Result } from "@/lib/core/result";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { runJobAction } from "@/lib/graph/sync-job-writes";
import { actionArguments, fingerprintSchema, jobIdSchema, objectIdSchema, restartScopesSchema, tokenSchema } from "./validate";
import { failIfAllUnauthorized, WRITE_GRAPH_OPTIONS } from "./outcomes";

const stateArgs = actionArguments({ token: tokenSchema, servicePrincipalId: objectIdSchema, jobId: jobIdSchema, expected: fingerprintSchema });
const restartArgs = actionArguments({ token: tokenSchema, servicePrincipalId: objectIdSchema, jobId: jobIdSchema, expected: fingerprintSchema, scopes: restartScopesSchema });
const jobArgs = actionArguments({ token: tokenSchema, servicePrincipalId: objectIdSchema, jobId: jobIdSchema });
const provisionArgs = actionArguments({ token: tokenSchema, servicePrincipalId: objectIdSchema, jobId: jobIdSchema, userId: objectIdSchema });

export async function startSyncJob(...sent: [token: string, servicePrincipalId: string, jobId: string, expected: string]): Promise<Result<WriteOutcome[]>> {
  const args = stateArgs(sent);
  if (!args.ok) return args;
  const { token, ...target } = args.data;
  const outcomes = await runJobAction(token, "start", target, {}, WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized(outcomes, outcomes);
}

export async function pauseSyncJob(...sent: [token: string, servicePrincipalId: string, jobId: string, expected: string]): Promise<Result<WriteOutcome[]>> {
  const args = stateArgs(sent);
  if (!args.ok) return args;
  const { token, ...target } = args.data;
  const outcomes = await runJobAction(token, "pause", target, {}, WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized(outcomes, outcomes);
}

/** Restart with the documented resetScope flags; ForceDeletes applies the held deletions ("Allow deletes"). */
export async function restartSyncJob(...sent: [token: string, servicePrincipalId: string, jobId: string, expected: string, scopes: string[]]): Promise<Result<WriteOutcome[]>> {
  const args = restartArgs(sent);
  if (!args.ok) return args;
  const { token, scopes, ...target } = args.data;
  const outcomes = await runJobAction(token, "restart", target, { scopes }, WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized(outcomes, outcomes);
}

/** Test connection: validateCredentials with the saved credentials. */
export async function testSyncConnection(...sent: [token: string, servicePrincipalId: string, jobId: string]): Promise<Result<WriteOutcome[]>> {
  const args = jobArgs(sent);
  if (!args.ok) return args;
  const { token, ...rest } = args.data;
  const outcomes = await runJobAction(token, "test", { ...rest, expected: "" }, {}, WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized(outcomes, outcomes);
}

export async function provisionOnDemand(...sent: [token: string, servicePrincipalId: string, jobId: string, userId: string]): Promise<Result<WriteOutcome[]>> {
  const args = provisionArgs(sent);
  if (!args.ok) return args;
  const { token, userId, ...rest } = args.data;
  const outcomes = await runJobAction(token, "provision", { ...rest, expected: "" }, { userId }, WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized(outcomes, outcomes);
}
