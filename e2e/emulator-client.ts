/**
 * Talks to the emulator the way an automation script would talk to Graph:
 * client-credentials token, real Graph URLs. Plus the emulator's control API.
 */
export const EMULATOR_URL = `http://localhost:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
export const TENANT_ID = "7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";
const AUTOMATION_CLIENT_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const AUTOMATION_SECRET = process.env.EMULATOR_CLIENT_SECRET ?? "emulator-automation-secret";

export interface WireSyncPolicy {
  tenantId: string;
  displayName: string | null;
  userSyncInbound: { isSyncAllowed: boolean } | null;
  deletedDateTime?: string | null;
}

export interface WirePartner {
  tenantId: string;
  /** Never sent: Graph gives partner configurations no name. Use tenantInformation(). */
  displayName?: undefined;
  identitySynchronization?: WireSyncPolicy | null;
}

export interface WireTenantInformation {
  tenantId: string;
  displayName: string;
  defaultDomainName: string;
  federationBrandName: string | null;
}

export interface WireAuditEntry {
  id: string;
  category: string;
  activityDisplayName: string;
  activityDateTime: string;
  operationType: string;
  correlationId: string;
  initiatedBy: {
    user: { id: string; displayName: string; userPrincipalName: string } | null;
    app: { appId: string; displayName: string } | null;
  };
  targetResources: {
    id: string;
    displayName: string | null;
    modifiedProperties: { displayName: string; oldValue: string | null; newValue: string | null }[];
  }[];
}

export interface WireSyncState {
  configurations: {
    servicePrincipalId: string;
    displayName: string;
    targetTenantId: string | null;
    jobId: string | null;
    scheduleState: "Active" | "Disabled" | "Paused" | null;
    statusCode: "NotConfigured" | "NotRun" | "Active" | "Paused" | "Quarantine" | null;
    quarantineReason: string | null;
    nextRunAt: string | null;
    inScope: string[];
    synced: string[];
    held: string[];
    entryErrors: Record<string, string>;
  }[];
  partners: Record<string, { isSyncAllowed: boolean; inboundAllowed: boolean }>;
}

export class EmulatorClient {
  private token: string | null = null;

  async control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${EMULATOR_URL}/_emulator/${path}`, {
      method,
      headers: method === "GET" ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status} ${await response.text()}`);
    // Moving the emulator's clock ages this client's token as well: the next call fetches a fresh one.
    if (path === "clock" && method !== "GET") this.token = null;
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : null;
  }

  reset() {
    this.token = null;
    return this.control("POST", "reset");
  }

  /** Sets a demo user's consented scopes exactly (e.g. with "AuditLog.Read.All" to skip the consent page); null: back to the start. */
  setConsent(username: string, scopes: string[] | null) {
    return this.control("PUT", "consents", { username, scopes });
  }

  /** The SPA registration's groupMembershipClaims: "None" leaves directory roles (`wids`) out of ID tokens. */
  setGroupMembershipClaims(value: "None" | "DirectoryRole" | "All") {
    return this.control("PUT", "app-registration", { groupMembershipClaims: value });
  }

  /** Empties the audit log's 5-requests-per-10-s windows. */
  clearReportsThrottle() {
    return this.control("DELETE", "throttle");
  }

  failNext(rule: { count: number; path: string; status: number; method?: string; retryAfterSeconds?: number }) {
    return this.control("POST", "faults/fail-next", rule);
  }

  /** How many `method` requests for `path` (under /beta, no query) the emulator has answered since the last reset. */
  async answered(method: string, path: string): Promise<number> {
    const { answered } = (await this.control("GET", "requests")) as { answered: Record<string, number> };
    return answered[`${method} /beta${path}`] ?? 0;
  }

  /** The latest answers to `method` requests for `path` (under /beta, no query), oldest first, with their status and time. */
  async answers(method: string, path: string): Promise<{ status: number; at: number }[]> {
    const { latest } = (await this.control("GET", "requests")) as { latest: { method: string; path: string; status: number; at: number }[] };
    return latest.filter((answer) => answer.method === method && answer.path === `/beta${path}`).map(({ status, at }) => ({ status, at }));
  }

  async seedDeleted(count: number): Promise<string[]> {
    const answer = (await this.control("POST", "seed-deleted", { count })) as { tenantIds: string[] };
    return answer.tenantIds;
  }

  /** Every cross-tenant sync configuration as the emulator holds it (status, scope, users in the target, held deletions). */
  async syncState(): Promise<WireSyncState> {
    return (await this.control("GET", "sync")) as WireSyncState;
  }

  /** What a partner tenant has set up for us in its own directory: sync into it allowed, inbound automatic redemption. */
  setPartnerInbound(tenantId: string, settings: { isSyncAllowed?: boolean; inboundAllowed?: boolean }) {
    return this.control("PUT", `sync/partners/${tenantId}`, settings);
  }

  /** Assigns or unassigns users of a configuration, or makes one fail every cycle with a documented code (null clears it). */
  setSyncScope(servicePrincipalId: string, change: { add?: string[]; remove?: string[]; changed?: string[]; entryErrors?: Record<string, string | null> }) {
    return this.control("POST", `sync/configurations/${servicePrincipalId}/scope`, change);
  }

  /** Runs a configuration's sync cycle now (as its 40-minute schedule would); the job must be running. */
  runSyncCycle(servicePrincipalId: string) {
    return this.control("POST", `sync/configurations/${servicePrincipalId}/cycle`, {});
  }

  private async accessToken(): Promise<string> {
    if (this.token) return this.token;
    const response = await fetch(`${EMULATOR_URL}/${TENANT_ID}/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: AUTOMATION_CLIENT_ID,
        client_secret: AUTOMATION_SECRET,
        scope: "https://graph.microsoft.com/.default",
      }),
    });
    const body = (await response.json()) as { access_token: string };
    this.token = body.access_token;
    return this.token;
  }

  /** A read, or a write (with a JSON body) as another admin's script would send it. */
  async graph(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${EMULATOR_URL}/beta${path}`, {
      method,
      headers: { Authorization: `Bearer ${await this.accessToken()}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  private async collect<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let next: string | null = `${EMULATOR_URL}/beta${path}`;
    while (next) {
      const response: Response = await fetch(next, { headers: { Authorization: `Bearer ${await this.accessToken()}` } });
      const page = (await response.json()) as { value: T[]; "@odata.nextLink"?: string };
      items.push(...page.value);
      next = page["@odata.nextLink"] ?? null;
    }
    return items;
  }

  partners() {
    return this.collect<WirePartner>("/policies/crossTenantAccessPolicy/partners?$expand=identitySynchronization");
  }

  deletedSyncPolicies() {
    return this.collect<WireSyncPolicy & { deletedDateTime: string }>("/policies/deletedItems/crossTenantSyncPolicyPartners");
  }

  async liveSyncPolicy(tenantId: string): Promise<WireSyncPolicy | null> {
    const answer = await this.graph("GET", `/policies/crossTenantAccessPolicy/partners/${tenantId}/identitySynchronization`);
    return answer.status === 200 ? (answer.body as WireSyncPolicy) : null;
  }

  /** findTenantInformationByTenantId, or ByDomainName when given a domain; null when Graph does not know it. */
  async tenantInformation(tenantIdOrDomain: string): Promise<WireTenantInformation | null> {
    const byDomain = tenantIdOrDomain.includes(".");
    const fn = byDomain
      ? `findTenantInformationByDomainName(domainName='${tenantIdOrDomain}')`
      : `findTenantInformationByTenantId(tenantId='${tenantIdOrDomain}')`;
    const answer = await this.graph("GET", `/tenantRelationships/${fn}`);
    return answer.status === 200 ? (answer.body as WireTenantInformation) : null;
  }

  async partnerName(tenantId: string): Promise<string | null> {
    return (await this.tenantInformation(tenantId))?.displayName ?? null;
  }

  /**
   * Audit entries, newest first, optionally for one partner (its tenant id in a target): one page of up
   * to 999. The automation client has its own 5-per-10-s budget (the dashboard's is untouched); a 429
   * is waited out as Retry-After says.
   */
  async auditEntries(partnerTenantId?: string): Promise<WireAuditEntry[]> {
    const filter = partnerTenantId ? `&$filter=${encodeURIComponent(`targetResources/any(t: t/id eq '${partnerTenantId}')`)}` : "";
    const url = `${EMULATOR_URL}/beta/auditLogs/directoryAudits?$top=999${filter}`;
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${await this.accessToken()}` } });
      if (response.status === 429 && attempt < 3) {
        await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") ?? "1") * 1000));
        continue;
      }
      if (!response.ok) throw new Error(`audit log: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { value: WireAuditEntry[] }).value;
    }
  }

  /** Every audit entry of one activity (e.g. "Restore a partner cross-tenant identity sync setting"), all pages, Retry-After waited out. */
  async auditEntriesOf(activityDisplayName: string): Promise<WireAuditEntry[]> {
    const entries: WireAuditEntry[] = [];
    let next: string | null = `${EMULATOR_URL}/beta/auditLogs/directoryAudits?$top=999&$filter=${encodeURIComponent(`activityDisplayName eq '${activityDisplayName}'`)}`;
    while (next) {
      const response: Response = await fetch(next, { headers: { Authorization: `Bearer ${await this.accessToken()}` } });
      if (response.status === 429) {
        await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") ?? "1") * 1000));
        continue;
      }
      if (!response.ok) throw new Error(`audit log: ${response.status} ${await response.text()}`);
      const page = (await response.json()) as { value: WireAuditEntry[]; "@odata.nextLink"?: string };
      entries.push(...page.value);
      next = page["@odata.nextLink"] ?? null;
    }
    return entries;
  }

  restoreAsAnotherAdmin(tenantId: string) {
    return this.graph("POST", `/policies/deletedItems/crossTenantSyncPolicyPartners/${tenantId}/restore`);
  }
}
