"use client";

import { useId, useState } from "react";
import { AlertCircle, CheckCircle2, CircleSlash, TriangleAlert } from "lucide-react";
import { fixOwnerWords } from "@/lib/sync-errors/codes";
import type { ErrorGroup } from "@/lib/sync-errors/group";
import { Button } from "@/components/ui/button";

/** Users shown before "Show all". */
const USERS_SHOWN = 10;

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
export const formatWhen = (iso: string) => (iso ? dateTime.format(new Date(iso)) : "");

function GroupIcon({ group }: { group: ErrorGroup }) {
  if (group.code === "" && group.status === "success") return <CheckCircle2 aria-hidden className="size-4 shrink-0 text-ok" />;
  if (group.code === "" && group.status === "skipped") return <CircleSlash aria-hidden className="size-4 shrink-0 text-muted" />;
  if (group.status === "warning") return <TriangleAlert aria-hidden className="size-4 shrink-0 text-warn" />;
  return <AlertCircle aria-hidden className="size-4 shrink-0 text-danger" />;
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

/** One error code: what it means, how to fix it and who does, and the users it affects. */
export function ErrorGroupCard({ group, partnerName }: { group: ErrorGroup; partnerName: string | null }) {
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const users = showAll ? group.users : group.users.slice(0, USERS_SHOWN);
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-border bg-surface p-4">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <h2 id={headingId} className="flex min-w-0 items-center gap-2 text-base font-semibold">
          <GroupIcon group={group} />
          <span>{group.title}</span>
        </h2>
        <p className="text-sm text-muted">
          {plural(group.count, "entry", "entries")} · {plural(group.users.length, "user", "users")} · last {formatWhen(group.lastSeen)}
        </p>
      </div>
      {group.code ? <p className="mt-0.5 font-mono text-xs break-all text-muted">{group.code}</p> : null}
      <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-muted">What it means</dt>
        <dd>{group.meaning}</dd>
        <dt className="font-medium text-muted">How to fix it</dt>
        <dd>
          {group.fix} <span className="text-muted">({fixOwnerWords(group.fixOwner, partnerName)}.)</span>
        </dd>
      </dl>
      <h3 className="mt-3 text-sm font-medium text-muted">Users affected</h3>
      <ul aria-label={`Users affected by ${group.title}`} className="mt-1 divide-y divide-border text-sm">
        {users.map((user) => (
          <li key={user.id || user.userPrincipalName || user.name} className="flex flex-wrap items-baseline justify-between gap-x-4 py-1.5">
            <span className="min-w-0">
              <span className="font-medium">{user.name}</span>
              {user.userPrincipalName ? <span className="block break-all text-muted sm:ml-2 sm:inline">{user.userPrincipalName}</span> : null}
            </span>
            <span className="text-xs text-muted">
              {plural(user.count, "entry", "entries")}, last {formatWhen(user.lastSeen)}
            </span>
          </li>
        ))}
      </ul>
      {group.users.length > USERS_SHOWN ? (
        <Button size="sm" variant="ghost" className="mt-1" onClick={() => setShowAll((shown) => !shown)} aria-expanded={showAll}>
          {showAll ? "Show fewer users" : `Show all ${group.users.length.toLocaleString("en-US")} users`}
        </Button>
      ) : null}
    </section>
  );
}
