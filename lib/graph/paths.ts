import "server-only";
import type { RestoreRoute } from "@/lib/writes/outcome";

// Paths are relative to the version root, usable both by graphRequest and inside $batch.
const id = (tenantId: string) => encodeURIComponent(tenantId);

export const PARTNERS_PATH = "/policies/crossTenantAccessPolicy/partners";
export const DELETED_SYNC_POLICIES_PATH = "/policies/deletedItems/crossTenantSyncPolicyPartners";

export const partnerPath = (tenantId: string) => `${PARTNERS_PATH}/${id(tenantId)}`;
export const syncPolicyPath = (tenantId: string) => `${partnerPath(tenantId)}/identitySynchronization`;
export const deletedSyncPolicyPath = (tenantId: string) => `${DELETED_SYNC_POLICIES_PATH}/${id(tenantId)}`;

export function restorePath(tenantId: string, route: RestoreRoute): string {
  return route === "partner" ? `${syncPolicyPath(tenantId)}/restore` : `${deletedSyncPolicyPath(tenantId)}/restore`;
}

export const POLICY_ROOT_PATH = "/policies/crossTenantAccessPolicy";
export const DEFAULT_POLICY_PATH = `${POLICY_ROOT_PATH}/default`;
export const DELETED_PARTNERS_PATH = "/policies/deletedItems/crossTenantPartners";
export const deletedPartnerPath = (tenantId: string) => `${DELETED_PARTNERS_PATH}/${id(tenantId)}`;
export const restoreDeletedPartnerPath = (tenantId: string) => `${deletedPartnerPath(tenantId)}/restore`;

// OData function parameters are single-quoted string literals: a quote inside is doubled.
const literal = (value: string) => encodeURIComponent(value.replace(/'/g, "''"));
export const tenantInformationByIdPath = (tenantId: string) => `/tenantRelationships/findTenantInformationByTenantId(tenantId='${literal(tenantId)}')`;
export const tenantInformationByDomainPath = (domain: string) => `/tenantRelationships/findTenantInformationByDomainName(domainName='${literal(domain)}')`;
