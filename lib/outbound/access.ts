/**
 * What the signed-in user may do with sync jobs, as a hint from the ID token's directory roles
 * (wids) before any click. Jobs are not the cross-tenant access policy: they need an application
 * role. Graph's 403 still has the last word.
 */

const ROLE = {
  globalAdministrator: "62e90394-69f5-4237-9190-012177145e10",
  applicationAdministrator: "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
  cloudApplicationAdministrator: "158c047a-c907-4556-b7ef-446551a6b5f7",
  hybridIdentityAdministrator: "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
  globalReader: "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
} as const;

const WRITE_ROLES: readonly string[] = [ROLE.globalAdministrator, ROLE.applicationAdministrator, ROLE.cloudApplicationAdministrator, ROLE.hybridIdentityAdministrator];
const READ_ROLES: readonly string[] = [...WRITE_ROLES, ROLE.globalReader];

export const SYNC_ROLES_TEXT = "the Application Administrator or Cloud Application Administrator role";

export const SYNC_READ_DENIED =
  `Sync jobs can be read only with ${SYNC_ROLES_TEXT} (or Hybrid Identity Administrator, Global Administrator, or Global Reader to read). ` +
  "Security Administrator covers the cross-tenant access policy but not the jobs that push your users out. Ask a Privileged Role Administrator to assign one (or activate it in PIM), then sign in again.";

export const SYNC_WRITE_DENIED =
  `Your sign-in can read sync jobs but not change them. Starting, pausing, restarting, testing a connection and provisioning on demand need ${SYNC_ROLES_TEXT}: ask a Privileged Role Administrator to assign it (or activate it in PIM), then sign in again.`;

export interface SyncAccess {
  read: "allowed" | "denied" | "unknown";
  write: "allowed" | "denied" | "unknown";
  /** Why writes are unavailable, when `write` is denied. */
  writeBlockedReason: string | null;
}

export function toSyncAccess(idTokenClaims: Record<string, unknown> | undefined): SyncAccess {
  const wids = idTokenClaims?.wids;
  if (!Array.isArray(wids)) return { read: "unknown", write: "unknown", writeBlockedReason: null };
  const ids = wids.filter((id): id is string => typeof id === "string").map((id) => id.toLowerCase());
  if (ids.some((id) => WRITE_ROLES.includes(id))) return { read: "allowed", write: "allowed", writeBlockedReason: null };
  if (ids.some((id) => READ_ROLES.includes(id))) return { read: "allowed", write: "denied", writeBlockedReason: SYNC_WRITE_DENIED };
  return { read: "denied", write: "denied", writeBlockedReason: SYNC_READ_DENIED };
}
