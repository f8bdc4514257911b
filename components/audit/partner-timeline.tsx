"use client";

import { useMemo } from "react";
import { describeAuditEntry } from "@/lib/audit/describe";
import { entriesOf, usePartnerTimeline } from "@/lib/queries/audit";
import { Section } from "@/components/ui/detail-section";
import { AuditEntryList } from "./audit-entry-list";
import { RETENTION_NOTE } from "@/components/shared/audit-status";

/** The partner's change history from the audit log, newest first. */
export function PartnerTimeline({ tenantId }: { tenantId: string }) {
  const timeline = usePartnerTimeline(tenantId);
  const items = useMemo(() => entriesOf(timeline.data).map((entry) => ({ entry, described: describeAuditEntry(entry) })), [timeline.data]);

  return (
    <Section title="Change history" actions={<p className="text-xs text-muted">{RETENTION_NOTE} New changes can take a few minutes to appear.</p>}>
      <AuditEntryList query={timeline} items={items} loadingLabel="Loading change history" skeletonRows={2} empty="No changes to this partner in the last 30 days." />
    </Section>
  );
}
