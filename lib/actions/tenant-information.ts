"use server";
import "server-only";
import type { DefaultPolicy, TenantInformation } from "@/lib/core/models";
import { ok, type Result, type Streamed } from "@/lib/core/result";
import { getDefaultPolicy as getDefaultInGraph } from "@/lib/graph/default-policy";
import { findTenantByDomain as findByDomainInGraph, findTenantInformationInBatches as findInGraph, type TenantLookup } from "@/lib/graph/tenant-information";
import { actionArguments, domainSchema, tenantIdsSchema, tokenSchema } from "./validate";

const lookupArgs = actionArguments({
  token: tokenSchema,
  tenantIds: tenantIdsSchema.min(1, { error: "must name at least one tenant" }),
});
const domainArgs = actionArguments({ token: tokenSchema, domain: domainSchema });
const tokenArgs = actionArguments({ token: tokenSchema });

/** Who each tenant is: one call for up to 500 tenants, each $batch answer streamed as it comes. */
export async function findTenantInformation(...sent: [token: string, tenantIds: string[]]): Promise<Result<Streamed<TenantLookup>>> {
  const args = lookupArgs(sent);
  if (!args.ok) return args;
  return ok({ parts: findInGraph(args.data.token, args.data.tenantIds) });
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
