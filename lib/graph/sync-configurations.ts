import "server-only";
/**
 * Reads of the source side of cross-tenant sync: the configurations (service principals made from
 * the cross-tenant sync template), each one's job and secrets ($batch), one configuration whole or
 * by its service principal alone (a name for the errors page), and users to provision on demand.
 * The list streams: a page of configurations goes to the browser as Graph answers it, and its jobs
 * (the statuses) follow $batch by $batch while the next page is read, then their secrets (the targets).
 */
import { fail, ok, type AppError, type Result } from "@/lib/core/result";
import type { SyncConfigurationSummary } from "@/lib/sync-errors/types";
import { CROSS_TENANT_SYNC_TEMPLATE_ID, type DirectoryUser, type OutboundListPart, type SyncConfiguration, type SyncConfigurationDetail, type SyncConfigurationJob } from "@/lib/outbound/models";
import { batchItemError, sendBatch, splitIntoBatches, type BatchResponse } from "./batch";
import { graphRequest, type GraphOptions } from "./client";
import { isRecordValue, nonEmptyString } from "./errors";
import { graphPages, PAGE_LINK_OPTIONS } from "./paging";
import { toDirectoryUser, toFirstJob, toSyncConfiguration, toTargetTenantId } from "./sync-mappers";

export const SERVICE_PRINCIPALS_PATH = "/servicePrincipals";
const id = (value: string) => encodeURIComponent(value);
export const servicePrincipalPath = (servicePrincipalId: string) => `${SERVICE_PRINCIPALS_PATH}/${id(servicePrincipalId)}`;
export const syncJobsPath = (servicePrincipalId: string) => `${servicePrincipalPath(servicePrincipalId)}/synchronization/jobs`;
export const syncJobPath = (servicePrincipalId: string, jobId: string) => `${syncJobsPath(servicePrincipalId)}/${id(jobId)}`;
export const syncSecretsPath = (servicePrincipalId: string) => `${servicePrincipalPath(servicePrincipalId)}/synchronization/secrets`;
export const USERS_PATH = "/users";

export const CONFIGURATION_FILTER = `applicationTemplateId eq '${CROSS_TENANT_SYNC_TEMPLATE_ID}'`;
const CONFIGURATION_SELECT = "id,displayName";
/** Configurations per $batch of the list: one request each (the job, or the secrets), Graph's 20. */
export const CONFIGURATIONS_PER_BATCH = 20;
/** The filter comes back in every nextLink of the list. */
const LINK_OPTIONS: ReadonlySet<string> = new Set([...PAGE_LINK_OPTIONS, "$filter"]);

function toConfigurations(wire: unknown[]): SyncConfiguration[] {
  return wire.map(toSyncConfiguration).filter((c): c is SyncConfiguration => c !== null);
}

/** A $batch item Graph answered with what was asked for; any other is that read's error. */
const answered = (item: BatchResponse | undefined): item is BatchResponse => item?.status === 200;
const readErrorOf = (item: BatchResponse | undefined): AppError | null =>
  answered(item) ? null : batchItemError(item ?? { id: "", status: 0, headers: {}, body: null });

function jobOf(servicePrincipalId: string, jobs: BatchResponse | undefined, secrets: BatchResponse | undefined): SyncConfigurationJob {
  return {
    servicePrincipalId,
    job: answered(jobs) ? toFirstJob(jobs.body) : null,
    targetTenantId: answered(secrets) ? toTargetTenantId(secrets.body) : null,
    readError: readErrorOf(jobs) ?? readErrorOf(secrets),
  };
}

/**
 * The jobs (kind "jobs") or the secrets (kind "targets") of up to 20 configurations in one $batch,
 * each item named by its service principal. A failed envelope fails the read (a 401 is renewed and
 * read again); a failed item is that row's readError.
 */
export async function readConfigurationParts(token: string, kind: "jobs" | "targets", servicePrincipalIds: readonly string[], options?: GraphOptions): Promise<Result<OutboundListPart>> {
  const path = kind === "jobs" ? syncJobsPath : syncSecretsPath;
  const answer = await sendBatch(token, servicePrincipalIds.map((sp) => ({ id: sp, method: "GET" as const, url: path(sp) })), options);
  if (!answer.ok) return answer;
  // sendBatch answers every request: an item Graph left out comes back with status 0.
  if (kind === "jobs") {
    return ok({ kind, items: answer.data.map((item) => ({ servicePrincipalId: item.id, job: answered(item) ? toFirstJob(item.body) : null, readError: readErrorOf(item) })) });
  }
  return ok({ kind, items: answer.data.map((item) => ({ servicePrincipalId: item.id, targetTenantId: answered(item) ? toTargetTenantId(item.body) : null, readError: readErrorOf(item) })) });
}

/**
 * Every configuration, then every one's job and target: a page of configurations is yielded as it
 * arrives, its jobs and then its secrets are asked for at once ($batches in parallel, the jobs'
 * first: the status is what the page is for) while the next page is read, and each $batch's
 * answer is yielded as it comes. A failure is yielded and ends the read; closing the
 * generator (the browser left) starts nothing more.
 */
