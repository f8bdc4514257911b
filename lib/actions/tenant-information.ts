"use server";
import "server-only";
import { z } from "zod";
import type { DefaultPolicy, TenantInformation } from "@/lib/models";
import type { Result } from "@/lib/result";
import { getDefaultPolicy as getDefaultInGraph } from "@/lib/graph/default-policy";
import { MAX_BATCH_SIZE } from "@/lib/graph/batch";
import { findTenantByDomain as findByDomainInGraph, findTenantInformation as findInGraph, type TenantLookup } from "@/lib/graph/tenant-information";
import { parseArgs, tenantIdSchema, tokenSchema } from "./validate";
import { domainSchema } from "./write-schemas";

/** One $batch: at most 20 tenants per call, so a screenful of names arrives first. */
export async function findTenantInformation(token: string, tenantIds: string[]): Promise<Result<TenantLookup>> {
  const args = parseArgs(
    z.object({ token: tokenSchema, tenantIds: z.array(tenantIdSchema, { error: "must be a list of tenant id GUIDs" }).min(1).max(MAX_BATCH_SIZE, { error: `must hold at most ${MAX_BATCH_SIZE} tenant ids` }) }),
    { token, tenantIds },
  );
  if (!args.ok) return args;
  return findInGraph(args.data.token, args.data.tenantIds);
}

export async function findTenantByDomain(token: string, domain: string): Promise<Result<TenantInformation | null>> {
  const args = parseArgs(z.object({ token: tokenSchema, domain: domainSchema }), { token, domain });
  if (!args.ok) return args;
  return findByDomainInGraph(args.data.token, args.data.domain);
}

export async function getDefaultPolicy(token: string): Promise<Result<DefaultPolicy>> {
  const args = parseArgs(z.object({ token: tokenSchema }), { token });
  if (!args.ok) return args;
  return getDefaultInGraph(args.data.token);
}
