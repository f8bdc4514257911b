/**
 * The documented error codes of cross-tenant synchronization, in words: what each means and how it
 * is fixed. The one place these words live: the errors page, its CSV and the Outbound sync pages
 * (the configuration's "What is wrong" list, the connection test, provision on demand) all read them
 * here. Source: Microsoft's cross-tenant synchronization troubleshooting
 * page and the provisioning error pages (see shared graph-api notes).
 */

/** Who makes the fix: this tenant (the source), the partner (the target), both, nobody through sync, or nothing to fix. */
export type FixOwner = "source" | "target" | "both" | "none" | "nothing";

/** What a code means and how it is fixed. */
export interface CodeWords {
  /** What the code means, one sentence. */
  meaning: string;
  /** How it is fixed, one or two sentences. */
  fix: string;
}

export interface SyncErrorWords extends CodeWords {
  /** A short title, as a heading. */
  title: string;
  fixOwner: FixOwner;
}

/** A table's words for a code: own entries only, so "constructor" or "__proto__" is no code. */
function wordsOf<W extends CodeWords>(table: Readonly<Record<string, W>>, code: string | null | undefined): W | null {
  return code && Object.hasOwn(table, code) ? (table[code] ?? null) : null;
}

export const SYNC_ERROR_CODES = {
  AzureDirectoryB2BManagementPolicyCheckFailure: {
    title: "Automatic redemption is off",
    meaning: "Automatic redemption of invitations is off on one side: the connection test and every cycle fail (the admin center says \"invalid credentials\").",
    fix: "The partner turns on inbound automatic redemption for this tenant, and this tenant turns on outbound automatic redemption for the partner.",
    fixOwner: "both",
  },
  AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure: {
    title: "The partner does not allow sync in",
    meaning: "The target tenant does not allow users to be synced in from this tenant, or automatic redemption is off on one side.",
    fix: "The partner allows inbound user sync for this tenant in its cross-tenant access settings; both sides turn on automatic redemption.",
    fixOwner: "both",
  },
  ExternalTenantNotFound: {
    title: "Target tenant not found",
    meaning: "The configuration points at a tenant in another Microsoft cloud but was created as a same-cloud configuration.",
    fix: "Delete the configuration and create it again as a cross-cloud configuration.",
    fixOwner: "source",
  },
  AzureActiveDirectoryTokenExpired: {
    title: "Cross-cloud sync is not enabled",
    meaning: "The target tenant is in another Microsoft cloud and has not enabled synchronization from this cloud.",
    fix: "The partner enables this Microsoft cloud in its Microsoft cloud settings.",
    fixOwner: "target",
  },
  AzureActiveDirectoryQuotaLimitExceeded: {
    title: "The target directory is full",
    meaning: "The target tenant's directory has reached its object quota, so no more users can be created in it.",
    fix: "The partner raises its directory quota (or removes unused objects).",
    fixOwner: "target",
  },
  InvitationCreationFailureAmbiguousUser: {
    title: "The user clashes with a user of the target",
    meaning: "A proxy address (email) of the user matches an internal user of the target tenant, so the user cannot be invited.",
    fix: "Remove the clashing address from the user in the target tenant, or take the user out of this configuration's scope.",
    fixOwner: "both",
  },
  InvitationCreationFailureInvalidPropertyValue: {
    title: "A property of the user is not valid",
    meaning: "The user's primary SMTP address is not valid, userType is neither Guest nor Member, or the mail address collides with a group in the target.",
    fix: "Fix the attribute mapping or the user's address, then provision the user again.",
    fixOwner: "source",
  },
  InvitationCreationFailureUserAccountDisabled: {
    title: "The user is disabled in the target",
    meaning: "The user exists in the target tenant, disabled, with an invitation still pending.",
    fix: "The partner enables the user in its tenant; then provision the user again.",
    fixOwner: "target",
  },
  AzureActiveDirectoryForbidden: {
    title: "The target lets no one invite guests",
    meaning: "The target tenant's external collaboration settings block guest invitations, so synced users cannot be created.",
    fix: "The partner relaxes its external collaboration settings (guest invite restrictions).",
    fixOwner: "target",
  },
  AzureActiveDirectoryInsufficientRights: {
    title: "The user holds an admin role in the target",
    meaning: "The synced user holds an administrator role in the target tenant and cannot be deleted by sync.",
    fix: "The partner removes the role from the user; the next cycle deletes it.",
    fixOwner: "target",
  },
  AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService: {
    title: "The attribute is mastered elsewhere",
    meaning: "The attribute sync tried to change is mastered by another service (such as Exchange Online).",
    fix: "Change the attribute at its source service instead.",
    fixOwner: "target",
  },
  AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises: {
    title: "The target user is mastered on-premises",
    meaning: "The matching user in the target tenant is synced from an on-premises directory, so cloud sync cannot change it.",
    fix: "This cannot be fixed through synchronization: the partner changes the user on-premises, or the user is taken out of scope.",
    fixOwner: "none",
  },
  EntityTypeNotSupported: {
    title: "Groups are not synced",
    meaning: "Groups only define who is in scope; cross-tenant sync provisions users, so group entries are skipped.",
    fix: "Nothing to fix: the group's members are synced.",
    fixOwner: "nothing",
  },
} as const satisfies Record<string, SyncErrorWords>;

