import { describe, expect, it } from "vitest";
import { configurationErrorWords, describeSyncError, fixOwnerWords, isDocumentedSyncError, SYNC_ERROR_CODE_IDS, SYNC_ERROR_CODES } from "./codes";

describe("the documented sync error codes", () => {
  it("holds every code of the cross-tenant sync troubleshooting table", () => {
    expect(SYNC_ERROR_CODE_IDS.sort()).toEqual(
      [
        "AzureDirectoryB2BManagementPolicyCheckFailure",
        "AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure",
        "ExternalTenantNotFound",
        "AzureActiveDirectoryTokenExpired",
        "AzureActiveDirectoryQuotaLimitExceeded",
        "InvitationCreationFailureAmbiguousUser",
        "InvitationCreationFailureInvalidPropertyValue",
        "InvitationCreationFailureUserAccountDisabled",
        "AzureActiveDirectoryForbidden",
        "AzureActiveDirectoryInsufficientRights",
        "AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService",
        "AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises",
        "EntityTypeNotSupported",
      ].sort(),
    );
  });

  it.each(SYNC_ERROR_CODE_IDS)("%s has a title, a meaning and a fix, each a sentence", (code) => {
    const words = SYNC_ERROR_CODES[code];
    expect(words.title.length).toBeGreaterThan(5);
    expect(words.meaning).toMatch(/^[A-Z].*\.$/);
    expect(words.fix).toMatch(/^[A-Z].*\.$/);
  });

  it("says the ambiguous user's fix: remove the clash or descope the user", () => {
    const words = describeSyncError("InvitationCreationFailureAmbiguousUser");
    expect(words.documented).toBe(true);
    expect(words.meaning).toContain("matches an internal user of the target tenant");
    expect(words.fix).toMatch(/Remove the clashing address .* or take the user out of this configuration's scope/);
  });

  it("says what Graph said for a code it does not document, and a fallback when Graph said nothing", () => {
    const undocumented = describeSyncError("SomethingNew", { reason: "The widget broke.", recommendedAction: "Mend the widget." });
    expect(undocumented).toMatchObject({ documented: false, title: "SomethingNew", meaning: "The widget broke.", fix: "Mend the widget.", fixOwner: "none" });
    const silent = describeSyncError("SomethingNew", { reason: "  ", recommendedAction: null });
    expect(silent.meaning).toBe("Microsoft Graph gave no reason for this error.");
    expect(silent.fix).toMatch(/No documented fix/);
  });

  it("never takes an inherited property for a code", () => {
    expect(isDocumentedSyncError("constructor")).toBe(false);
    expect(isDocumentedSyncError("toString")).toBe(false);
    expect(describeSyncError("__proto__").documented).toBe(false);
  });

  it("gives the Outbound sync pages' words for every documented code and for held deletions, and none for others", () => {
    for (const code of [...SYNC_ERROR_CODE_IDS, "TooManyDeletes"]) {
      const words = configurationErrorWords(code);
      expect(words?.meaning, code).toMatch(/^[A-Z].*\.$/);
      expect(words?.fix, code).toMatch(/^[A-Z].*\.$/);
    }
    // One set of words per code: the Outbound sync pages say what the report says.
    for (const code of SYNC_ERROR_CODE_IDS) expect(configurationErrorWords(code)).toMatchObject({ meaning: SYNC_ERROR_CODES[code].meaning, fix: SYNC_ERROR_CODES[code].fix });
    expect(configurationErrorWords("TooManyDeletes")?.fix).toBe("Allow the deletions, or put the users back in scope.");
    expect(configurationErrorWords("SomethingNew")).toBeNull();
    expect(configurationErrorWords(null)).toBeNull();
    expect(configurationErrorWords("")).toBeNull();
    expect(configurationErrorWords("constructor")).toBeNull();
    expect(configurationErrorWords("__proto__")).toBeNull();
  });

  it("names who fixes it, with the partner's name", () => {
    expect(fixOwnerWords("target", "Litware, Inc.")).toBe("Litware, Inc. must fix this");
    expect(fixOwnerWords("target", null)).toBe("The partner must fix this");
    expect(fixOwnerWords("both", "Litware, Inc.")).toBe("Fixed by this tenant and Litware, Inc. together");
    expect(fixOwnerWords("source", "Litware, Inc.")).toBe("Fixed in this tenant");
    expect(fixOwnerWords("nothing", null)).toBe("Nothing to fix");
  });
});
