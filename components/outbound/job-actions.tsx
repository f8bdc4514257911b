"use client";

import { useState } from "react";
import { CheckCircle2, XCircle } from "lucide-react";
import type { RestartScope, SyncJob } from "@/lib/outbound/models";
import { configurationErrorWords } from "@/lib/sync-errors/codes";
import { jobFingerprint, jobStatus, RESTART_SCOPE_WORDS } from "@/lib/outbound/status";
import { usePauseSyncJob, useRestartSyncJob, useStartSyncJob, useTestSyncConnection } from "@/lib/queries/outbound";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { Button, sendThenClose } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { WriteButton } from "@/components/writes/write-button";
import { UnavailableReason } from "@/components/writes/unavailable-reason";
import { useSendWrite } from "@/components/writes/write-toast";
import { useSyncAccess } from "./use-sync-access";

export const JOB_REASON_ID = "sync-job-reason";

export interface JobContext {
  servicePrincipalId: string;
  job: SyncJob;
  /** Who the toasts speak of ("Fabrikam"). */
  targetName: string;
}

/** Sends one job action through the engine and announces it; the job's state as shown goes with it. */
export function useJobAction() {
  const sendWrite = useSendWrite();
  const start = useStartSyncJob();
  const pause = usePauseSyncJob();
  const restart = useRestartSyncJob();
  return {
    pending: start.isPending || pause.isPending || restart.isPending,
    start: ({ servicePrincipalId, job, targetName }: JobContext) =>
      sendWrite(() => start.mutateAsync({ servicePrincipalId, jobId: job.id, expected: jobFingerprint(job) }), { write: "start-sync-job", tenantId: servicePrincipalId, subject: { name: targetName } }),
    pause: ({ servicePrincipalId, job, targetName }: JobContext) =>
      sendWrite(() => pause.mutateAsync({ servicePrincipalId, jobId: job.id, expected: jobFingerprint(job) }), { write: "pause-sync-job", tenantId: servicePrincipalId, subject: { name: targetName } }),
    restart: ({ servicePrincipalId, job, targetName }: JobContext, scopes: RestartScope[], setting?: string) =>
      sendWrite(() => restart.mutateAsync({ servicePrincipalId, jobId: job.id, expected: jobFingerprint(job), scopes }), {
        write: "restart-sync-job",
        tenantId: servicePrincipalId,
        subject: { name: targetName, setting },
      }),
  };
}

const OFFERED: RestartScope[] = ["QuarantineState", "Watermark", "Escrows"];

function RestartDialog({ context, open, onOpenChange }: { context: JobContext; open: boolean; onOpenChange: (open: boolean) => void }) {
  const [scopes, setScopes] = useState<RestartScope[]>(OFFERED);
  const actions = useJobAction();
  const toggle = (scope: RestartScope, on: boolean) => setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Restart the sync job" description={<p>The job runs a cycle at once with what you choose below. Users already in {context.targetName} stay there.</p>}>
        <fieldset className="space-y-2 text-sm">
          <legend className="mb-1 font-medium">What the restart does</legend>
          {OFFERED.map((scope) => (
            <label key={scope} className="flex items-start gap-2">
              <input type="checkbox" className="mt-1" checked={scopes.includes(scope)} onChange={(event) => toggle(scope, event.target.checked)} />
              <span>
                {RESTART_SCOPE_WORDS[scope]}
                <span className="block text-xs text-muted">
                  {scope === "QuarantineState" ? "Leaves quarantine now instead of at the next attempt." : scope === "Watermark" ? "Every user in scope is checked again, not only those that changed." : "Users that keep failing are tried again from scratch."}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <DialogActions>
          <Button
            variant="primary"
            onClick={() =>
              sendThenClose(
                () => void actions.restart(context, scopes, scopes.map((scope) => RESTART_SCOPE_WORDS[scope].toLowerCase()).join(", ") || undefined),
                () => onOpenChange(false),
              )
            }
          >
            Restart
          </Button>
        </DialogActions>
      </DialogContent>
    </Dialog>
  );
}

function ConnectionResult({ outcome }: { outcome: WriteOutcome }) {
  if (outcome.kind === "done") {
    return (
      <p role="status" className="flex items-start gap-1.5 text-sm">
        <CheckCircle2 aria-hidden className="mt-0.5 size-4 text-ok" />
        The connection works: automatic redemption is on both ways and the partner allows sync into its tenant.
      </p>
    );
  }
  const words = configurationErrorWords(outcome.error?.code);
  return (
    <div role="status" className="flex items-start gap-1.5 text-sm">
      <XCircle aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />
      <div>
        <p>The connection fails{outcome.error?.code ? ` (${outcome.error.code})` : ""}: {words?.meaning ?? outcome.error?.message ?? "Graph refused."}</p>
        {words ? <p className="text-muted">Fix: {words.fix}</p> : null}
      </div>
    </div>
  );
}

/** Test connection, Start, Pause and Restart. */
export function JobControls({ context }: { context: JobContext }) {
  const access = useSyncAccess();
  const allowed = access.write !== "denied";
  const actions = useJobAction();
  const test = useTestSyncConnection();
  const sendWrite = useSendWrite();
  const [tested, setTested] = useState<WriteOutcome | null>(null);
  const [restartOpen, setRestartOpen] = useState(false);
  const status = jobStatus(context.job);
  const running = context.job.scheduleState === "Active" && status !== "quarantined";

  const runTest = () => {
    setTested(null);
    void sendWrite(() => test.mutateAsync({ servicePrincipalId: context.servicePrincipalId, jobId: context.job.id, expected: "" }), {
      write: "test-sync-connection",
      tenantId: context.servicePrincipalId,
      subject: { name: context.targetName },
      onSent: (outcomes) => setTested(outcomes.find((o) => o.kind !== "throttled") ?? null),
    });
  };

  return (
    <div className="space-y-3 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <WriteButton allowed={allowed} reasonId={JOB_REASON_ID} onClick={runTest} disabled={test.isPending}>
          {test.isPending ? "Testing…" : "Test connection"}
        </WriteButton>
        {running ? (
          <WriteButton allowed={allowed} reasonId={JOB_REASON_ID} disabled={actions.pending} onClick={() => void actions.pause(context)}>
            Pause
          </WriteButton>
        ) : (
          <WriteButton allowed={allowed} reasonId={JOB_REASON_ID} disabled={actions.pending} onClick={() => void actions.start(context)}>
            Start
          </WriteButton>
        )}
        <WriteButton allowed={allowed} reasonId={JOB_REASON_ID} disabled={actions.pending} onClick={() => setRestartOpen(true)}>
          Restart…
        </WriteButton>
      </div>
      {!allowed ? <UnavailableReason id={JOB_REASON_ID} reason={access.writeBlockedReason} /> : null}
      {tested ? <ConnectionResult outcome={tested} /> : null}
      <RestartDialog context={context} open={restartOpen} onOpenChange={setRestartOpen} />
    </div>
  );
}
