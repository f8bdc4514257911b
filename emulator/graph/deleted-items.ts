/**
 * /policies/deletedItems: deleted sync policies and deleted partner
 * configurations: list (paged, $filter/$orderby/$count), get, purge, restore.
 * The sync-policy restore also answers .../identitySynchronization/restore.
 */
import { AUDITED_PARTNER_PROPERTIES, AUDITED_SYNC_PROPERTIES } from "../audit";
import { PARTNER_PROPERTIES, PARTNER_TYPE, partnerOnWire, SYNC_POLICY_PROPERTIES, SYNC_TYPE, type PartnerRecord, type SyncPolicyRecord } from "../model";
import { recordChange } from "./audit-trail";
import { graphError } from "./errors";
import { contextProjection, nextLink, pageSlice, pick, sortItems, type QueryShape } from "./odata";
import { serializePartner } from "./partners";
import { serializeSyncPolicy } from "./sync-policies";
import { contextUrl, type GraphRequest, type GraphResponse, type OpInput } from "./types";

export type DeletedKind = "syncPolicies" | "partners";

const SEGMENT: Record<DeletedKind, string> = {
  syncPolicies: "crossTenantSyncPolicyPartners",
  partners: "crossTenantPartners",
};

const TYPE: Record<DeletedKind, string> = { syncPolicies: SYNC_TYPE, partners: PARTNER_TYPE };
const PROPERTIES: Record<DeletedKind, readonly string[]> = { syncPolicies: SYNC_POLICY_PROPERTIES, partners: PARTNER_PROPERTIES };

export function deletedCollectionShape(kind: DeletedKind): QueryShape {
  return {
    options: ["$select", "$top", "$skiptoken", "$filter", "$orderby", "$count"],
    typeName: TYPE[kind],
    selectable: PROPERTIES[kind],
  };
}

export function deletedEntityShape(kind: DeletedKind): QueryShape {
  return { options: ["$select"], typeName: TYPE[kind], selectable: PROPERTIES[kind] };
}

function deletedMap(input: OpInput, kind: DeletedKind): Map<string, SyncPolicyRecord | PartnerRecord> {
  return kind === "syncPolicies" ? input.store.deletedSyncPolicies : input.store.deletedPartners;
}

function serialize(kind: DeletedKind, item: SyncPolicyRecord | PartnerRecord, select: readonly string[] | null) {
  return {
    "@odata.type": `#${TYPE[kind]}`,
    ...pick((kind === "partners" ? partnerOnWire(item as PartnerRecord) : item) as unknown as Record<string, unknown>, PROPERTIES[kind], select),
  };
}

export function listDeleted(input: OpInput, kind: DeletedKind): GraphResponse {
  const { request, query } = input;
  let items = [...deletedMap(input, kind).values()];
  // Filter on what the caller sees (a partner's unset flags as Graph shows them).
  const onWire = (i: SyncPolicyRecord | PartnerRecord) => (kind === "partners" ? partnerOnWire(i as PartnerRecord) : i);
  if (query.filter) items = items.filter((i) => query.filter?.(onWire(i) as unknown as Record<string, unknown>));
  items = sortItems(items, query.orderby);
  const { page, nextOffset } = pageSlice(items, query);
  const body: Record<string, unknown> = {
    "@odata.context": contextUrl(request, `policies/deletedItems/${SEGMENT[kind]}${contextProjection(query)}`),
  };
  if (query.count) body["@odata.count"] = items.length;
  if (nextOffset !== null) body["@odata.nextLink"] = nextLink(request.baseUrl, `/${request.version}${request.path}`, query, nextOffset);
  body.value = page.map((item) => serialize(kind, item, query.select));
  return { status: 200, headers: {}, body };
}

function notDeleted(input: OpInput): GraphResponse {
  return graphError(input.request, 404, "Request_ResourceNotFound", `Resource '${input.id}' does not exist in deleted items or its queried reference-property objects are not present.`);
}

export function getDeleted(input: OpInput, kind: DeletedKind): GraphResponse {
  const item = deletedMap(input, kind).get(input.id);
  if (!item) return notDeleted(input);
  return {
    status: 200,
    headers: {},
    body: {
      "@odata.context": contextUrl(input.request, `policies/deletedItems/${SEGMENT[kind]}${contextProjection(input.query)}/$entity`),
      ...serialize(kind, item, input.query.select),
    },
  };
}

export function purgeDeleted(input: OpInput, kind: DeletedKind): GraphResponse {
  const map = deletedMap(input, kind);
  const item = map.get(input.id);
  if (!item) return notDeleted(input);
  map.delete(input.id);
  input.store.changed();
  if (kind === "syncPolicies") recordChange(input, "syncPurge", { id: input.id }, item, null, AUDITED_SYNC_PROPERTIES);
  else recordChange(input, "partnerPurge", { id: input.id }, item, null, AUDITED_PARTNER_PROPERTIES);
  return { status: 204, headers: {} };
}

function restored(request: GraphRequest, typeName: string, item: Record<string, unknown>): GraphResponse {
  return {
    status: 200,
    headers: {},
    body: { "@odata.context": contextUrl(request, typeName), "@odata.type": `#${typeName}`, ...item },
  };
}

export function restorePartner(input: OpInput): GraphResponse {
  const { request, id, store } = input;
  const deleted = store.deletedPartners.get(id);
  if (!deleted) return notDeleted(input);
  if (store.partners.has(id)) {
    return graphError(request, 409, "Request_MultipleObjectsWithSameKeyValue", `A partner configuration for tenant '${id}' already exists.`);
  }
  store.deletedPartners.delete(id);
  store.partners.set(id, deleted);
  store.changed();
  recordChange(input, "partnerRestore", { id }, null, deleted, AUDITED_PARTNER_PROPERTIES);
  return restored(request, PARTNER_TYPE, serializePartner(deleted, null, store));
}

/** Both restore routes: not deleted → 404; live policy exists → 409; partner gone → 404 naming it. */
export function restoreSyncPolicy(input: OpInput): GraphResponse {
  const { request, id, store } = input;
  const deleted = store.deletedSyncPolicies.get(id);
  if (!deleted) return notDeleted(input);
  if (store.syncPolicies.has(id)) {
    return graphError(request, 409, "Request_MultipleObjectsWithSameKeyValue", `A live sync policy for partner '${id}' exists; delete it before restoring.`);
  }
  if (!store.partners.has(id)) {
    return graphError(request, 404, "Request_ResourceNotFound", `Partner configuration '${id}' does not exist; restore the partner first.`);
  }
  store.deletedSyncPolicies.delete(id);
  // deletedDateTime stays: it records the last deletion.
  store.syncPolicies.set(id, deleted);
  store.changed();
  recordChange(input, "syncRestore", { id }, null, deleted, AUDITED_SYNC_PROPERTIES);
  return restored(request, SYNC_TYPE, serializeSyncPolicy(deleted));
}
