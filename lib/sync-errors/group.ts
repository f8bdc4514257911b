import { describeSyncError, type SyncErrorWords } from "./codes";
import type { ProvisioningEvent, ProvisioningStatus } from "./types";

export interface AffectedUser {
  id: string;
  name: string;
  userPrincipalName: string | null;
  /** Entries of this code for this user in the period read. */
  count: number;
  lastSeen: string;
}

export interface ErrorGroup extends SyncErrorWords {
  /** The error code; "" for entries without one (grouped by status instead). */
  code: string;
  documented: boolean;
  /** The status the group's entries had, for entries without an error code. */
  status: ProvisioningStatus | null;
  count: number;
  firstSeen: string;
  lastSeen: string;
  /** Most entries first, then by name. */
  users: AffectedUser[];
}

const NO_CODE_WORDS: Record<ProvisioningStatus | "unknown", Pick<SyncErrorWords, "title" | "meaning">> = {
  success: { title: "Succeeded", meaning: "The user was provisioned as planned." },
  skipped: { title: "Skipped", meaning: "The service had nothing to do for the user (out of scope, or already in sync)." },
  warning: { title: "Warning without an error code", meaning: "The entry carries a warning but no error code." },
  failure: { title: "Failure without an error code", meaning: "The entry failed without an error code." },
  unknown: { title: "No error code", meaning: "The entry carries no error code." },
};

/** Lower-cased text a user filter is matched against: the name and the sign-in name. */
export function matchesUser(event: Pick<ProvisioningEvent, "userName" | "userPrincipalName">, filter: string | null): boolean {
  if (!filter) return true;
  const needle = filter.trim().toLowerCase();
  return event.userName.toLowerCase().includes(needle) || (event.userPrincipalName?.toLowerCase().includes(needle) ?? false);
}

function groupKey(event: ProvisioningEvent): string {
  return event.errorCode !== "" ? `code:${event.errorCode}` : `status:${event.status ?? "unknown"}`;
}

/**
 * The entries grouped by error code (entries without one, by status), the largest group first.
 * Each group names the users it affects, with how often and when last; the words come from the
 * documented codes, else from Graph's own reason and recommended action on the newest entry.
 * The same entry seen twice (a page read again) counts once.
 */
export function groupByErrorCode(events: Iterable<ProvisioningEvent>, userFilter: string | null = null): ErrorGroup[] {
  const seen = new Set<string>();
  const groups = new Map<string, { group: ErrorGroup; users: Map<string, AffectedUser>; newest: ProvisioningEvent }>();
  for (const event of events) {
    if (seen.has(event.id) || !matchesUser(event, userFilter)) continue;
    seen.add(event.id);
    const key = groupKey(event);
    let entry = groups.get(key);
    if (!entry) {
      entry = {
        group: {
          code: event.errorCode,
          documented: false,
          status: event.errorCode === "" ? event.status : null,
          title: "",
          meaning: "",
          fix: "",
          fixOwner: "none",
          count: 0,
          firstSeen: event.activityDateTime,
          lastSeen: event.activityDateTime,
          users: [],
        },
        users: new Map(),
        newest: event,
      };
      groups.set(key, entry);
    }
    const { group, users } = entry;
    group.count += 1;
    if (event.activityDateTime < group.firstSeen) group.firstSeen = event.activityDateTime;
    if (event.activityDateTime > group.lastSeen) {
      group.lastSeen = event.activityDateTime;
      entry.newest = event;
    }
    const userKey = event.userId || event.userPrincipalName || event.userName;
    const user = users.get(userKey);
    if (user) {
      user.count += 1;
      if (event.activityDateTime > user.lastSeen) user.lastSeen = event.activityDateTime;
      user.userPrincipalName ??= event.userPrincipalName;
    } else {
      users.set(userKey, { id: event.userId, name: event.userName || event.userPrincipalName || "Unnamed user", userPrincipalName: event.userPrincipalName, count: 1, lastSeen: event.activityDateTime });
    }
  }
  return [...groups.values()]
    .map(({ group, users, newest }) => {
      const words =
        group.code !== ""
          ? describeSyncError(group.code, newest)
          : { ...describeSyncError("", newest), ...NO_CODE_WORDS[group.status ?? "unknown"], fix: group.status === "success" || group.status === "skipped" ? "Nothing to fix." : "Open an entry in the Entra admin center for its details." };
      return {
        ...group,
        ...words,
        fixOwner: group.code === "" && (group.status === "success" || group.status === "skipped") ? ("nothing" as const) : words.fixOwner,
        code: group.code,
        users: [...users.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      };
    })
    .sort((a, b) => Number(a.code === "") - Number(b.code === "") || b.count - a.count || a.code.localeCompare(b.code));
}

/** Every user the groups name, once (a user can fail with two codes). */
export function countAffectedUsers(groups: readonly ErrorGroup[]): number {
  return new Set(groups.flatMap((group) => group.users.map((user) => user.id || user.userPrincipalName || user.name))).size;
}
