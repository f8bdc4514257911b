"use server";
import "server-only";
import { z } from "zod";
import type { Partner } from "@/lib/core/models";
import { ok, type Result, type Streamed } from "@/lib/core/result";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { PARTNER_STEPS, SYNC_POLICY_STEPS } from "@/lib/snapshots/plan";
import { getAccessPolicyRoot as getRootInGraph, type AccessPolicyRoot } from "@/lib/graph/default-policy";
import { listPartnerConfigurations as listInGraph } from "@/lib/graph/partners";
import { mapWithConcurrency } from "@/lib/graph/batch";
import { putBackPartner } from "@/lib/graph/snapshot-writes";
import { actionArguments, displayNameSchema, flagSchema, tenantIdSchema, tokenSchema } from "./validate";
import { failIfAllUnauthorized, WRITE_GRAPH_OPTIONS } from "./outcomes";

/** Rows one put-back call takes; a larger selection goes in consecutive calls. */
const MAX_ROWS_PER_CALL = 50;
/** Partners put back at once: each is a short sequence of single requests. */
const ROW_CONCURRENCY = 4;

const tokenArgs = actionArguments({ token: tokenSchema });

const rowSchema = z
  .strictObject(
    {
      tenantId: tenantIdSchema,
      partner: z.enum(PARTNER_STEPS, { error: "is not a known partner step" }),
      syncPolicy: z.enum(SYNC_POLICY_STEPS, { error: "is not a known sync policy step" }),
      policyName: displayNameSchema.nullable(),
      userSyncAllowed: flagSchema.nullable(),
      groupSyncAllowed: flagSchema.nullable(),
      inboundRedemption: flagSchema.nullable(),
      outboundRedemption: flagSchema.nullable(),
    },
    { error: "must be a put-back row" },
  )
  .refine((row) => row.syncPolicy !== "update" || row.userSyncAllowed !== null || row.groupSyncAllowed !== null, { error: "must say which sync setting to set" });

const putBackArgs = actionArguments({
  token: tokenSchema,
  rows: z
    .array(rowSchema, { error: "must be a list of put-back rows" })
    .min(1, { error: "must hold at least one row" })
    .max(MAX_ROWS_PER_CALL, { error: `must hold at most ${MAX_ROWS_PER_CALL} rows` }),
});

/** Every partner configuration whole, with its whole sync policy: the snapshot's list, streamed page by page like every list read. */
export async function listPartnerConfigurations(...sent: [token: string]): Promise<Result<Streamed<Partner[]>>> {
  const args = tokenArgs(sent);
  if (!args.ok) return args;
  return ok({ parts: listInGraph(args.data.token) });
}

export async function getAccessPolicyRoot(...sent: [token: string]): Promise<Result<AccessPolicyRoot>> {
  const args = tokenArgs(sent);
  if (!args.ok) return args;
  return getRootInGraph(args.data.token);
}

export type PutBackRowArgument = z.input<typeof rowSchema>;

/** Puts partners back as a snapshot has them: one outcome per row, in the order sent. */
export async function putBackSnapshotRows(...sent: [token: string, rows: PutBackRowArgument[]]): Promise<Result<WriteOutcome[]>> {
  const args = putBackArgs(sent);
  if (!args.ok) return args;
  const { token, rows } = args.data;
  const seen = new Set<string>();
  const unique = rows.filter((row) => !seen.has(row.tenantId) && seen.add(row.tenantId));
  const outcomes = await mapWithConcurrency(unique, ROW_CONCURRENCY, (row) => putBackPartner(token, row, WRITE_GRAPH_OPTIONS));
  return failIfAllUnauthorized(outcomes, outcomes);
}
