/**
 * Who exists in the emulated Entra tenant: the demo accounts with their
 * directory roles, the two app registrations and the Graph permissions they hold.
 */

export const DEFAULT_TENANT_ID = "7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";
export const SPA_CLIENT_ID = "3f4e5d6c-7b8a-4c9d-8e1f-2a3b4c5d6e7f";
export const SPA_CLIENT_NAME = "Cross-Tenant Sync Dashboard";
export const AUTOMATION_CLIENT_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
export const AUTOMATION_CLIENT_NAME = "Cross-Tenant Sync Automation";
/** Object id of the automation client's service principal: the `oid` of its app tokens. */
export const AUTOMATION_SERVICE_PRINCIPAL_ID = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
export const DEFAULT_CLIENT_SECRET = "emulator-automation-secret";
export const DEFAULT_USER_PASSWORD = "demo-password";

export const GRAPH_RESOURCE = "https://graph.microsoft.com";
export const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

export const POLICY_READ_ALL = "Policy.Read.All";
export const POLICY_READWRITE_CTA = "Policy.ReadWrite.CrossTenantAccess";
export const CROSS_TENANT_INFORMATION_READ = "CrossTenantInformation.ReadBasic.All";
export const AUDIT_LOG_READ_ALL = "AuditLog.Read.All";
export const DIRECTORY_READ_ALL = "Directory.Read.All";
export const SYNCHRONIZATION_READ_ALL = "Synchronization.Read.All";
export const SYNCHRONIZATION_READWRITE_ALL = "Synchronization.ReadWrite.All";
export const APPLICATION_READ_ALL = "Application.Read.All";
export const APPLICATION_READWRITE_OWNEDBY = "Application.ReadWrite.OwnedBy";
export const USER_READBASIC_ALL = "User.ReadBasic.All";
export const USER_READ_ALL = "User.Read.All";

export const ROLE = {
  globalAdministrator: "62e90394-69f5-4237-9190-012177145e10",
  securityAdministrator: "194ae4cb-b126-40b2-bd5b-6091b380977d",
  securityReader: "5d6b6bb7-de71-4623-b4af-96380a352509",
  globalReader: "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
  teamsAdministrator: "69091246-20e8-4a56-aa4d-066075b2a7a8",
  reportsReader: "4a5d8f65-41da-4de4-8968-e035b65339cf",
  globalSecureAccessAdministrator: "ac434307-12b9-4fa1-a708-88bf58caabc1",
  applicationAdministrator: "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
  cloudApplicationAdministrator: "158c047a-c907-4556-b7ef-446551a6b5f7",
  hybridIdentityAdministrator: "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
  securityOperator: "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f",
  /** Every member user carries the "User" role template in `wids`. */
  defaultUser: "b79fbf4d-3ef9-4689-8143-76b194e85509",
} as const;

export interface Account {
  oid: string;
  username: string;
  displayName: string;
  roleName: string | null;
  wids: string[];
  /** Delegated Graph scopes the user had consented to for the dashboard at start (or reset); more come by consent. */
  consentedScopes: string[];
}

// Sign-in asks for the sync scopes with the policy ones, so they are consented from the start too;
// the provisioning log's AuditLog.Read.All + Directory.Read.All come by consent on demand, like the audit log.
const consented = [
  POLICY_READ_ALL,
  POLICY_READWRITE_CTA,
  CROSS_TENANT_INFORMATION_READ,
  "User.Read",
  SYNCHRONIZATION_READ_ALL,
  SYNCHRONIZATION_READWRITE_ALL,
  APPLICATION_READ_ALL,
  USER_READBASIC_ALL,
];

export const ACCOUNTS: readonly Account[] = [
  {
    oid: "a7c3e1f0-52d4-4b8e-9f6a-0c1d2e3f4a5b",
    username: "admin@contoso.example",
    displayName: "Adele Admin",
    roleName: "Security Administrator, Cloud Application Administrator",
    wids: [ROLE.securityAdministrator, ROLE.cloudApplicationAdministrator, ROLE.defaultUser],
    consentedScopes: consented,
  },
  {
    oid: "b8d4f2a1-63e5-4c9f-8a7b-1d2e3f4a5b6c",
    username: "reader@contoso.example",
    displayName: "Rafael Reader",
    roleName: "Global Reader",
    wids: [ROLE.globalReader, ROLE.defaultUser],
    consentedScopes: consented,
  },
  {
    oid: "c9e5a3b2-74f6-4d0a-9b8c-2e3f4a5b6c7d",
    username: "helpdesk@contoso.example",
    displayName: "Hana Helpdesk",
    roleName: null,
    wids: [ROLE.defaultUser],
    consentedScopes: consented,
  },
  {
    // Security Administrator and nothing else: sync jobs answer 403, so the dashboard's role message shows.
    oid: "d1a7c5e4-96b8-4f2c-bd0e-4a5b6c7d8e9f",
    username: "secadmin@contoso.example",
    displayName: "Sam Security",
    roleName: "Security Administrator",
    wids: [ROLE.securityAdministrator, ROLE.defaultUser],
    consentedScopes: consented,
  },
];

export function findAccount(username: string): Account | undefined {
  const wanted = username.trim().toLowerCase();
  return ACCOUNTS.find((a) => a.username === wanted);
}

export function findAccountByOid(oid: string): Account | undefined {
  return ACCOUNTS.find((a) => a.oid === oid);
}

export const AUTOMATION_APP_ROLES = [
  POLICY_READ_ALL,
  POLICY_READWRITE_CTA,
  CROSS_TENANT_INFORMATION_READ,
  AUDIT_LOG_READ_ALL,
  DIRECTORY_READ_ALL,
  SYNCHRONIZATION_READWRITE_ALL,
  APPLICATION_READ_ALL,
  USER_READ_ALL,
];

/** SPA redirect URIs: any http://localhost port with path /redirect, plus EMULATOR_REDIRECT_URIS. */
export function isRegisteredRedirectUri(uri: string, extra: readonly string[]): boolean {
  if (extra.includes(uri)) return true;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  return url.protocol === "http:" && url.hostname === "localhost" && url.pathname === "/redirect" && !url.search && !url.hash;
}

/** Logout may send the browser back to any origin a redirect URI is registered on. */
export function isRegisteredOrigin(uri: string, extra: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.protocol === "http:" && url.hostname === "localhost") return true;
  return extra.some((e) => {
    try {
      return new URL(e).origin === url.origin;
    } catch {
      return false;
    }
  });
}
