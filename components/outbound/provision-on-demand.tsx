"use client";

import { useState } from "react";
import { CheckCircle2, CircleMinus, XCircle } from "lucide-react";
import type { DirectoryUser, ProvisionOnDemandResult } from "@/lib/outbound/models";
import { configurationErrorWords } from "@/lib/sync-errors/codes";
import { useProvisionOnDemand, useUserSearch } from "@/lib/queries/outbound";
import { WriteButton } from "@/components/writes/write-button";
import { UnavailableReason } from "@/components/writes/unavailable-reason";
import { useSendWrite } from "@/components/writes/write-toast";
import type { JobContext } from "./job-actions";
import { useSyncAccess } from "./use-sync-access";

const REASON_ID = "provision-reason";

/** The service's step types, named as the admin center shows them. */
const STEP_NAMES: Record<string, string> = { Import: "Import", Scoping: "Scoping", Matching: "Matching", Processing: "Action", Export: "Export" };

function StepIcon({ status }: { status: string }) {
  if (status === "Success") return <CheckCircle2 aria-hidden className="size-4 text-ok" />;
  if (status === "Failure") return <XCircle aria-hidden className="size-4 text-danger" />;
  return <CircleMinus aria-hidden className="size-4 text-muted" />;
}

function Steps({ result }: { result: ProvisionOnDemandResult }) {
  const words = configurationErrorWords(result.errorCode);
  return (
    <div className="space-y-2" aria-label="Provisioning steps" role="region">
      <p className="font-medium">
        {result.userDisplayName ?? "The user"}: {result.result === "Success" ? "provisioned" : result.result === "Skipped" ? "skipped" : "failed"}
        {result.errorCode && result.result !== "Success" ? ` (${result.errorCode})` : ""}
      </p>
      <ol className="space-y-1.5">
        {result.steps.map((step, index) => (
          <li key={index} className="flex items-start gap-2 text-sm">
            <StepIcon status={step.status} />
            <span>
              <span className="font-medium">{STEP_NAMES[step.type] ?? step.type}</span>: {step.status === "Success" ? "done" : step.status.toLowerCase()}
              <span className="block text-xs text-muted">{step.description}</span>
            </span>
          </li>
        ))}
      </ol>
      {words && result.result === "Failure" ? <p className="text-sm">Fix: {words.fix}</p> : null}
    </div>
  );
}

export function ProvisionOnDemand({ context }: { context: JobContext }) {
  const access = useSyncAccess();
  const allowed = access.write !== "denied";
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<DirectoryUser | null>(null);
  const [result, setResult] = useState<ProvisionOnDemandResult | null>(null);
  const users = useUserSearch(context.servicePrincipalId, text);
  const provision = useProvisionOnDemand();
  const sendWrite = useSendWrite();

  const run = () => {
    if (!picked) return;
    setResult(null);
    void sendWrite(() => provision.mutateAsync({ servicePrincipalId: context.servicePrincipalId, jobId: context.job.id, expected: "", userId: picked.id }), {
      write: "provision-on-demand",
      tenantId: context.servicePrincipalId,
      subject: { name: picked.displayName ?? picked.userPrincipalName ?? picked.id },
      onSent: (outcomes) => setResult(outcomes.find((o) => o.detail?.provisioning)?.detail?.provisioning ?? null),
    });
  };

  return (
    <div className="space-y-3 py-3">
      <label className="block text-sm">
        Search users
        <input
          type="search"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setPicked(null);
          }}
          placeholder="Name or sign-in name, at least 2 characters"
          className="mt-1 block h-8 w-96 max-w-full rounded-md border border-border-strong bg-surface px-2 text-sm placeholder:text-muted"
        />
      </label>
      {users.data && users.data.length > 0 ? (
        <fieldset className="space-y-1 text-sm">
          <legend className="sr-only">Users found</legend>
          {users.data.map((user) => (
            <label key={user.id} className="flex items-center gap-2">
              <input type="radio" name="provision-user" checked={picked?.id === user.id} onChange={() => setPicked(user)} />
              <span>
                {user.displayName} <span className="text-muted">{user.userPrincipalName}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : users.data && text.trim().length >= 2 ? (
        <p className="text-sm text-muted">No user starts with that.</p>
      ) : null}
      <WriteButton allowed={allowed} reasonId={REASON_ID} disabled={!picked || provision.isPending} onClick={run}>
        {provision.isPending ? "Provisioning…" : "Provision"}
      </WriteButton>
      {!allowed ? <UnavailableReason id={REASON_ID} reason={access.writeBlockedReason} /> : null}
      {result ? <Steps result={result} /> : null}
    </div>
  );
}
