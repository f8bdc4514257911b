import { toCsv } from "@/lib/core/csv";
import { fixOwnerWords } from "./codes";
import type { ErrorGroup } from "./group";

export const SYNC_ERRORS_CSV_HEADER = [
  "Error code",
  "Error",
  "What it means",
  "How to fix it",
  "Who fixes it",
  "Entries with this error",
  "User",
  "Sign-in name",
  "User's entries",
  "Last seen (UTC)",
] as const;

/**
 * The grouped errors as CSV: one line per user per error code, with the same words as the page.
 * User names come from the directory and error text from Graph: toCsv neutralises every cell.
 */
export function toSyncErrorsCsv(groups: readonly ErrorGroup[], partnerName: string | null): string {
  const lines = groups.flatMap((group) => {
    const shared = [group.code, group.title, group.meaning, group.fix, fixOwnerWords(group.fixOwner, partnerName), String(group.count)];
    return group.users.map((user) => [...shared, user.name, user.userPrincipalName ?? "", String(user.count), user.lastSeen]);
  });
  return toCsv([[...SYNC_ERRORS_CSV_HEADER], ...lines]);
}
