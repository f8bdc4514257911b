/**
 * Plain words for one audit entry: who, what, and the old → new values, in the
 * vocabulary of the Entra admin center ("Adele Admin turned inbound user sync off").
 */
import { CHANGE_KINDS, changeKindOf, type ChangeKind } from "./activities";
import type { AuditActor, AuditEntry } from "./types";
import { leafChanges, sectionName, type LeafChange } from "./values";

export interface DescribedEntry {
  kind: ChangeKind | null;
  /** The actor's name as shown: display name, else UPN, else id; apps carry "(app)". */
  who: string;
  /** The actor's sign-in name or app id, for a tooltip and the CSV. */
  whoDetail: string | null;
  /** The whole sentence, actor first. */
  sentence: string;
  changes: LeafChange[];
  failed: boolean;
}

export interface DescribeOptions {
  /** Name the partner in the sentence (the activity page); the partner page leaves it out. */
  partnerName?: string | null;
}

export function actorName(actor: AuditActor): string {
  if (actor.kind === "user") return actor.displayName?.trim() || actor.userPrincipalName || actor.id || "Someone";
  if (actor.kind === "app") return `${actor.displayName?.trim() || actor.appId || "An app"} (app)`;
  return "Someone";
}

export function actorDetail(actor: AuditActor): string | null {
  if (actor.kind === "user") return actor.userPrincipalName ?? actor.id;
  if (actor.kind === "app") return actor.appId;
  return null;
}

function find(changes: LeafChange[], pattern: RegExp): LeafChange | undefined {
  return changes.find((change) => pattern.test(change.path));
}

function turned(change: LeafChange | undefined, what: string): string | null {
  if (!change) return null;
  if (change.newValue === true) return `turned ${what} on`;
  if (change.newValue === false) return `turned ${what} off`;
  if (change.newValue === null) return `cleared ${what}`;
  return null;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function listNames(names: string[]): string {
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, 2).join(", ")} and ${names.length - 2} more`;
}

function listLabels(changes: LeafChange[]): string {
  return listNames([...new Set(changes.map((change) => change.label.split(":")[0]!.trim()))]);
}

/** The verb phrase for a sync policy update, from what actually changed. */
function syncUpdatePhrase(changes: LeafChange[], where: string): string {
  const user = find(changes, /^userSyncInbound(\.isSyncAllowed)?$/i);
  const group = find(changes, /^groupSyncInbound(\.isSyncAllowed)?$/i);
  const name = find(changes, /^displayName$/i);
  const phrases = [turned(user, "inbound user sync"), turned(group, "inbound group sync"), name ? `renamed the sync policy to “${name.to}”` : null].filter(
    (phrase): phrase is string => phrase !== null,
  );
  const others = changes.filter((change) => change !== user && change !== group && change !== name);
  if (phrases.length > 0 && others.length === 0) return `${phrases.join(" and ")}${where}`;
  if (changes.length === 0) return `changed the sync policy${where}`;
  return `changed ${lowerFirst(listLabels(changes))} in the sync policy${where}`;
}

function partnerUpdatePhrase(changes: LeafChange[], partnerName: string | null): string {
  const forPartner = partnerName ? ` for ${partnerName}` : "";
  const redeem = find(changes, /^automaticUserConsentSettings\.inboundAllowed$/i);
  if (redeem && changes.length === 1 && typeof redeem.newValue === "boolean") {
    return `turned ${redeem.newValue ? "on" : "off"} automatic redemption of invitations from ${partnerName ?? "this organization"}`;
  }
  if (changes.length === 0) return `changed cross-tenant access settings${forPartner}`;
  return `changed the ${listNames([...new Set(changes.map((change) => sectionName(change.path)))])} settings${forPartner}`;
}

function phraseFor(kind: ChangeKind | null, entry: AuditEntry, changes: LeafChange[], partnerName: string | null): string {
  const forPartner = partnerName ? ` for ${partnerName}` : "";
  const withPartner = partnerName ? ` with ${partnerName}` : "";
  switch (kind) {
    case "sync-created": {
      const user = find(changes, /^userSyncInbound(\.isSyncAllowed)?$/i);
      const state = user?.newValue === true ? ", inbound user sync on" : user?.newValue === false ? ", inbound user sync off" : "";
      return `set up sync${withPartner}${state}`;
    }
    case "sync-updated":
      return syncUpdatePhrase(changes, forPartner);
    case "sync-deleted":
      return `deleted the sync policy${forPartner}`;
    case "sync-restored":
      return `restored the sync policy${forPartner} from deleted items`;
    case "sync-purged":
      return `permanently deleted (purged) the sync policy${forPartner}`;
    case "partner-added":
      return partnerName ? `added ${partnerName} as an organization` : "added this organization";
    case "partner-updated":
      return partnerUpdatePhrase(changes, partnerName);
    case "partner-deleted":
      return partnerName ? `deleted the organization ${partnerName}` : "deleted this organization";
    case "partner-restored":
      return partnerName ? `restored the organization ${partnerName} from deleted items` : "restored this organization from deleted items";
    case "partner-purged":
      return partnerName ? `permanently deleted (purged) the organization ${partnerName}` : "permanently deleted (purged) this organization";
    case "default-updated":
      return "changed the default cross-tenant access settings";
    case "default-reset":
      return "reset the default cross-tenant access settings";
    case null:
      return `did “${entry.activity || "an unnamed activity"}”`;
  }
}

export function describeAuditEntry(entry: AuditEntry, options: DescribeOptions = {}): DescribedEntry {
  const kind = changeKindOf(entry.category, entry.activity);
  const changes = leafChanges(entry.targets.flatMap((target) => target.changes));
  const who = actorName(entry.actor);
  const phrase = phraseFor(kind, entry, changes, options.partnerName?.trim() || null);
  const failed = entry.result !== null && entry.result.toLowerCase() !== "success";
  const sentence = failed
    ? `${who} tried to ${toInfinitive(phrase)}, which failed${entry.resultReason ? `: ${entry.resultReason}` : ""}`
    : `${who} ${phrase}`;
  return { kind, who, whoDetail: actorDetail(entry.actor), sentence, changes, failed };
}

const INFINITIVES: Record<string, string> = {
  set: "set",
  turned: "turn",
  cleared: "clear",
  renamed: "rename",
  changed: "change",
  deleted: "delete",
  restored: "restore",
  permanently: "permanently",
  added: "add",
  reset: "reset",
  did: "do",
};

function toInfinitive(phrase: string): string {
  const [first = "", ...rest] = phrase.split(" ");
  const verb = INFINITIVES[first] ?? first;
  const tail = rest.join(" ").replace(/^deleted \(purged\)/, "delete (purge)");
  return `${verb} ${tail}`.trim();
}

export function changeKindLabel(kind: ChangeKind): string {
  return CHANGE_KINDS[kind].label;
}
