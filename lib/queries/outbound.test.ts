import { describe, expect, it } from "vitest";
import type { SyncJob } from "@/lib/outbound/models";
import { addOutboundPart, toOutboundRows, type OutboundList } from "./outbound";

const SP = "00000000-0000-4000-8000-000000000001";
const TARGET = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const job = { id: "Azure2Azure.1", scheduleState: "Active", statusCode: "Active", quarantine: null, lastExecution: null, usersInSync: 12 } as unknown as SyncJob;
const refused = { status: 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.", requestId: null, retryAfterSeconds: null };
const empty: OutboundList = { configurations: [], jobs: {}, targets: {}, complete: false };

describe("the Outbound list as its parts arrive", () => {
  it("shows a row with its page, its status with its job, and its target with its secrets, in any order", () => {
    const page = addOutboundPart(empty, { kind: "configurations", items: [{ servicePrincipalId: SP, displayName: "Contoso to Fabrikam" }] });
    expect(toOutboundRows(page)).toEqual([expect.objectContaining({ servicePrincipalId: SP, jobRead: false, targetRead: false, status: null, targetTenantId: null })]);

    const withJob = addOutboundPart(page, { kind: "jobs", items: [{ servicePrincipalId: SP, job, readError: null }] });
    expect(toOutboundRows(withJob)[0]).toMatchObject({ jobRead: true, targetRead: false, targetTenantId: null, job });
    expect(toOutboundRows(withJob)[0]!.status).not.toBeNull();

    const whole = addOutboundPart(withJob, { kind: "targets", items: [{ servicePrincipalId: SP, targetTenantId: TARGET, readError: null }] });
    expect(toOutboundRows(whole)[0]).toMatchObject({ jobRead: true, targetRead: true, targetTenantId: TARGET, job, readError: null });

    const targetFirst = addOutboundPart(addOutboundPart(page, { kind: "targets", items: [{ servicePrincipalId: SP, targetTenantId: TARGET, readError: null }] }), { kind: "jobs", items: [{ servicePrincipalId: SP, job, readError: null }] });
    expect(toOutboundRows(targetFirst)).toEqual(toOutboundRows(whole));
  });

  it("keeps a refused read on the row, the job's first", () => {
    const page = addOutboundPart(empty, { kind: "configurations", items: [{ servicePrincipalId: SP, displayName: null }] });
    const secretsRefused = addOutboundPart(addOutboundPart(page, { kind: "jobs", items: [{ servicePrincipalId: SP, job, readError: null }] }), { kind: "targets", items: [{ servicePrincipalId: SP, targetTenantId: null, readError: refused }] });
    expect(toOutboundRows(secretsRefused)[0]).toMatchObject({ job, targetRead: true, targetTenantId: null, readError: { status: 403 } });
    const jobRefused = addOutboundPart(page, { kind: "jobs", items: [{ servicePrincipalId: SP, job: null, readError: { ...refused, code: "JobRefused" } }] });
    const both = addOutboundPart(jobRefused, { kind: "targets", items: [{ servicePrincipalId: SP, targetTenantId: null, readError: refused }] });
    expect(toOutboundRows(both)[0]).toMatchObject({ status: null, jobRead: true, readError: { code: "JobRefused" } });
  });
});
