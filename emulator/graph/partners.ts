/**
 * crossTenantAccessPolicyConfigurationPartner operations: list (paged, with
 * optional identitySynchronization expanded), create, get, patch, soft delete.
 */
import { AUDITED_PARTNER_PROPERTIES } from "../audit";
import { isGuid } from "../guid";
import { emptyPartner, PARTNER_PROPERTIES, partnerOnWire, PARTNER_TYPE, SYNC_POLICY_PROPERTIES, SYNC_TYPE, type PartnerRecord } from "../model";
import type { Store } from "../store";
import { recordChange } from "./audit-trail";
import { badRequest, graphError } from "./errors";
import { contextProjection, nextLink, pageSlice, pick, type ParsedQuery, type QueryShape } from "./odata";
import { partnerNotFound, serializeSyncPolicy } from "./sync-policies";
import { contextUrl, type GraphResponse, type OpInput } from "./types";

const expandable = { name: "identitySynchronization", typeName: SYNC_TYPE, selectable: SYNC_POLICY_PROPERTIES };

export const PARTNER_COLLECTION_SHAPE: QueryShape = {
  options: ["$select", "$expand", "$top", "$skiptoken"],
  typeName: PARTNER_TYPE,
  selectable: PARTNER_PROPERTIES,
  expandable,
};

export const PARTNER_ENTITY_SHAPE: QueryShape = {
  options: ["$select", "$expand"],
  typeName: PARTNER_TYPE,
  selectable: PARTNER_PROPERTIES,
  expandable,
};

export function serializePartner(
  partner: PartnerRecord,
  projection: Pick<ParsedQuery, "select" | "expand"> | null,
  store: Store,
): Record<string, unknown> {
  const out = pick(partnerOnWire(partner), PARTNER_PROPERTIES, projection?.select ?? null);
  if (projection?.expand) {
    const policy = store.syncPolicies.get(partner.tenantId);
    out.identitySynchronization = policy ? serializeSyncPolicy(policy, projection.expand.select) : null;
  }
  return out;
}

interface JsonCache {
  version: number;
  plain: Map<string, string>;
  expanded: Map<string, string>;
}

// Serialised partners per store, dropped on any change: listing a large tenant then costs string joins.
const jsonCaches = new WeakMap<Store, JsonCache>();

function partnerJson(partner: PartnerRecord, expanded: boolean, store: Store): string {
  let cache = jsonCaches.get(store);
  if (!cache || cache.version !== store.version) {
    cache = { version: store.version, plain: new Map(), expanded: new Map() };
    jsonCaches.set(store, cache);
  }
  const map = expanded ? cache.expanded : cache.plain;
  let json = map.get(partner.tenantId);
  if (json === undefined) {
    const expand = expanded ? { name: expandable.name, select: null } : null;
    json = JSON.stringify(serializePartner(partner, { select: null, expand }, store));
    map.set(partner.tenantId, json);
  }
  return json;
}

export function listPartners({ request, query, store }: OpInput): GraphResponse {
  const { page, nextOffset } = pageSlice(store.partnerList(), query);
  const head: Record<string, unknown> = {
    "@odata.context": contextUrl(request, `policies/crossTenantAccessPolicy/partners${contextProjection(query)}`),
  };
  if (nextOffset !== null) head["@odata.nextLink"] = nextLink(request.baseUrl, `/${request.version}${request.path}`, query, nextOffset);
  if (query.select === null && (query.expand === null || query.expand.select === null)) {
    const items = page.map((p) => partnerJson(p, query.expand !== null, store)).join(",");
    return { status: 200, headers: {}, json: `${JSON.stringify(head).slice(0, -1)},"value":[${items}]}` };
  }
  return { status: 200, headers: {}, body: { ...head, value: page.map((p) => serializePartner(p, query, store)) } };
}

export function getPartner({ request, query, id, store }: OpInput): GraphResponse {
  const partner = store.partners.get(id);
  if (!partner) return partnerNotFound(request, id);
  return {
    status: 200,
    headers: {},
    body: {
      "@odata.context": contextUrl(request, `policies/crossTenantAccessPolicy/partners${contextProjection(query)}/$entity`),
      ...serializePartner(partner, query, store),
    },
  };
}

export function createPartner(input: OpInput): GraphResponse {
  const { request, body, store } = input;
  const tenantId = String(body.tenantId);
  if (!isGuid(tenantId)) return badRequest(request, `Invalid value '${tenantId}' for property 'tenantId': expected a GUID.`);
  if (store.partners.has(tenantId)) {
    return graphError(request, 409, "Request_MultipleObjectsWithSameKeyValue", `A partner configuration for tenant '${tenantId}' already exists.`);
  }
  const partner: PartnerRecord = { ...emptyPartner(tenantId), ...body, tenantId };
  store.partners.set(tenantId, partner);
  store.changed();
  recordChange(input, "partnerAdd", { id: tenantId }, null, partner, AUDITED_PARTNER_PROPERTIES);
  const location = `${request.baseUrl}/${request.version}/policies/crossTenantAccessPolicy/partners/${tenantId}`;
  return {
    status: 201,
    headers: { Location: location },
    body: {
      "@odata.context": contextUrl(request, "policies/crossTenantAccessPolicy/partners/$entity"),
      ...serializePartner(partner, null, store),
    },
  };
}

export function patchPartner(input: OpInput): GraphResponse {
  const { request, id, body, store } = input;
  const partner = store.partners.get(id);
  if (!partner) return graphError(request, 404, "Directory_ObjectNotFound", `Partner configuration '${id}' was not found.`);
  const updated = { ...partner, ...body, tenantId: id };
  store.partners.set(id, updated);
  store.changed();
  recordChange(input, "partnerUpdate", { id }, partner, updated, AUDITED_PARTNER_PROPERTIES);
  return { status: 204, headers: {} };
}

export function deletePartner(input: OpInput): GraphResponse {
  const { request, id, store, now } = input;
  const partner = store.partners.get(id);
  if (!partner) return partnerNotFound(request, id);
  if (store.syncPolicies.has(id)) {
    return badRequest(request, `Partner configuration '${id}' still has an identity synchronization policy. Delete the identitySynchronization policy first.`);
  }
  store.partners.delete(id);
  store.deletedPartners.set(id, { ...partner, deletedDateTime: now });
  store.changed();
  recordChange(input, "partnerDelete", { id }, partner, null, AUDITED_PARTNER_PROPERTIES);
  return { status: 204, headers: {} };
}