export type SyncErrorCode = keyof typeof SYNC_ERROR_CODES;

export const SYNC_ERROR_CODE_IDS = Object.keys(SYNC_ERROR_CODES) as SyncErrorCode[];

export function isDocumentedSyncError(code: string): code is SyncErrorCode {
  return wordsOf(SYNC_ERROR_CODES, code) !== null;
}

/** What Graph said about an entry, for a code that is not in the table above. */
export interface GraphErrorText {
  reason?: string | null;
  recommendedAction?: string | null;
}

/**
 * The words for a code: the documented ones, else Graph's own reason and recommended action (an
 * undocumented code still says what Graph said), else a plain fallback. `documented` tells which.
 */
export function describeSyncError(code: string, graph: GraphErrorText = {}): SyncErrorWords & { code: string; documented: boolean } {
  if (isDocumentedSyncError(code)) return { code, documented: true, ...SYNC_ERROR_CODES[code] };
  const reason = graph.reason?.trim();
  const action = graph.recommendedAction?.trim();
  return {
    code,
    documented: false,
    title: code === "" ? "No error code" : code,
    meaning: reason || "Microsoft Graph gave no reason for this error.",
    fix: action || "No documented fix. Open the entry in the Entra admin center's provisioning logs for its details.",
    fixOwner: "none",
  };
}

/**
 * Held deletions show on the Outbound sync pages as the job's quarantine reason, never as a
 * provisioning-log entry, so they are not in the report's table above.
 */
const TOO_MANY_DELETES: CodeWords = {
  meaning: "More users would be deleted in the target than the accidental-deletion threshold allows, so the deletions are held.",
  fix: "Allow the deletions, or put the users back in scope.",
};

/** The meaning and fix of a code wherever the Outbound sync pages name it: the report's words; null for a code the documentation does not list. */
export function configurationErrorWords(code: string | null | undefined): CodeWords | null {
  return code === "TooManyDeletes" ? TOO_MANY_DELETES : wordsOf(SYNC_ERROR_CODES, code);
}

const FIX_OWNER_WORDS: Record<FixOwner, (partner: string) => string> = {
  source: () => "Fixed in this tenant",
  target: (partner) => `${partner} must fix this`,
  both: (partner) => `Fixed by this tenant and ${partner} together`,
  none: () => "Not fixable through sync",
  nothing: () => "Nothing to fix",
};

/** Who fixes it, naming the partner ("Litware, Inc. must fix this"). */
export function fixOwnerWords(owner: FixOwner, partnerName: string | null): string {
  return FIX_OWNER_WORDS[owner](partnerName ?? "The partner");
}
