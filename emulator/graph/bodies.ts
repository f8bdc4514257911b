/**
 * Validation of request bodies for partner and sync-policy writes: known
 * properties only, right JSON types, read-only keys refused.
 */
import { ACCESS_POLICY_PROPERTIES, ACCESS_POLICY_TYPE, ACCESS_SETTING_PROPERTIES, CLOUD_ENDPOINTS, DEFAULT_POLICY_PROPERTIES, DEFAULT_POLICY_TYPE, PARTNER_PROPERTIES, PARTNER_TYPE, SYNC_POLICY_PROPERTIES, SYNC_TYPE } from "../model";
import type { Parse } from "./odata";

type Kind = "string" | "boolean" | "object" | "syncInbound";

const PARTNER_TYPES: Record<string, Kind> = {
  isServiceProvider: "boolean",
  isInMultiTenantOrganization: "boolean",
  blockServiceProviderOutboundAccess: "boolean",
  inboundTrust: "object",
  automaticUserConsentSettings: "object",
  b2bCollaborationOutbound: "object",
  b2bCollaborationInbound: "object",
  b2bDirectConnectOutbound: "object",
  b2bDirectConnectInbound: "object",
  tenantRestrictions: "object",
};

const SYNC_TYPES: Record<string, Kind> = {
  displayName: "string",
  externalCloudAuthorizedApplicationId: "string",
  userSyncInbound: "syncInbound",
  groupSyncInbound: "syncInbound",
};

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function withoutODataAnnotations(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!k.startsWith("@odata.")) out[k] = isPlainObject(v) ? withoutODataAnnotations(v) : v;
  }
  return out;
}

function checkValue(name: string, kind: Kind, value: unknown): Parse<unknown> {
  if (value === null) return { ok: true, value: null };
  const invalid = { ok: false as const, message: `Invalid value for property '${name}'.` };
  switch (kind) {
    case "string":
      return typeof value === "string" ? { ok: true, value } : invalid;
    case "boolean":
      return typeof value === "boolean" ? { ok: true, value } : invalid;
    case "object":
      return isPlainObject(value) ? { ok: true, value: withoutODataAnnotations(value) } : invalid;
    case "syncInbound": {
      if (!isPlainObject(value)) return invalid;
      const clean = withoutODataAnnotations(value);
      const keys = Object.keys(clean);
      if (keys.some((k) => k !== "isSyncAllowed") || (clean.isSyncAllowed !== undefined && typeof clean.isSyncAllowed !== "boolean")) {
        return invalid;
      }
      return { ok: true, value: { isSyncAllowed: clean.isSyncAllowed === true } };
    }
  }
}

function validate(
  body: unknown,
  types: Record<string, Kind>,
  allProperties: readonly string[],
  typeName: string,
  keyMode: { tenantId: string | null; required: boolean },
): Parse<Record<string, unknown>> {
  if (body === undefined) return { ok: false, message: "Empty Payload. JSON content expected." };
  if (!isPlainObject(body)) return { ok: false, message: "The request body must be a JSON object." };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name.startsWith("@odata.")) continue;
    if (name === "tenantId") {
      if (typeof value !== "string") return { ok: false, message: "Invalid value for property 'tenantId'." };
      if (keyMode.tenantId !== null && value.toLowerCase() !== keyMode.tenantId) {
        return { ok: false, message: "The tenantId in the body does not match the tenantId in the request URL." };
      }
      out.tenantId = value.toLowerCase();
      continue;
    }
    const kind = types[name];
    if (!kind) {
      return allProperties.includes(name)
        ? { ok: false, message: `Property '${name}' is read-only and cannot be set.` }
        : { ok: false, message: `Property '${name}' does not exist on type '${typeName}'.` };
    }
    const checked = checkValue(name, kind, value);
    if (!checked.ok) return checked;
    out[name] = checked.value;
  }
  if (keyMode.required && typeof out.tenantId !== "string") return { ok: false, message: "The property 'tenantId' is required." };
  return { ok: true, value: out };
}

export const partnerCreateBody = (body: unknown) =>
  validate(body, PARTNER_TYPES, PARTNER_PROPERTIES, PARTNER_TYPE, { tenantId: null, required: true });

export const partnerPatchBody = (body: unknown, tenantId: string) =>
  validate(body, PARTNER_TYPES, PARTNER_PROPERTIES, PARTNER_TYPE, { tenantId, required: false });

export const syncPolicyBody = (body: unknown, tenantId: string) =>
  validate(body, SYNC_TYPES, SYNC_POLICY_PROPERTIES, SYNC_TYPE, { tenantId, required: false });

const DEFAULT_POLICY_WRITABLE: string[] = ["inboundTrust", ...ACCESS_SETTING_PROPERTIES, "invitationRedemptionIdentityProviderConfiguration"];

/** The default policy has nothing to inherit from: its settings are objects, never null; the rest is read-only. */
export function defaultPolicyBody(body: unknown): Parse<Record<string, unknown>> {
  if (body === undefined) return { ok: false, message: "Empty Payload. JSON content expected." };
  if (!isPlainObject(body)) return { ok: false, message: "The request body must be a JSON object." };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name.startsWith("@odata.")) continue;
    if (!DEFAULT_POLICY_WRITABLE.includes(name)) {
      return (DEFAULT_POLICY_PROPERTIES as readonly string[]).includes(name)
        ? { ok: false, message: `Property '${name}' is read-only and cannot be set.` }
        : { ok: false, message: `Property '${name}' does not exist on type '${DEFAULT_POLICY_TYPE}'.` };
    }
    if (!isPlainObject(value)) return { ok: false, message: `Invalid value for property '${name}'.` };
    out[name] = withoutODataAnnotations(value);
  }
  return { ok: true, value: out };
}

/** The policy root: displayName and allowedCloudEndpoints (each one of the documented clouds, no repeats); definition is read-only. */
export function accessPolicyBody(body: unknown): Parse<Record<string, unknown>> {
  if (body === undefined) return { ok: false, message: "Empty Payload. JSON content expected." };
  if (!isPlainObject(body)) return { ok: false, message: "The request body must be a JSON object." };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name.startsWith("@odata.")) continue;
    if (name === "displayName") {
      if (typeof value !== "string" || !value.trim()) return { ok: false, message: "Invalid value for property 'displayName'." };
      out.displayName = value;
    } else if (name === "allowedCloudEndpoints") {
      const known: readonly string[] = CLOUD_ENDPOINTS;
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || !known.includes(v.toLowerCase())) || new Set(value).size !== value.length) {
        return { ok: false, message: `Invalid value for property 'allowedCloudEndpoints': expected any of ${CLOUD_ENDPOINTS.join(", ")}.` };
      }
      out.allowedCloudEndpoints = (value as string[]).map((v) => v.toLowerCase());
    } else {
      return (ACCESS_POLICY_PROPERTIES as readonly string[]).includes(name)
        ? { ok: false, message: `Property '${name}' is read-only and cannot be set.` }
        : { ok: false, message: `Property '${name}' does not exist on type '${ACCESS_POLICY_TYPE}'.` };
    }
  }
  return { ok: true, value: out };
}
