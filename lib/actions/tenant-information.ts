"use server";
import "server-only";
import type { DefaultPolicy, TenantInformation } from "@/lib/models";
import type { Result } from "@/lib/result";
import { getDefaultPolicy as getDefaultInGraph } from "@/lib/graph/default-policy";
import { MAX_BATCH_SIZE } from "@/lib/graph/batch";
import { findTenantByDomain as findByDomainInGraph, findTenantInformation as findInGraph, type TenantLookup } from "@/lib/graph/tenant-information";
import { actionArguments, domainSchema, tenantIdsSchema, tokenSchema } from "./validate";

const lookupArgs = actionArguments({
  token: tokenSchema,
  tenantIds: tenantIdsSchema.min(1, { error: "must name at least one tenant" }).max(MAX_BATCH_SIZE, { error: `must hold at most ${MAX_BATCH_SIZE} tenant ids` }),
});
const domainArgs = actionArguments({ token: tokenSchema, domain: domainSchema });
const tokenArgs = actionArguments({ token: tokenSchema });

/** One $batch: at most 20 tenants per call, so a screenful of names arrives first. */
export async function findTenantInformation(...sent: [token: string, tenantIds: string[]]): Promise<Result<TenantLookup>> {
  const args = lookupArgs(sent);
  if (!args.ok) return args;
  return findInGraph(args.data.token, args.data.tenantIds);
}

export async function findTenantByDomain(...sent: [token: string, domain: string]): Promise<Result<TenantInformation | null>> {
  const args = domainArgs(sent);
  if (!args.ok) return args;
  return findByDomainInGraph(args.data.token, args.data.domain);
}

export async function getDefaultPolicy(...sent: [token: string]): Promise<Result<DefaultPolicy>> {
  const args = tokenArgs(sent);
  if (!args.ok) return args;
  return getDefaultInGraph(args.data.token);
}
