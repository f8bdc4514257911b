/**
 * Turns modifiedProperties (old and new values as JSON text) into leaf changes an
 * admin can read: "Inbound user sync: Allowed → Blocked". Graph's value text is
 * sometimes JSON inside a one-item JSON array inside a string; every layer is unwrapped.
 */
import type { AuditPropertyChange } from "./types";

export interface LeafChange {
  /** Dotted property path, e.g. `userSyncInbound.isSyncAllowed`. */
  path: string;
  label: string;
  from: string;
  to: string;
  oldValue: unknown;
  newValue: unknown;
}

const NOT_SET = "Not set";

const SECTION_LABELS: Record<string, string> = {
  b2bcollaborationinbound: "B2B collaboration inbound",
  b2bcollaborationoutbound: "B2B collaboration outbound",
  b2bdirectconnectinbound: "B2B direct connect inbound",
  b2bdirectconnectoutbound: "B2B direct connect outbound",
  tenantrestrictions: "Tenant restrictions",
};

const PATH_LABELS: Record<string, string> = {
  "usersyncinbound.issyncallowed": "Inbound user sync",
  usersyncinbound: "Inbound user sync",
  "groupsyncinbound.issyncallowed": "Inbound group sync",
  groupsyncinbound: "Inbound group sync",
  displayname: "Name",
  tenantid: "Tenant ID",
  externalcloudauthorizedapplicationid: "External cloud authorized application ID",
  "automaticuserconsentsettings.inboundallowed": "Automatically redeem invitations (inbound)",
  "automaticuserconsentsettings.outboundallowed": "Automatically redeem invitations (outbound)",
  "inboundtrust.ismfaaccepted": "Trust multifactor authentication from this organization",
  "inboundtrust.iscompliantdeviceaccepted": "Trust compliant devices",
  "inboundtrust.ishybridazureadjoineddeviceaccepted": "Trust Microsoft Entra hybrid joined devices",
  isserviceprovider: "Service provider",
  isinmultitenantorganization: "Multitenant organization member",
  deleteddatetime: "Deleted",
};

const SUB_LABELS: Record<string, string> = {
  usersandgroups: "users and groups",
  applications: "applications",
  accesstype: "access",
  targets: "targets",
};

function humanize(segment: string): string {
  const words = segment.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_.]+/g, " ").trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const SECTION_NAMES: Record<string, string> = {
  ...SECTION_LABELS,
  automaticuserconsentsettings: "automatic invitation redemption",
  inboundtrust: "inbound trust",
  isserviceprovider: "service provider",
  isinmultitenantorganization: "multitenant organization",
};

/** The settings group a property belongs to, as a sentence names it ("B2B collaboration inbound"). */
export function sectionName(path: string): string {
  const head = path.split(".")[0] ?? path;
  return SECTION_NAMES[head.toLowerCase()] ?? propertyLabel(head).toLowerCase();
}

export function propertyLabel(path: string): string {
  const key = path.toLowerCase();
  const known = PATH_LABELS[key];
  if (known) return known;
  const [head = "", ...rest] = key.split(".");
  const section = SECTION_LABELS[head];
  if (section) {
    const tail = path.split(".").slice(1).map((segment) => SUB_LABELS[segment.toLowerCase()] ?? humanize(segment).toLowerCase());
    return rest.length === 0 ? section : `${section}: ${tail.join(", ")}`;
  }
  return path.split(".").map(humanize).join(": ");
}

function isJsonLike(text: string): boolean {
  return /^\s*([{["]|-?\d|true\b|false\b|null\b)/.test(text);
}

/** JSON text to a value, unwrapping nested JSON strings and one-item arrays (at most a few layers). */
export function parseAuditValue(text: string | null): unknown {
  let value: unknown = text;
  for (let layer = 0; layer < 4; layer++) {
    if (typeof value === "string" && isJsonLike(value)) {
      try {
        value = JSON.parse(value) as unknown;
        continue;
      } catch {
        return value;
      }
    }
    if (Array.isArray(value) && value.length === 1 && (typeof value[0] === "string" || Array.isArray(value[0]) || isPlainObject(value[0]))) {
      value = value[0];
      continue;
    }
    break;
  }
  return value === "" ? null : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) {
      if (key.startsWith("@odata")) continue;
      flatten(inner, prefix ? `${prefix}.${key}` : key, into);
    }
    return;
  }
  into.set(prefix, value);
}

function isSyncFlag(path: string): boolean {
  return /(^|\.)issyncallowed$/i.test(path) || /^(user|group)syncinbound$/i.test(path);
}

export function formatAuditValue(path: string, value: unknown): string {
  if (value === null || value === undefined || (isPlainObject(value) && Object.keys(value).length === 0)) return NOT_SET;
  if (typeof value === "boolean") {
    if (isSyncFlag(path)) return value ? "Allowed" : "Blocked";
    return value ? "Yes" : "No";
  }
  if (typeof value === "string") {
    if (/^(allowed|blocked)$/i.test(value)) return value.charAt(0).toUpperCase() + value.slice(1).toLowerCase();
    return value;
  }
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "None";
    return value
      .map((item) => (isPlainObject(item) && typeof item.target === "string" ? item.target : typeof item === "string" ? item : JSON.stringify(item)))
      .join(", ");
  }
  return JSON.stringify(value);
}

/** The key never changes: Entra logs it on create and delete, an admin learns nothing from it. */
const HIDDEN_PATHS = /^(tenantId|@odata\..*)$/i;

/** Every leaf that differs between old and new, in a stable order, with labels and display values. */
export function leafChanges(changes: readonly AuditPropertyChange[]): LeafChange[] {
  const result: LeafChange[] = [];
  for (const change of changes) {
    const before = new Map<string, unknown>();
    const after = new Map<string, unknown>();
    flatten(parseAuditValue(change.oldValue), change.property, before);
    flatten(parseAuditValue(change.newValue), change.property, after);
    const paths = [...new Set([...before.keys(), ...after.keys()])];
    for (const path of paths) {
      if (HIDDEN_PATHS.test(path)) continue;
      const oldValue = before.get(path) ?? null;
      const newValue = after.get(path) ?? null;
      const from = formatAuditValue(path, oldValue);
      const to = formatAuditValue(path, newValue);
      // A whole object replaced by null also removes leaves that were already "Not set".
      if (from === to) continue;
      result.push({ path, label: propertyLabel(path), from, to, oldValue, newValue });
    }
  }
  return result;
}
