/**
 * Graph-side token validation (signature, lifetime against the emulator clock,
 * audience, issuer, tenant) and the permission rules: scopes or app roles,
 * plus the directory role of a signed-in user.
 */
import type { Clock } from "../clock";
import {
  APPLICATION_READ_ALL,
  APPLICATION_READWRITE_OWNEDBY,
  AUDIT_LOG_READ_ALL,
  CROSS_TENANT_INFORMATION_READ,
  DIRECTORY_READ_ALL,
  GRAPH_APP_ID,
  GRAPH_RESOURCE,
  POLICY_READ_ALL,
  POLICY_READWRITE_CTA,
  ROLE,
  SYNCHRONIZATION_READ_ALL,
  SYNCHRONIZATION_READWRITE_ALL,
  USER_READ_ALL,
  USER_READBASIC_ALL,
} from "../entra/directory";
import type { SigningKey } from "../entra/keys";

export interface Principal {
  kind: "user" | "app";
  oid: string;
  appId: string;
  /** `name` for users, `app_displayname` for apps: what the audit log records. */
  displayName: string;
  /** Users only: `upn` or `preferred_username`. */
  userPrincipalName: string;
  /** Delegated scopes (scp) for users, application roles (roles) for apps. */
  permissions: ReadonlySet<string>;
  wids: ReadonlySet<string>;
}

export interface TokenCheck {
  key: SigningKey;
  clock: Clock;
  tenantId: string;
  issuer: string;
}

export type AuthResult = { ok: true; principal: Principal } | { ok: false; message: string };

const AUDIENCES = new Set([GRAPH_RESOURCE, `${GRAPH_RESOURCE}/`, GRAPH_APP_ID]);

export async function authenticate(authorization: string | undefined, check: TokenCheck): Promise<AuthResult> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const token = match?.[1];
  if (!token) return { ok: false, message: "Access token is empty." };
  if (token.split(".").length !== 3) return { ok: false, message: "Invalid JWT token. The token is not in JWS compact format." };

  const verified = await check.key.verifySignature(token);
  if (!verified.ok) {
    return {
      ok: false,
      message: verified.reason === "signature" ? "Signature validation failed." : "Invalid JWT token. The token is malformed.",
    };
  }
  const claims = verified.payload;
  const now = check.clock.nowSeconds();
  if (typeof claims.exp !== "number" || claims.exp <= now) return { ok: false, message: "Lifetime validation failed, the token is expired." };
  if (typeof claims.nbf === "number" && claims.nbf > now) return { ok: false, message: "Lifetime validation failed, the token is not yet valid." };
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.some((a) => typeof a === "string" && AUDIENCES.has(a))) return { ok: false, message: "Invalid audience." };
  if (claims.iss !== check.issuer) return { ok: false, message: "Invalid issuer." };
  if (claims.tid !== check.tenantId) return { ok: false, message: "The token was issued for another tenant." };

  const scp = typeof claims.scp === "string" ? claims.scp : null;
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === "string") : [];
  const wids = Array.isArray(claims.wids) ? claims.wids.filter((r): r is string => typeof r === "string") : [];
  const appId = typeof claims.appid === "string" ? claims.appid : typeof claims.azp === "string" ? claims.azp : "";
  const oid = typeof claims.oid === "string" ? claims.oid : "";
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const identity = scp !== null
    ? { kind: "user" as const, displayName: text(claims.name), userPrincipalName: text(claims.upn) || text(claims.preferred_username) }
    : { kind: "app" as const, displayName: text(claims.app_displayname), userPrincipalName: "" };
  return {
    ok: true,
    principal: { ...identity, oid, appId, permissions: new Set(scp !== null ? scp.split(" ").filter(Boolean) : roles), wids: new Set(wids) },
  };
}

/**
 * What an operation needs: partner configurations only, sync settings too, writes
 * to sync settings or to partner configurations, or tenant information.
 */
export type Access =
  | "read-partners" | "read" | "write" | "write-partners" | "tenant-information" | "read-audit"
  | "read-applications" | "read-users" | "read-sync" | "write-sync" | "read-provisioning";

