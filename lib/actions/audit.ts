"use server";
import "server-only";
import { z } from "zod";
import type { AuditPage } from "@/lib/audit/types";
import { CHANGE_KIND_IDS, CHANGE_KINDS, changeKindOf } from "@/lib/audit/activities";
import { MAX_PERSON_LENGTH, PERSON_PATTERN, PERSON_START_PATTERN } from "@/lib/audit/activity-filters";
import { ok, type Result } from "@/lib/core/result";
import { listAuditPage, type AuditCursor } from "@/lib/graph/audit";
import { actionArguments, boundedString, MAX_PAGE_LINK_LENGTH, tenantIdSchema, tokenSchema } from "./validate";

const DATE_TIME_MESSAGE = "must be an ISO date-time";
/** The longest ISO date-time with fractional seconds and an offset is well under 64 characters. */
const isoDateTime = boundedString(64, DATE_TIME_MESSAGE).datetime({ offset: true, error: DATE_TIME_MESSAGE });
const PERSON_MESSAGE = "must be a user principal name such as admin@contoso.com";
const PERSON_START_MESSAGE = "must be the start of a user principal name, without spaces or quotes";
const NEXT_LINK_MESSAGE = "must be a paging link of the audit log";

const querySchema = z.strictObject({
  since: isoDateTime,
  until: isoDateTime.nullish(),
  partnerTenantId: tenantIdSchema.nullish(),
  initiatedByUpn: boundedString(MAX_PERSON_LENGTH, PERSON_MESSAGE).trim().regex(PERSON_PATTERN, { error: PERSON_MESSAGE }).nullish(),
  initiatedByUpnStart: boundedString(MAX_PERSON_LENGTH, PERSON_START_MESSAGE).trim().regex(PERSON_START_PATTERN, { error: PERSON_START_MESSAGE }).nullish(),
  kind: z.enum(CHANGE_KIND_IDS, { error: "must be a known kind of change" }).nullish(),
});

export type AuditQueryInput = z.input<typeof querySchema>;

const cursorSchema = z.union(
  [
    z.strictObject({ query: querySchema }),
    z.strictObject({
      nextLink: boundedString(MAX_PAGE_LINK_LENGTH, NEXT_LINK_MESSAGE).url({ protocol: /^https?$/, error: NEXT_LINK_MESSAGE }),
      kind: querySchema.shape.kind,
    }),
  ],
  { error: "must be a query or a paging link of the audit log" },
);

export type AuditCursorInput = z.input<typeof cursorSchema>;

/**
 * One page of cross-tenant sync and access changes from the audit log, newest first.
 * A kind of change becomes an exact activity filter where the activity name is known;
 * every page is also narrowed to that kind, so undocumented names still sort right.
 */
const listArgs = actionArguments({ token: tokenSchema, cursor: cursorSchema });

export async function listAuditEntries(...sent: [token: string, cursor: AuditCursorInput]): Promise<Result<AuditPage>> {
  const args = listArgs(sent);
  if (!args.ok) return args;
  const parsed = args.data.cursor;
  const kind = "query" in parsed ? parsed.query.kind : parsed.kind;
  const graphCursor: AuditCursor =
    "query" in parsed
      ? {
          query: {
            since: parsed.query.since,
            until: parsed.query.until ?? null,
            partnerTenantId: parsed.query.partnerTenantId ?? null,
            initiatedByUpn: parsed.query.initiatedByUpn ?? null,
            initiatedByUpnStart: parsed.query.initiatedByUpn ? null : (parsed.query.initiatedByUpnStart ?? null),
            activity: kind ? CHANGE_KINDS[kind].activity : null,
            activityPrefix: kind ? (CHANGE_KINDS[kind].activityPrefix ?? null) : null,
          },
        }
      : { nextLink: parsed.nextLink };
  const page = await listAuditPage(args.data.token, graphCursor);
  if (!page.ok || !kind) return page;
  return ok({ ...page.data, entries: page.data.entries.filter((entry) => changeKindOf(entry.category, entry.activity) === kind) });
}
