/** The provisioning log as the errors page sees it: one entry per user per cycle with something to say. */

export const PROVISIONING_STATUSES = ["failure", "warning", "skipped", "success"] as const;
export type ProvisioningStatus = (typeof PROVISIONING_STATUSES)[number];

export const PROVISIONING_ACTIONS = ["create", "update", "delete", "stageddelete", "disable", "other"] as const;
export type ProvisioningAction = (typeof PROVISIONING_ACTIONS)[number];

export interface ProvisioningEvent {
  id: string;
  activityDateTime: string;
  /** null when Graph sent a value outside the documented ones. */
  action: ProvisioningAction | null;
  status: ProvisioningStatus | null;
  /** "" when the entry carries no error. */
  errorCode: string;
  reason: string | null;
  recommendedAction: string | null;
  /** The user in this tenant (the source identity). */
  userId: string;
  userName: string;
  /** The user's sign-in name, when the entry names it. */
  userPrincipalName: string | null;
  servicePrincipalId: string | null;
  servicePrincipalName: string | null;
  /** The target tenant's id (the target system). */
  targetTenantId: string | null;
}

export interface ProvisioningPage {
  events: ProvisioningEvent[];
  /** Where the next page is; null on the last. */
  nextLink: string | null;
}

/** A sync configuration as the errors page's header shows it. */
export interface SyncConfigurationSummary {
  id: string;
  displayName: string;
  /** False when the service principal was not made from the cross-tenant sync template. */
  isCrossTenantSync: boolean;
}