export async function* listSyncConfigurations(token: string, options?: GraphOptions): AsyncGenerator<Result<OutboundListPart>, void, undefined> {
  const ready: Result<OutboundListPart>[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  let stopped = false;
  const push = (part: Result<OutboundListPart>) => {
    if (stopped) return;
    ready.push(part);
    wake?.();
  };
  const produce = async () => {
    const jobReads: Promise<void>[] = [];
    try {
      const pages = graphPages<unknown, SyncConfiguration>(
        { token, path: SERVICE_PRINCIPALS_PATH, query: { $filter: CONFIGURATION_FILTER, $select: CONFIGURATION_SELECT }, linkOptions: LINK_OPTIONS },
        toConfigurations,
        options,
      );
      for await (const page of pages) {
        if (stopped) return;
        push(page.ok ? ok({ kind: "configurations", items: page.data }) : page);
        if (!page.ok) return;
        // The next page is asked for first: its round trip is the one every later status waits on.
        const batches = splitIntoBatches(page.data.map((c) => c.servicePrincipalId), CONFIGURATIONS_PER_BATCH);
        const reads = (["jobs", "targets"] as const).flatMap((kind) => batches.map((batch) => ({ kind, batch })));
        jobReads.push(
          new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
            Promise.all(reads.map(({ kind, batch }) => (stopped ? undefined : readConfigurationParts(token, kind, batch, options).then(push)))).then(() => undefined),
          ),
        );
      }
      await Promise.all(jobReads);
    } catch {
      push(fail({ status: 0, code: "UnexpectedError", message: "Reading the sync configurations stopped unexpectedly.", requestId: null, retryAfterSeconds: null }));
    } finally {
      finished = true;
      wake?.();
    }
  };
  void produce();
  try {
    for (;;) {
      const next = ready.shift();
      if (next) {
        yield next;
        if (!next.ok) return;
        continue;
      }
      if (finished) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    stopped = true;
  }
}

/** The one request for a configuration's own service principal (id, name, template): sent alone, or as an item of the configuration's $batch. */
function servicePrincipalRequest(servicePrincipalId: string): { method: "GET"; url: string } {
  return { method: "GET", url: `${servicePrincipalPath(servicePrincipalId)}?$select=${CONFIGURATION_SELECT},applicationTemplateId` };
}

/** Another kind of service principal than one made from the cross-tenant sync template is no sync configuration. */
function isCrossTenantSync(servicePrincipal: unknown): boolean {
  return isRecordValue(servicePrincipal) && String(servicePrincipal.applicationTemplateId ?? "").toLowerCase() === CROSS_TENANT_SYNC_TEMPLATE_ID;
}

/** One configuration whole: the service principal, its job and its secrets in one $batch. */
export async function getSyncConfiguration(token: string, servicePrincipalId: string, options?: GraphOptions): Promise<Result<SyncConfigurationDetail>> {
  const answer = await sendBatch(
    token,
    [
      { id: "sp", ...servicePrincipalRequest(servicePrincipalId) },
      { id: "job", method: "GET", url: syncJobsPath(servicePrincipalId) },
      { id: "secrets", method: "GET", url: syncSecretsPath(servicePrincipalId) },
    ],
    options,
  );
  if (!answer.ok) return answer;
  const [sp, jobs, secrets] = answer.data;
  if (!sp || sp.status === 404) return ok({ configuration: null, servicePrincipalId, job: null, targetTenantId: null, readError: null });
  if (sp.status !== 200) return fail(batchItemError(sp));
  // Another kind of service principal is not a sync configuration: shown as not found.
  if (!isCrossTenantSync(sp.body)) return ok({ configuration: null, servicePrincipalId, job: null, targetTenantId: null, readError: null });
  return ok({ configuration: toSyncConfiguration(sp.body), ...jobOf(servicePrincipalId, jobs, secrets) });
}

/**
 * A configuration by its service principal alone, for the errors page's header (read with the
 * token the caller holds, the provisioning log's); null when no service principal has that id.
 */
export async function getSyncConfigurationSummary(token: string, servicePrincipalId: string, options?: GraphOptions): Promise<Result<SyncConfigurationSummary | null>> {
  const { method, url } = servicePrincipalRequest(servicePrincipalId);
  const result = await graphRequest({ token, method, path: url }, options);
  if (!result.ok) return result.error.status === 404 ? ok(null) : result;
  const body = isRecordValue(result.data.body) ? result.data.body : {};
  return ok({
    id: nonEmptyString(body.id) ?? servicePrincipalId,
    displayName: nonEmptyString(body.displayName) ?? "Unnamed configuration",
    isCrossTenantSync: isCrossTenantSync(body),
  });
}

/** One job read alone: what an action checks before it is sent. */
export async function getSyncJob(token: string, servicePrincipalId: string, jobId: string, options?: GraphOptions) {
  const answer = await graphRequest({ token, method: "GET", path: `${servicePrincipalPath(servicePrincipalId)}/synchronization/jobs/${id(jobId)}` }, options);
  if (!answer.ok) return answer;
  return ok(answer.data.body);
}

// OData string literals double a quote inside.
const literal = (value: string) => value.replace(/'/g, "''");

/** Users of the tenant whose name or sign-in name starts with `text` (at most ten). */
export async function searchUsers(token: string, text: string, options?: GraphOptions): Promise<Result<DirectoryUser[]>> {
  const term = literal(text);
  const answer = await graphRequest<{ value?: unknown[] }>(
    {
      token,
      method: "GET",
      path: USERS_PATH,
      query: { $filter: `startswith(displayName,'${term}') or startswith(userPrincipalName,'${term}')`, $select: "id,displayName,userPrincipalName", $top: 10 },
    },
    options,
  );
  if (!answer.ok) return answer;
  const value = Array.isArray(answer.data.body?.value) ? answer.data.body.value : [];
  return ok(value.map(toDirectoryUser).filter((u): u is DirectoryUser => u !== null));
}
