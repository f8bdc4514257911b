/**
 * What the signed-in user may do, as a hint shown before any click. It comes
 * from the ID token's `wids` (directory roles; the access token is for Graph
 * only and never read here) or, where the ID token says nothing useful, from the
 * first 403 Graph gave this session. A hint never blocks a write it cannot
 * vouch against: Graph's answer has the last word.
 */

export const DIRECTORY_ROLES = {
  globalAdministrator: { id: "62e90394-69f5-4237-9190-012177145e10", name: "Global Administrator" },
  securityAdministrator: { id: "194ae4cb-b126-40b2-bd5b-6091b380977d", name: "Security Administrator" },
  securityReader: { id: "5d6b6bb7-de71-4623-b4af-96380a352509", name: "Security Reader" },
  globalReader: { id: "f2ef992c-3afb-46b9-b7cf-a126ee74c451", name: "Global Reader" },
  teamsAdministrator: { id: "69091246-20e8-4a56-aa4d-066075b2a7a8", name: "Teams Administrator" },
} as const;

const WRITE_ROLE_IDS: string[] = [DIRECTORY_ROLES.globalAdministrator.id, DIRECTORY_ROLES.securityAdministrator.id];
const READ_ONLY_ROLE_IDS: string[] = [DIRECTORY_ROLES.securityReader.id, DIRECTORY_ROLES.globalReader.id];
/** Every user's default member role: in every user's `wids`, it grants nothing here. */
export const MEMBER_ROLE_ID = "b79fbf4d-3ef9-4689-8143-76b194e85509";
const REPORTS_READER_ID = "4a5d8f65-41da-4de4-8968-e035b65339cf";
const AUDIT_READ_ROLE_IDS: string[] = [...WRITE_ROLE_IDS, ...READ_ONLY_ROLE_IDS, REPORTS_READER_ID];

export const WRITE_ROLES_TEXT = "the Security Administrator or Global Administrator role";

/** A 403 Graph answered this session, kept so later views can say why before the next click. */
export interface RememberedDenial {
  code: string;
  requestId: string | null;
}

export type WriteHint = "allowed" | "denied" | "unknown";

export interface AccessProfile {
  /** Known role names from the ID token; null when it carries no `wids`. */
  roleNames: string[] | null;
  write: WriteHint;
  /** Why writes are unavailable; set only when `write` is "denied". */
  writeBlockedReason: string | null;
  /** A short note beside an enabled button when the hint cannot tell; set only when `write` is "unknown". */
  writeNote: string | null;
  /** Whether the roles allow reading the audit log: "denied" only when the ID token shows no role at all. */
  auditRead: WriteHint;
}

function roleIds(claims: Record<string, unknown> | undefined): string[] | null {
  const wids = claims?.wids;
  if (!Array.isArray(wids)) return null;
  return wids.filter((id): id is string => typeof id === "string").map((id) => id.toLowerCase());
}

export function toAccessProfile(idTokenClaims: Record<string, unknown> | undefined, denial: RememberedDenial | null): AccessProfile {
  const ids = roleIds(idTokenClaims);
  const roleNames = ids === null ? null : Object.values(DIRECTORY_ROLES).filter((role) => ids.includes(role.id)).map((role) => role.name);
  // Directory roles are in the token, and the only one is every user's member role: no role at all.
  // (A custom role's id is there too, so it stays "unknown"; a role activated in PIM shows after signing in again.)
  const noRole = ids !== null && ids.every((id) => id === MEMBER_ROLE_ID);
  const auditRead: WriteHint = ids?.some((id) => AUDIT_READ_ROLE_IDS.includes(id)) ? "allowed" : noRole ? "denied" : "unknown";
  return { ...writeHint(ids, roleNames, noRole, denial), auditRead };
}

function writeHint(ids: string[] | null, roleNames: string[] | null, noRole: boolean, denial: RememberedDenial | null): Omit<AccessProfile, "auditRead"> {
  if (ids?.some((id) => WRITE_ROLE_IDS.includes(id))) return { roleNames, write: "allowed", writeBlockedReason: null, writeNote: null };
  if (ids?.some((id) => READ_ONLY_ROLE_IDS.includes(id))) {
    return {
      roleNames,
      write: "denied",
      writeBlockedReason: `Your sign-in shows ${roleNames?.join(", ")}, which can read but not change anything. Restoring or changing sync policies and partners needs ${WRITE_ROLES_TEXT}: ask a Privileged Role Administrator to assign it (or activate it in PIM), then sign in again.`,
      writeNote: null,
    };
  }
  if (noRole) {
    return {
      roleNames,
      write: "denied",
      writeBlockedReason: `Your sign-in shows no directory role. Adding or changing partners and sync policies needs ${WRITE_ROLES_TEXT}: ask a Privileged Role Administrator to assign it. If you activated it in PIM after signing in, sign in again.`,
      writeNote: null,
    };
  }
  if (denial) {
    const requestId = denial.requestId ? ` Request ID: ${denial.requestId}.` : "";
    return {
      roleNames,
      write: "denied",
      writeBlockedReason: `Microsoft Graph refused a request for your account earlier in this session (${denial.code}). Restoring or changing sync policies and partners needs ${WRITE_ROLES_TEXT} and the Policy.ReadWrite.CrossTenantAccess permission; after a role is assigned or activated in PIM, sign in again.${requestId}`,
      writeNote: null,
    };
  }
  return {
    roleNames,
    write: "unknown",
    writeBlockedReason: null,
    writeNote: `Your sign-in does not show ${WRITE_ROLES_TEXT}. If you hold it through a custom role or PIM, go ahead: Microsoft Graph decides.`,
  };
}
