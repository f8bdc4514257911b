/**
 * Reads what the signed-in user may do from the access token's claims, so the
 * UI can say before any click why a write is unavailable. Graph still decides.
 */
import { decodeJwt } from "jose";

export const DIRECTORY_ROLES = {
  globalAdministrator: { id: "62e90394-69f5-4237-9190-012177145e10", name: "Global Administrator" },
  securityAdministrator: { id: "194ae4cb-b126-40b2-bd5b-6091b380977d", name: "Security Administrator" },
  securityReader: { id: "5d6b6bb7-de71-4623-b4af-96380a352509", name: "Security Reader" },
  globalReader: { id: "f2ef992c-3afb-46b9-b7cf-a126ee74c451", name: "Global Reader" },
  teamsAdministrator: { id: "69091246-20e8-4a56-aa4d-066075b2a7a8", name: "Teams Administrator" },
} as const;

const WRITE_ROLE_IDS: string[] = [DIRECTORY_ROLES.globalAdministrator.id, DIRECTORY_ROLES.securityAdministrator.id];
const READ_ROLE_IDS: string[] = [...WRITE_ROLE_IDS, DIRECTORY_ROLES.securityReader.id, DIRECTORY_ROLES.globalReader.id];
const WRITE_SCOPE = "Policy.ReadWrite.CrossTenantAccess";
const READ_SCOPES = ["Policy.Read.All", WRITE_SCOPE];

export interface AccessProfile {
  roleNames: string[];
  scopes: string[];
  canRead: boolean;
  canWrite: boolean;
  /** Plain-language reason writes are unavailable; null when they are allowed. */
  writeBlockedReason: string | null;
  readBlockedReason: string | null;
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  if (typeof value === "string") return value.split(" ").filter(Boolean);
  return [];
}

export function toAccessProfile(accessToken: string): AccessProfile {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(accessToken);
  } catch {
    claims = {};
  }
  const roleIds = stringList(claims.wids);
  // Delegated tokens carry scopes in scp; application tokens carry them in roles.
  const scopes = [...stringList(claims.scp), ...stringList(claims.roles)];
  const roleNames = Object.values(DIRECTORY_ROLES)
    .filter((role) => roleIds.includes(role.id))
    .map((role) => role.name);

  const hasWriteRole = roleIds.some((id) => WRITE_ROLE_IDS.includes(id));
  const hasReadRole = roleIds.some((id) => READ_ROLE_IDS.includes(id));
  const hasWriteScope = scopes.includes(WRITE_SCOPE);
  const hasReadScope = scopes.some((scope) => READ_SCOPES.includes(scope));

  let writeBlockedReason: string | null = null;
  if (!hasWriteRole) {
    writeBlockedReason =
      "Restoring needs the Security Administrator or Global Administrator role. Ask a Privileged Role Administrator to assign (or activate in PIM) one of them, then sign in again.";
  } else if (!hasWriteScope) {
    writeBlockedReason =
      "Restoring needs the delegated permission Policy.ReadWrite.CrossTenantAccess. An administrator must grant consent for it on this app registration, then sign in again.";
  }

  let readBlockedReason: string | null = null;
  if (!hasReadRole) {
    readBlockedReason =
      "Reading cross-tenant sync policies needs one of the roles Security Reader, Global Reader, Security Administrator or Global Administrator.";
  } else if (!hasReadScope) {
    readBlockedReason = "Reading needs the delegated permission Policy.Read.All or Policy.ReadWrite.CrossTenantAccess, with admin consent.";
  }

  return {
    roleNames,
    scopes,
    canRead: readBlockedReason === null,
    canWrite: writeBlockedReason === null,
    writeBlockedReason,
    readBlockedReason,
  };
}
