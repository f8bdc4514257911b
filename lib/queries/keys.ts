/** Every key starts with the signed-in account, so one admin never sees another's cached data. */
export const graphKeys = {
  account: (accountId: string) => ["graph", accountId] as const,
  partnersList: (accountId: string) => ["graph", accountId, "partners-list"] as const,
  partnerDetail: (accountId: string, tenantId: string) => ["graph", accountId, "partner-detail", tenantId.toLowerCase()] as const,
  deletedSyncPolicies: (accountId: string) => ["graph", accountId, "deleted-sync-policies"] as const,
  tenantByDomain: (accountId: string, domain: string) => ["graph", accountId, "tenant-by-domain", domain.toLowerCase()] as const,
  outboundList: (accountId: string) => ["graph", accountId, "outbound-list"] as const,
  outboundDetail: (accountId: string, servicePrincipalId: string) => ["graph", accountId, "outbound-detail", servicePrincipalId.toLowerCase()] as const,
  outboundUsers: (accountId: string, servicePrincipalId: string, text: string) => ["graph", accountId, "outbound-users", servicePrincipalId.toLowerCase(), text] as const,
};
