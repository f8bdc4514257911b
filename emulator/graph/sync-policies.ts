/**
 * crossTenantIdentitySyncPolicyPartner operations on the live policy under a
 * partner: GET/PUT/PATCH/DELETE.
 */
import { AUDITED_SYNC_PROPERTIES } from "../audit";
import { emptySyncPolicy, SYNC_POLICY_PROPERTIES, SYNC_TYPE, type SyncPolicyRecord } from "../model";
import { recordChange } from "./audit-trail";
import { graphError } from "./errors";
import { contextProjection, pick, type QueryShape } from "./odata";
import { contextUrl, type GraphRequest, type GraphResponse, type OpInput } from "./types";

export const SYNC_ENTITY_SHAPE: QueryShape = { options: ["$select"], typeName: SYNC_TYPE, selectable: SYNC_POLICY_PROPERTIES };

export function serializeSyncPolicy(policy: SyncPolicyRecord, select: readonly string[] | null = null): Record<string, unknown> {
  return pick(policy, SYNC_POLICY_PROPERTIES, select);
}

export function getSyncPolicy({ request, query, id, store }: OpInput): GraphResponse {
  if (!store.partners.has(id)) return partnerNotFound(request, id);
  const policy = store.syncPolicies.get(id);
  if (!policy) return policyNotFound(request, id, "Request_ResourceNotFound");
  return {
    status: 200,
    headers: {},
    body: {
      "@odata.context": contextUrl(request, `policies/crossTenantAccessPolicy/partners('${id}')/identitySynchronization${contextProjection(query)}/$entity`),
      ...serializeSyncPolicy(policy, query.select),
    },
  };
}

export function putSyncPolicy(input: OpInput): GraphResponse {
  const { request, id, body, store } = input;
  if (!store.partners.has(id)) return partnerNotFound(request, id);
  if (store.syncPolicies.has(id)) {
    return graphError(request, 409, "Request_MultipleObjectsWithSameKeyValue", `A sync policy for partner '${id}' already exists. Use PATCH to update it.`);
  }
  const created = { ...emptySyncPolicy(id), ...body, tenantId: id };
  store.syncPolicies.set(id, created);
  store.changed();
  recordChange(input, "syncCreate", { id }, null, created, AUDITED_SYNC_PROPERTIES);
  return { status: 204, headers: {} };
}

export function patchSyncPolicy(input: OpInput): GraphResponse {
  const { request, id, body, store } = input;
  const policy = store.syncPolicies.get(id);
  if (!policy || !store.partners.has(id)) return policyNotFound(request, id, "Directory_ObjectNotFound");
  const updated = { ...policy, ...body, tenantId: id };
  store.syncPolicies.set(id, updated);
  store.changed();
  recordChange(input, "syncUpdate", { id }, policy, updated, AUDITED_SYNC_PROPERTIES);
  return { status: 204, headers: {} };
}

export function deleteSyncPolicy(input: OpInput): GraphResponse {
  const { request, id, store, now } = input;
  const policy = store.syncPolicies.get(id);
  if (!policy || !store.partners.has(id)) return policyNotFound(request, id, "Request_ResourceNotFound");
  store.syncPolicies.delete(id);
  store.deletedSyncPolicies.set(id, { ...policy, deletedDateTime: now });
  store.changed();
  recordChange(input, "syncDelete", { id }, policy, null, AUDITED_SYNC_PROPERTIES);
  return { status: 204, headers: {} };
}

export function partnerNotFound(request: GraphRequest, id: string): GraphResponse {
  return graphError(request, 404, "Request_ResourceNotFound", `Partner configuration '${id}' was not found.`);
}

function policyNotFound(request: GraphRequest, id: string, code: string): GraphResponse {
  return graphError(request, 404, code, `Resource 'identitySynchronization' for partner '${id}' does not exist or one of its queried reference-property objects are not present.`);
}
