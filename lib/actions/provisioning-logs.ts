"use server";
import "server-only";
import { z } from "zod";
import { ok, type Result, type Streamed } from "@/lib/core/result";
import { TENANT_ID_PATTERN } from "@/lib/core/tenant-id";
import { MAX_PROVISIONING_PAGES_PER_READ, provisioningPages, type ProvisioningCursor } from "@/lib/graph/provisioning-logs";
import { getSyncConfigurationSummary } from "@/lib/graph/sync-configurations";
import { PROVISIONING_ACTIONS, PROVISIONING_STATUSES, type ProvisioningPage, type SyncConfigurationSummary } from "@/lib/sync-errors/types";
import { actionArguments, boundedString, MAX_PAGE_LINK_LENGTH, tokenSchema } from "./validate";

const DATE_TIME_MESSAGE = "must be an ISO date-time";
const isoDateTime = boundedString(64, DATE_TIME_MESSAGE).datetime({ offset: true, error: DATE_TIME_MESSAGE });
const ID_MESSAGE = "must be a service principal id GUID";
const servicePrincipalIdSchema = boundedString(64, ID_MESSAGE)
  .trim()
  .regex(TENANT_ID_PATTERN, { error: ID_MESSAGE })
  .transform((id) => id.toLowerCase());
const NEXT_LINK_MESSAGE = "must be a paging link of the provisioning log";
const PAGES_MESSAGE = `must be a whole number of pages from 1 to ${MAX_PROVISIONING_PAGES_PER_READ}`;
const pagesSchema = z.number({ error: PAGES_MESSAGE }).int({ error: PAGES_MESSAGE }).min(1, { error: PAGES_MESSAGE }).max(MAX_PROVISIONING_PAGES_PER_READ, { error: PAGES_MESSAGE });

const querySchema = z.strictObject({
  since: isoDateTime,
  servicePrincipalId: servicePrincipalIdSchema.nullish(),
  status: z.enum(PROVISIONING_STATUSES, { error: "must be a provisioning status" }).nullish(),
  action: z.enum(PROVISIONING_ACTIONS, { error: "must be a provisioning action" }).nullish(),
});

const readSchema = z.union(
  [
    z.strictObject({ query: querySchema, pages: pagesSchema }),
    z.strictObject({
      nextLink: boundedString(MAX_PAGE_LINK_LENGTH, NEXT_LINK_MESSAGE).url({ protocol: /^https?$/, error: NEXT_LINK_MESSAGE }),
      pages: pagesSchema,
    }),
  ],
  { error: "must be a query or a paging link of the provisioning log, with a number of pages" },
);

export type ProvisioningReadInput = z.input<typeof readSchema>;

const listArgs = actionArguments({ token: tokenSchema, read: readSchema });
const summaryArgs = actionArguments({ token: tokenSchema, servicePrincipalId: servicePrincipalIdSchema });

/**
 * Up to `pages` pages of the provisioning log in one streamed call, newest first: from a query
 * (period, configuration, status, action) or from the link the last page gave. The browser asks for
 * as many pages as its reports budget has room for; a 429 ends the stream with its Retry-After.
 */
export async function listProvisioningEvents(...sent: [token: string, read: ProvisioningReadInput]): Promise<Result<Streamed<ProvisioningPage>>> {
  const args = listArgs(sent);
  if (!args.ok) return args;
  const { token, read } = args.data;
  const cursor: ProvisioningCursor =
    "query" in read
      ? {
          query: {
            since: read.query.since,
            servicePrincipalId: read.query.servicePrincipalId ?? null,
            status: read.query.status ?? null,
            action: read.query.action ?? null,
          },
        }
      : { nextLink: read.nextLink };
  return ok({ parts: provisioningPages(token, cursor, read.pages) });
}

/** A sync configuration's name, for the errors page's header; null when no service principal has that id. */
export async function getSyncConfigurationName(...sent: [token: string, servicePrincipalId: string]): Promise<Result<SyncConfigurationSummary | null>> {
  const args = summaryArgs(sent);
  if (!args.ok) return args;
  return getSyncConfigurationSummary(args.data.token, args.data.servicePrincipalId);
}
