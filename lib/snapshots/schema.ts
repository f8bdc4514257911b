/**
 * The snapshot document: the whole cross-tenant configuration of one tenant at one time, in
 * Graph's own property names so an admin recognises every line. Version 1. The Zod schema below
 * is the one definition: `schemas/snapshot.schema.json` is generated from it (a test keeps the
 * two equal) and every file a browser or a script reads is checked against it.
 */
import { z } from "zod";
import { TENANT_ID_PATTERN } from "@/lib/core/tenant-id";

export const SCHEMA_VERSION = 1;

/** A file larger than this is refused before it is read: 10,000 partners take about 15 MB. */
export const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;
const MAX_ITEMS = 100_000;
const MAX_TARGETS = 1_000;
const MAX_NAME = 256;
const MAX_TEXT = 1_024;

const tenantId = z.string().max(64).regex(TENANT_ID_PATTERN);
const name = z.string().max(MAX_NAME);
const text = z.string().max(MAX_TEXT);
const flag = z.boolean().nullable();
const dateTime = z.string().max(64);

const accessTarget = z.strictObject({ target: text, targetType: z.string().max(64) });
const accessTargetConfiguration = z.strictObject({
  accessType: z.enum(["allowed", "blocked"]).nullable(),
  targets: z.array(accessTarget).max(MAX_TARGETS),
});
const accessSetting = z.strictObject({ usersAndGroups: accessTargetConfiguration.nullable(), applications: accessTargetConfiguration.nullable() }).nullable();
const inboundTrust = z
  .strictObject({ isMfaAccepted: flag, isCompliantDeviceAccepted: flag, isHybridAzureADJoinedDeviceAccepted: flag })
  .nullable();
const automaticUserConsentSettings = z.strictObject({ inboundAllowed: flag, outboundAllowed: flag }).nullable();
const syncInbound = z.strictObject({ isSyncAllowed: z.boolean() }).nullable();

const accessSettings = {
  inboundTrust,
  automaticUserConsentSettings,
  b2bCollaborationInbound: accessSetting,
  b2bCollaborationOutbound: accessSetting,
  b2bDirectConnectInbound: accessSetting,
  b2bDirectConnectOutbound: accessSetting,
  tenantRestrictions: accessSetting,
};

const syncPolicyFields = {
  displayName: name.nullable(),
  userSyncInbound: syncInbound,
  groupSyncInbound: syncInbound,
  externalCloudAuthorizedApplicationId: text.nullable(),
};

const partnerFields = {
  tenantId,
  isServiceProvider: flag,
  isInMultiTenantOrganization: flag,
  ...accessSettings,
};

export const snapshotSchema = z.strictObject({
  $schema: z.string().max(MAX_TEXT).optional(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  tenantId,
  takenDateTime: dateTime,
  /** SHA-256 (hex) of the canonical document without takenDateTime and sha256: equal for equal configurations, changed by any hand edit. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  crossTenantAccessPolicy: z.strictObject({ displayName: name.nullable(), allowedCloudEndpoints: z.array(z.string().max(MAX_NAME)).max(16) }),
  defaultPolicy: z.strictObject(accessSettings),
  partners: z.array(z.strictObject({ ...partnerFields, identitySynchronization: z.strictObject(syncPolicyFields).nullable() })).max(MAX_ITEMS),
  deletedPartners: z.array(z.strictObject({ ...partnerFields, deletedDateTime: dateTime })).max(MAX_ITEMS),
  deletedSyncPolicies: z.array(z.strictObject({ tenantId, ...syncPolicyFields, deletedDateTime: dateTime })).max(MAX_ITEMS),
  tenants: z.array(z.strictObject({ tenantId, displayName: name.nullable(), defaultDomainName: name.nullable() })).max(MAX_ITEMS * 2),
});

export type SnapshotDocument = z.infer<typeof snapshotSchema>;
export type SnapshotPartner = SnapshotDocument["partners"][number];
export type SnapshotDeletedPartner = SnapshotDocument["deletedPartners"][number];
export type SnapshotDeletedSyncPolicy = SnapshotDocument["deletedSyncPolicies"][number];
export type SnapshotSyncPolicy = NonNullable<SnapshotPartner["identitySynchronization"]>;
export type SnapshotTenant = SnapshotDocument["tenants"][number];
export type SnapshotPolicyRoot = SnapshotDocument["crossTenantAccessPolicy"];

/** Where the schema file lives in the repository, and the id it carries. */
export const SCHEMA_FILE = "schemas/snapshot.schema.json";
export const SCHEMA_ID = "https://cross-tenant-sync-dashboard.example/schemas/snapshot.schema.json";

/** The JSON Schema (draft 2020-12) of the document, as committed in SCHEMA_FILE. */
export function snapshotJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(snapshotSchema, { target: "draft-2020-12", reused: "ref" }),
    $id: SCHEMA_ID,
    title: "Cross-tenant synchronization snapshot",
    description: `A tenant's cross-tenant access policy, default policy, partner configurations with their identity synchronization policies, deleted partners and deleted sync policies, and the names of the tenants they name. schemaVersion ${SCHEMA_VERSION}.`,
  };
}