const READ_ROLES = [ROLE.securityReader, ROLE.globalReader, ROLE.securityAdministrator, ROLE.globalAdministrator];
// Teams and Global Secure Access administrators read partner configurations but not identity sync settings.
const PARTNER_READ_ROLES = [...READ_ROLES, ROLE.teamsAdministrator, ROLE.globalSecureAccessAdministrator];
const WRITE_ROLES = [ROLE.securityAdministrator, ROLE.globalAdministrator];
// Teams Administrators manage cross-tenant access settings (partners, the default) but not identity sync settings.
const PARTNER_WRITE_ROLES = [...WRITE_ROLES, ROLE.teamsAdministrator];

// Sync jobs: Application or Cloud Application Administrator (Hybrid Identity Administrator configures
// cross-tenant sync in the portal); Global Reader reads everything.
const SYNC_WRITE_ROLES = [ROLE.applicationAdministrator, ROLE.cloudApplicationAdministrator, ROLE.hybridIdentityAdministrator, ROLE.globalAdministrator];
const SYNC_READ_ROLES = [...SYNC_WRITE_ROLES, ROLE.globalReader];
const SYNC_DENIED =
  "Insufficient privileges to complete the operation. Synchronization jobs need Synchronization.Read.All (Synchronization.ReadWrite.All to change them) and, for a signed-in user, the Application Administrator or Cloud Application Administrator role.";

interface Rule {
  /** Any one of these; an array entry needs all of its permissions. */
  permissions: readonly (string | readonly string[])[];
  roles: readonly string[] | null;
  /** The 403 message, when Graph's generic one says too little. */
  denied?: string;
}

const RULES: Record<Access, Rule> = {
  "read-partners": { permissions: [POLICY_READ_ALL, POLICY_READWRITE_CTA], roles: PARTNER_READ_ROLES },
  read: { permissions: [POLICY_READ_ALL, POLICY_READWRITE_CTA], roles: READ_ROLES },
  write: { permissions: [POLICY_READWRITE_CTA], roles: WRITE_ROLES },
  "write-partners": { permissions: [POLICY_READWRITE_CTA], roles: PARTNER_WRITE_ROLES },
  // Basic tenant information needs no directory role.
  "tenant-information": { permissions: [CROSS_TENANT_INFORMATION_READ], roles: null },
  "read-audit": {
    permissions: [AUDIT_LOG_READ_ALL, DIRECTORY_READ_ALL],
    roles: [ROLE.reportsReader, ROLE.securityReader, ROLE.securityAdministrator, ROLE.globalReader, ROLE.globalAdministrator],
  },
  // Any member may read applications and users; the scope decides.
  "read-applications": { permissions: [APPLICATION_READ_ALL, DIRECTORY_READ_ALL, SYNCHRONIZATION_READ_ALL, SYNCHRONIZATION_READWRITE_ALL], roles: null },
  "read-users": { permissions: [USER_READBASIC_ALL, USER_READ_ALL, DIRECTORY_READ_ALL], roles: null },
  "read-sync": {
    permissions: [SYNCHRONIZATION_READ_ALL, SYNCHRONIZATION_READWRITE_ALL, APPLICATION_READWRITE_OWNEDBY],
    roles: SYNC_READ_ROLES,
    denied: SYNC_DENIED,
  },
  "write-sync": { permissions: [SYNCHRONIZATION_READWRITE_ALL, APPLICATION_READWRITE_OWNEDBY], roles: SYNC_WRITE_ROLES, denied: SYNC_DENIED },
  // The provisioning log needs both permissions, delegated or application.
  "read-provisioning": {
    permissions: [[AUDIT_LOG_READ_ALL, DIRECTORY_READ_ALL]],
    roles: [
      ROLE.reportsReader,
      ROLE.securityReader,
      ROLE.securityOperator,
      ROLE.securityAdministrator,
      ROLE.globalReader,
      ROLE.applicationAdministrator,
      ROLE.cloudApplicationAdministrator,
      ROLE.globalAdministrator,
    ],
    denied: "Insufficient privileges to complete the operation. The provisioning log needs AuditLog.Read.All and Directory.Read.All and, for a signed-in user, a reports, security or application administrator role.",
  },
};

/** The 403 message for an access kind. */
export function deniedMessage(access: Access): string | undefined {
  return RULES[access].denied;
}

export function isAllowed(principal: Principal, access: Access): boolean {
  const rule = RULES[access];
  const holds = (p: string | readonly string[]) => (typeof p === "string" ? principal.permissions.has(p) : p.every((q) => principal.permissions.has(q)));
  if (!rule.permissions.some(holds)) return false;
  if (principal.kind === "app" || rule.roles === null) return true;
  return rule.roles.some((r) => principal.wids.has(r));
}
