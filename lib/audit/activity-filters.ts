import { isTenantId } from "@/lib/core/tenant-id";
import { DEFAULT_PERIOD_DAYS, parsePeriodDays, type PeriodDays } from "@/lib/core/period";
import { isChangeKind, type ChangeKind } from "./activities";

/** The activity page's filters, as kept in its URL. */
export interface ActivityFilters {
  days: PeriodDays;
  partner: string | null;
  /** One person's whole sign-in name (picked from the suggestions). */
  person: string | null;
  /** The start of a sign-in name, as typed; never set beside `person`. */
  personStart: string | null;
  kind: ChangeKind | null;
}

export const MAX_PERSON_LENGTH = 256;
/**
 * The person filter: a user principal name, as the audit log's filter takes it (no quote, backslash or
 * space). Neither side matches "@", so the one "@" has one place to go: a class that also matched "@"
 * would try every "@" of a long run as the split, quadratic in the run's length. The server action
 * checks the same pattern, always after the length.
 */
export const PERSON_PATTERN = /^[^\s'"\\@]+@[^\s'"\\@]+$/;
/** The start of a sign-in name: no quote, backslash or space; one class, so linear. */
export const PERSON_START_PATTERN = /^[^\s'"\\]+$/;

/** Anything the URL holds that is not a valid filter is dropped, never sent to Graph. */
export function parseActivityFilters(params: URLSearchParams): ActivityFilters {
  const partner = params.get("partner")?.trim() ?? "";
  const person = params.get("person")?.trim() ?? "";
  const personStart = params.get("by")?.trim() ?? "";
  const kind = params.get("kind") ?? "";
  const exact = isValidPerson(person) ? person : null;
  return {
    days: parsePeriodDays(params.get("days")),
    partner: isTenantId(partner) ? partner.toLowerCase() : null,
    person: exact,
    personStart: exact === null && isValidPersonStart(personStart) ? personStart : null,
    kind: isChangeKind(kind) ? kind : null,
  };
}

export function serializeActivityFilters(filters: ActivityFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.days !== DEFAULT_PERIOD_DAYS) params.set("days", String(filters.days));
  if (filters.partner) params.set("partner", filters.partner);
  if (filters.person) params.set("person", filters.person);
  else if (filters.personStart) params.set("by", filters.personStart);
  if (filters.kind) params.set("kind", filters.kind);
  return params;
}

/** The length first, so the pattern never sees more than MAX_PERSON_LENGTH characters. */
export function isValidPerson(value: string): boolean {
  const person = value.trim();
  return person.length <= MAX_PERSON_LENGTH && PERSON_PATTERN.test(person);
}

/** What may be sent as the start of a sign-in name: the length first, then the pattern. */
export function isValidPersonStart(value: string): boolean {
  const start = value.trim();
  return start.length > 0 && start.length <= MAX_PERSON_LENGTH && PERSON_START_PATTERN.test(start);
}
