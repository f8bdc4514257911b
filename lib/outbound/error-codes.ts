/**
 * The documented error codes of cross-tenant sync (graph-api.md, "Documented error codes"), in
 * plain words: what each means and the fix an admin needs.
 */

export interface SyncErrorWords {
  meaning: string;
  fix: string;
}

export const SYNC_ERROR_WORDS: Readonly<Record<string, SyncErrorWords>> = {
  AzureDirectoryB2BManagementPolicyCheckFailure: {
    meaning: "Automatic redemption is off on one side: your outbound setting for the partner or the partner's inbound setting for you.",
    fix: "Turn on outbound automatic redemption for the partner here; the partner turns on inbound automatic redemption for you.",
  },
  AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure: {
    meaning: "The partner does not allow users to be synchronized into its tenant from yours, or your outbound automatic redemption is off.",
    fix: "The partner allows inbound user sync for your tenant; both sides turn automatic redemption on.",
  },
  ExternalTenantNotFound: { meaning: "The target tenant could not be found: a cross-cloud configuration was created as a same-cloud one.", fix: "Create the configuration again as a cross-cloud one." },
  AzureActiveDirectoryTokenExpired: { meaning: "Cross-cloud sync is not enabled.", fix: "Enable it in the target's Microsoft cloud settings." },
  AzureActiveDirectoryQuotaLimitExceeded: { meaning: "The target's directory quota is full.", fix: "The target raises its directory quota." },
  InvitationCreationFailureAmbiguousUser: { meaning: "An address of the user matches an internal user of the target.", fix: "Remove the clash in the target, or take the user out of scope." },
  InvitationCreationFailureInvalidPropertyValue: {
    meaning: "A property of the user is not valid in the target: the primary SMTP address, a userType other than Guest or Member, or a mail that collides with a group.",
    fix: "Fix the attribute mapping or the user's address.",
  },
  InvitationCreationFailureUserAccountDisabled: { meaning: "The user is disabled in the target with an invitation pending.", fix: "The target enables the user; then provision the user again." },
  AzureActiveDirectoryForbidden: { meaning: "The target lets no one invite guests.", fix: "The target relaxes its external collaboration settings." },
  AzureActiveDirectoryInsufficientRights: { meaning: "The user holds an admin role in the target and cannot be deleted there.", fix: "The target removes the role." },
  AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService: { meaning: "The attribute is mastered elsewhere (Exchange).", fix: "Change it where it is mastered." },
  AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises: { meaning: "The user in the target is mastered on-premises.", fix: "Sync cannot fix this one." },
  EntityTypeNotSupported: { meaning: "Groups only define who is in scope; they are not provisioned themselves.", fix: "Nothing to fix." },
  TooManyDeletes: {
    meaning: "More users would be deleted in the target than the accidental-deletion threshold allows, so the deletions are held.",
    fix: "Allow the deletions, or put the users back in scope.",
  },
};

/** The documented meaning and fix of a code; null for a code the documentation does not list. */
export function syncErrorWords(code: string | null | undefined): SyncErrorWords | null {
  return code ? (SYNC_ERROR_WORDS[code] ?? null) : null;
}
