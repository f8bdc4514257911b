import { describe, expect, it } from "vitest";
import { countAffectedUsers, groupByErrorCode, matchesUser } from "./group";
import type { ProvisioningEvent } from "./types";

let next = 0;
function event(overrides: Partial<ProvisioningEvent> = {}): ProvisioningEvent {
  next += 1;
  return {
    id: `e${next}`,
    activityDateTime: "2026-12-01T10:00:00Z",
    action: "create",
    status: "failure",
    errorCode: "InvitationCreationFailureAmbiguousUser",
    reason: "Graph's reason",
    recommendedAction: "Graph's action",
    userId: "u-megan",
    userName: "Megan Bowen",
    userPrincipalName: "megan.bowen@contoso.example",
    servicePrincipalId: "sp",
    servicePrincipalName: "Contoso to Litware",
    targetTenantId: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
    ...overrides,
  };
}

const invalid = (userId: string, userName: string, when = "2026-12-01T10:00:00Z") =>
  event({ errorCode: "InvitationCreationFailureInvalidPropertyValue", userId, userName, userPrincipalName: `${userId}@contoso.example`, activityDateTime: when });

describe("groupByErrorCode", () => {
  it("groups entries by code, largest first, counting entries and users, with the documented words", () => {
    const groups = groupByErrorCode([
      event({ activityDateTime: "2026-12-01T10:00:00Z" }),
      event({ activityDateTime: "2026-12-01T10:40:00Z" }),
      invalid("u-a", "Alex Wilber"),
      invalid("u-b", "Diego Siciliani", "2026-12-02T08:00:00Z"),
      invalid("u-a", "Alex Wilber", "2026-12-01T11:00:00Z"),
    ]);
    expect(groups.map((group) => [group.code, group.count, group.users.length])).toEqual([
      ["InvitationCreationFailureInvalidPropertyValue", 3, 2],
      ["InvitationCreationFailureAmbiguousUser", 2, 1],
    ]);
    const [invalidGroup, ambiguous] = groups;
    expect(invalidGroup?.users.map((user) => [user.name, user.count])).toEqual([
      ["Alex Wilber", 2],
      ["Diego Siciliani", 1],
    ]);
    expect(invalidGroup?.firstSeen).toBe("2026-12-01T10:00:00Z");
    expect(invalidGroup?.lastSeen).toBe("2026-12-02T08:00:00Z");
    expect(ambiguous).toMatchObject({
      documented: true,
      title: "The user clashes with a user of the target",
      users: [{ name: "Megan Bowen", userPrincipalName: "megan.bowen@contoso.example", count: 2, lastSeen: "2026-12-01T10:40:00Z" }],
    });
    expect(ambiguous?.fix).toMatch(/take the user out of this configuration's scope/);
  });

  it("uses Graph's words from the newest entry for an undocumented code", () => {
    const [group] = groupByErrorCode([
      event({ errorCode: "NewCode", reason: "Old reason", activityDateTime: "2026-12-01T10:00:00Z" }),
      event({ errorCode: "NewCode", reason: "Newest reason", recommendedAction: "Newest action", activityDateTime: "2026-12-03T10:00:00Z" }),
    ]);
    expect(group).toMatchObject({ code: "NewCode", documented: false, meaning: "Newest reason", fix: "Newest action" });
  });

  it("puts entries without a code in groups by status, after every error code", () => {
    const groups = groupByErrorCode([
      event({ errorCode: "", status: "success", userId: "u1" }),
      event({ errorCode: "", status: "success", userId: "u2" }),
      event({ errorCode: "", status: "success", userId: "u3" }),
      event({ errorCode: "", status: "skipped", userId: "u1" }),
      event(),
    ]);
    expect(groups.map((group) => [group.code, group.status, group.title, group.count])).toEqual([
      ["InvitationCreationFailureAmbiguousUser", null, "The user clashes with a user of the target", 1],
      ["", "success", "Succeeded", 3],
      ["", "skipped", "Skipped", 1],
    ]);
    expect(groups[1]?.fixOwner).toBe("nothing");
  });

  it("counts an entry read twice once", () => {
    const twice = event();
    expect(groupByErrorCode([twice, twice, { ...twice }])[0]?.count).toBe(1);
  });

  it("keeps only the users matching the user filter, by name or sign-in name, in any case", () => {
    const events = [event(), invalid("u-a", "Alex Wilber"), invalid("u-b", "Diego Siciliani")];
    expect(groupByErrorCode(events, "megan").map((group) => group.code)).toEqual(["InvitationCreationFailureAmbiguousUser"]);
    expect(groupByErrorCode(events, "U-A@CONTOSO").flatMap((group) => group.users.map((user) => user.name))).toEqual(["Alex Wilber"]);
    expect(groupByErrorCode(events, "nobody")).toEqual([]);
    expect(matchesUser({ userName: "Megan Bowen", userPrincipalName: null }, "bowen")).toBe(true);
    expect(matchesUser({ userName: "Megan Bowen", userPrincipalName: null }, null)).toBe(true);
  });

  it("counts each affected user once across codes", () => {
    const groups = groupByErrorCode([event(), invalid("u-megan", "Megan Bowen"), invalid("u-b", "Diego Siciliani")]);
    expect(countAffectedUsers(groups)).toBe(2);
  });

  it("names a user without a name by sign-in name, and one without either as unnamed", () => {
    const [group] = groupByErrorCode([event({ userName: "", userId: "u1" }), event({ userName: "", userPrincipalName: null, userId: "u2" })]);
    expect(group?.users.map((user) => user.name).sort()).toEqual(["Unnamed user", "megan.bowen@contoso.example"]);
  });
});
