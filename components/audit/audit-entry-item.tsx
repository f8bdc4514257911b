"use client";

import Link from "next/link";
import { ArrowRight, CircleAlert, CircleCheck } from "lucide-react";
import type { DescribedEntry } from "@/lib/audit/describe";
import type { AuditEntry } from "@/lib/audit/types";
import { formatDate } from "@/lib/deleted/retention";

/** The sentence after the actor, with the partner's name as a link to its page. */
function SentenceRest({ rest, partner }: { rest: string; partner?: { tenantId: string; name: string } }) {
  if (!partner) return <>{rest}</>;
  const link = (
    <Link href={`/partners/${partner.tenantId}`} className="text-accent underline underline-offset-2">
      {partner.name}
    </Link>
  );
  const at = rest.indexOf(partner.name);
  if (at < 0) {
    return (
      <>
        {rest} · {link}
      </>
    );
  }
  return (
    <>
      {rest.slice(0, at)}
      {link}
      {rest.slice(at + partner.name.length)}
    </>
  );
}

/** One change: who did what and when, old → new values, and the raw entry one click away. */
export function AuditEntryItem({ entry, described, partner }: { entry: AuditEntry; described: DescribedEntry; partner?: { tenantId: string; name: string } }) {
  return (
    <li className="border-b border-border py-2.5 last:border-0">
      <div className="grid grid-cols-1 items-baseline gap-x-4 sm:grid-cols-[1fr_auto]">
        <p className="flex items-start gap-1.5">
          {described.failed ? (
            <CircleAlert aria-label="Failed" className="mt-0.5 size-4 shrink-0 text-danger" />
          ) : (
            <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-muted" />
          )}
          <span>
            <span className="font-medium">{described.who}</span>
            {entry.actor.kind === "user" && described.whoDetail && described.whoDetail !== described.who ? (
              <span className="text-muted"> ({described.whoDetail})</span>
            ) : null}
            <SentenceRest rest={described.sentence.slice(described.who.length)} partner={partner} />
          </span>
        </p>
        <time dateTime={entry.activityDateTime || undefined} className="ml-5.5 whitespace-nowrap text-xs text-muted sm:ml-0">
          {formatDate(entry.activityDateTime || null, true)}
        </time>
      </div>
      {described.changes.length > 0 ? (
        <dl className="mt-1 ml-5.5 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
          {described.changes.map((change) => (
            <div key={change.path} className="contents">
              <dt className="text-muted">{change.label}</dt>
              <dd className="flex flex-wrap items-center gap-1">
                <span>{change.from}</span>
                <ArrowRight aria-label="changed to" className="size-3 text-muted" />
                <span className="font-medium">{change.to}</span>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <details className="mt-1 ml-5.5 text-xs">
        <summary className="cursor-pointer text-accent hover:underline">Raw entry</summary>
        <pre tabIndex={0} aria-label="Raw audit entry (JSON)" className="mt-1 max-h-72 overflow-auto rounded-md border border-border bg-surface-muted p-2 font-mono text-[11px] leading-snug">
          {JSON.stringify(entry.raw, null, 2)}
        </pre>
      </details>
    </li>
  );
}
