import "server-only";
/**
 * Actions on a cross-tenant sync job, each declared for the write engine (writes.ts): start,
 * pause, restart (with the documented resetScope flags), test connection (validateCredentials)
 * and provision on demand. Each reads the job first and sends nothing when it changed since the
 * page read it (the fingerprint differs): the admin decided on what the page showed.
 */
import type { AppError } from "@/lib/core/result";
import type { RestartScope, SyncJob } from "@/lib/outbound/models";
import { jobFingerprint } from "@/lib/outbound/status";
import { notSent, type Observed, type WriteKind, type WriteOutcome } from "@/lib/writes/outcome";
import { graphRequest, type GraphOptions } from "./client";
import { isRecordValue } from "./errors";
import { getSyncJob, syncJobPath } from "./sync-configurations";
import { toProvisionOnDemandResult, toSyncJob } from "./sync-mappers";
import { missingRead, runSequence, type GraphWrite, type ReadAnswer } from "./writes";

/** The schema rule provisionOnDemand takes (graph-api.md). */
export const USER_RULE_NAME = "USER_INBOUND_USER";

export type JobAction = "start" | "pause" | "restart" | "test" | "provision";

const WRITE_OF: Record<JobAction, WriteKind> = {
  start: "start-sync-job",
  pause: "pause-sync-job",
  restart: "restart-sync-job",
  test: "test-sync-connection",
  provision: "provision-on-demand",
};

export interface JobTarget {
  servicePrincipalId: string;
  jobId: string;
  /** jobFingerprint of the job as the page showed it (start, pause and restart check it). */
  expected: string;
}

function changed(write: WriteKind, target: JobTarget): WriteOutcome {
  const error: AppError = { status: 409, code: "JobChanged", message: "The job changed since the page read it.", requestId: null, retryAfterSeconds: null };
  return { write, tenantId: target.servicePrincipalId, kind: "conflict", policy: null, error, attempts: 0, retrySafe: true };
}

function gone(write: WriteKind, target: JobTarget, error: AppError): WriteOutcome {
  return { write, tenantId: target.servicePrincipalId, kind: "not-found", policy: null, error, attempts: 0, retrySafe: false };
}

/** Reads the job; an outcome when it is gone, unreadable or changed since the page read it. */
async function currentJob(token: string, write: WriteKind, target: JobTarget, check: boolean, options?: GraphOptions): Promise<SyncJob | WriteOutcome> {
  const read = await getSyncJob(token, target.servicePrincipalId, target.jobId, options);
  if (!read.ok) return read.error.status === 404 ? gone(write, target, read.error) : notSent(write, target.servicePrincipalId, read.error);
  const job = toSyncJob(read.data);
  if (!job) return notSent(write, target.servicePrincipalId, missingRead());
  return !check || jobFingerprint(job) === target.expected ? job : changed(write, target);
}

/** A read-back of the job: `reached` says whether it shows what the action asked for. */
function observeJob(reached: (job: SyncJob) => boolean) {
  return ([answer]: readonly ReadAnswer[]): Observed => {
    if (!answer || answer.status === 0) return { kind: "unreadable", error: missingRead() };
    if (answer.error) return { kind: "unreadable", error: answer.error };
    const job = toSyncJob(answer.body);
    if (!job) return { kind: "unreadable", error: missingRead() };
    return { kind: reached(job) ? "reached" : "not-reached" };
  };
}

/** Nothing to read back: a lost answer of a test or of provision on demand stays unknown. */
const unreadable = (): Observed => ({ kind: "unreadable", error: missingRead() });

function declare(action: JobAction, target: JobTarget, job: SyncJob, extra: { scopes?: readonly RestartScope[]; ruleId?: string; userId?: string }): GraphWrite {
  const path = syncJobPath(target.servicePrincipalId, target.jobId);
  const base = { write: WRITE_OF[action], tenantId: target.servicePrincipalId, method: "POST" as const, rules: { notFound: "not-found" as const, conflict: "conflict" as const }, reads: [path] };
  switch (action) {
    case "start":
      return { ...base, path: `${path}/start`, observe: observeJob((now) => now.scheduleState === "Active") };
    case "pause":
      return { ...base, path: `${path}/pause`, observe: observeJob((now) => now.scheduleState === "Paused" || now.code === "Paused") };
    case "restart": {
      const before = job.lastExecution?.timeBegan ?? null;
      const resetScope = (extra.scopes ?? []).join(",");
      return {
        ...base,
        path: `${path}/restart`,
        body: { criteria: { resetScope } },
        observe: observeJob((now) => (now.lastExecution?.timeBegan ?? null) !== before),
      };
    }
    case "test":
      return { ...base, path: `${path}/validateCredentials`, body: { useSavedCredentials: true }, reads: [], observe: unreadable };
    case "provision":
      return {
        ...base,
        path: `${path}/provisionOnDemand`,
        body: { parameters: [{ ruleId: extra.ruleId, subjects: [{ objectId: extra.userId, objectTypeName: "User" }] }] },
        reads: [],
        observe: unreadable,
        detailFrom: (body) => ({ provisioning: toProvisionOnDemandResult(body) }),
      };
  }
}

/** The id of the schema rule provisionOnDemand takes, or the outcome that says why it could not be read. */
async function userRuleId(token: string, target: JobTarget, options?: GraphOptions): Promise<string | WriteOutcome> {
  const read = await graphRequest({ token, method: "GET", path: `${syncJobPath(target.servicePrincipalId, target.jobId)}/schema` }, options);
  if (!read.ok) return notSent("provision-on-demand", target.servicePrincipalId, read.error);
  const rules = isRecordValue(read.data.body) && Array.isArray(read.data.body.synchronizationRules) ? read.data.body.synchronizationRules : [];
  const rule = rules.find((r) => isRecordValue(r) && r.name === USER_RULE_NAME) ?? rules[0];
  if (isRecordValue(rule) && typeof rule.id === "string") return rule.id;
  return notSent("provision-on-demand", target.servicePrincipalId, { status: 0, code: "NoSchemaRule", message: "The job's schema has no user rule to provision with.", requestId: null, retryAfterSeconds: null });
}

/** One action on one job, through the engine: the job read first, then the request, settled like every write. */
export async function runJobAction(
  token: string,
  action: JobAction,
  target: JobTarget,
  extra: { scopes?: readonly RestartScope[]; userId?: string },
  options?: GraphOptions,
): Promise<WriteOutcome[]> {
  return runSequence(
    token,
    [
      {
        declare: async () => {
          // A test or a provisioning does not depend on the job's state: only the state-changing actions check it.
          const job = await currentJob(token, WRITE_OF[action], target, action === "start" || action === "pause" || action === "restart", options);
          if ("kind" in job && "write" in job) return job;
          const current = job as SyncJob;
          if (action !== "provision") return declare(action, target, current, extra);
          const ruleId = await userRuleId(token, target, options);
          return typeof ruleId === "string" ? declare(action, target, current, { ...extra, ruleId }) : ruleId;
        },
      },
    ],
    options,
  );
}
