import { isChangeKind, type ChangeKind } from "./activities";

export const PERIOD_DAYS = [7, 30] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];

/** The activity page's filters, as kept in its URL. */
export interface ActivityFilters {
  days: PeriodDays;
  partner: string | null;
  person: string | null;
  kind: ChangeKind | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN = /^[^\s'"\\]+@[^\s'"\\]+$/;

/** Anything the URL holds that is not a valid filter is dropped, never sent to Graph. */
export function parseActivityFilters(params: URLSearchParams): ActivityFilters {
  const days = Number(params.get("days"));
  const partner = params.get("partner")?.trim() ?? "";
  const person = params.get("person")?.trim() ?? "";
  const kind = params.get("kind") ?? "";
  return {
    days: days === 30 ? 30 : 7,
    partner: GUID.test(partner) ? partner.toLowerCase() : null,
    person: UPN.test(person) && person.length <= 256 ? person : null,
    kind: isChangeKind(kind) ? kind : null,
  };
}

export function serializeActivityFilters(filters: ActivityFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.days !== 7) params.set("days", String(filters.days));
  if (filters.partner) params.set("partner", filters.partner);
  if (filters.person) params.set("person", filters.person);
  if (filters.kind) params.set("kind", filters.kind);
  return params;
}

export function isValidPerson(value: string): boolean {
  return UPN.test(value.trim()) && value.trim().length <= 256;
}
