/**
 * The default tenant's cross-tenant sync configurations, one per state a new
 * user should see at once (healthy, quarantined for redemption, entry-level
 * errors, paused, too many deletes, never run), its users, and the partners'
 * inbound settings for us. The history (provisioning log, job status,
 * quarantine entries in the audit log) is produced by running the engine over
 * the past weeks on a simulated clock, so it is exactly what the service's
 * cycles would have left. EMULATOR_SYNC_CONFIGURATIONS and
 * EMULATOR_PROVISIONING_LOGS size it up for benchmarks.
 */
import { randomUUID } from "node:crypto";
import { auditEntry, appInitiator, type AuditEntry } from "./audit";
import { DAY_MS } from "./clock";
import { ACCOUNTS } from "./entra/directory";
import { deterministicGuid } from "./guid";
import type { DefaultPolicyRecord, PartnerRecord } from "./model";
import {
  CROSS_TENANT_SYNC_TEMPLATE_ID,
  DEFAULT_DELETE_THRESHOLD,
  newJob,
  Outbound,
  SYNC_INTERVAL_MS,
  targetUserId,
  type DirectoryUser,
  type OutboundState,
  type ProvisioningRecord,
  type SyncConfiguration,
} from "./outbound";
import { SEED_PARTNERS } from "./seed";

export const MAX_SYNC_CONFIGURATIONS = 1000;
export const MAX_PROVISIONING_LOGS = 200_000;

export interface OutboundSeedOptions {
  /** Total configurations (EMULATOR_SYNC_CONFIGURATIONS); generated ones fill up after the six seeded. */
  configurations?: number;
  /** Provisioning log entries at least (EMULATOR_PROVISIONING_LOGS); older generated entries fill up. */
  provisioningLogs?: number;
}

const FIRST = [
  "Aaliyah", "Adrian", "Aisha", "Alejandro", "Amara", "Anders", "Ananya", "Beatriz", "Benjamin", "Camila", "Chen", "Chloe", "Daniel", "Dmitri",
  "Elena", "Emeka", "Fatima", "Felix", "Grace", "Hannah", "Hiroshi", "Ines", "Isaac", "Jamal", "Julia", "Kai", "Karin", "Leila", "Lucas",
  "Maya", "Mateo", "Nadia", "Noah", "Olivia", "Omar", "Priya", "Rafael", "Sofia", "Tomas", "Yara",
];
const LAST = [
  "Andersen", "Baker", "Chowdhury", "Dubois", "Eriksson", "Fernandes", "Garcia", "Hansen", "Ibrahim", "Jensen", "Kowalski", "Lindqvist",
  "Martinez", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Walsh", "Xu", "Yilmaz", "Zimmermann",
];
const TITLES = ["Account Manager", "Consultant", "Data Analyst", "Designer", "Engineer", "Finance Partner", "HR Generalist", "Marketing Lead", "Product Manager", "Project Manager", "Sales Representative", "Support Specialist"];
const DEPARTMENTS = ["Engineering", "Finance", "Human Resources", "Marketing", "Operations", "Sales", "Support"];

const POOL_SIZE = 420;
export const DOMAIN = "contoso.example";

/** The user whose address clashes with an internal user of the target (InvitationCreationFailureAmbiguousUser). */
export const CLASHING_USER = { displayName: "Megan Bowen", userPrincipalName: `megan.bowen@${DOMAIN}` };

export const userId = (index: number) => deterministicGuid(`emulator-user-${index}`);

function seedUsers(): DirectoryUser[] {
  const users: DirectoryUser[] = ACCOUNTS.map((a) => {
    const [given = a.displayName, ...rest] = a.displayName.split(" ");
    return { id: a.oid, displayName: a.displayName, givenName: given, surname: rest.join(" "), userPrincipalName: a.username, mail: a.username, jobTitle: a.roleName ? "IT Administrator" : "Service Desk Analyst", department: "IT", accountEnabled: true };
  });
  for (let i = 0; i < POOL_SIZE; i++) {
    const given = FIRST[i % FIRST.length] as string;
    const surname = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length] as string;
    const clash = i === 330;
    const displayName = clash ? CLASHING_USER.displayName : `${given} ${surname}`;
    const upn = clash ? CLASHING_USER.userPrincipalName : `${given}.${surname}${i >= FIRST.length * 2 ? String(i) : ""}@${DOMAIN}`.toLowerCase();
    users.push({
      id: userId(i),
      displayName,
      givenName: clash ? "Megan" : given,
      surname: clash ? "Bowen" : surname,
      userPrincipalName: upn,
      mail: upn,
      jobTitle: TITLES[i % TITLES.length] ?? null,
      department: DEPARTMENTS[i % DEPARTMENTS.length] ?? null,
      accountEnabled: true,
    });
  }
  return users;
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => userId(from + k));

export type SeedSyncStateName = "healthy" | "quarantined-redemption" | "entry-errors" | "paused" | "too-many-deletes" | "not-run";

export interface SeedConfiguration {
  servicePrincipalId: string;
  displayName: string;
  target: string;
  state: SeedSyncStateName;
}

const TENANT = (name: string) => {
  const seed = SEED_PARTNERS.find((p) => p.tenant.displayName === name);
  if (!seed) throw new Error(`no seeded partner ${name}`);
  return seed.partner.tenantId;
};

export const NORTHWIND_TENANT_ID = TENANT("Northwind Traders");
const FABRIKAM = TENANT("Fabrikam");
const LITWARE = TENANT("Litware, Inc.");
const FOURTH_COFFEE = TENANT("Fourth Coffee");
const ALPINE = TENANT("Alpine Ski House");
const ADATUM = TENANT("Adatum Corporation");

const spId = (key: string) => deterministicGuid(`emulator-sync-configuration-${key}`);

/** The six seeded configurations (README lists them; the dashboard's e2e tests rely on the ids). */
export const SEED_CONFIGURATIONS: readonly SeedConfiguration[] = [
  { servicePrincipalId: spId("fabrikam"), displayName: "Contoso to Fabrikam", target: FABRIKAM, state: "healthy" },
  { servicePrincipalId: spId("northwind"), displayName: "Contoso to Northwind Traders", target: NORTHWIND_TENANT_ID, state: "quarantined-redemption" },
  { servicePrincipalId: spId("litware"), displayName: "Contoso to Litware", target: LITWARE, state: "entry-errors" },
  { servicePrincipalId: spId("fourthcoffee"), displayName: "Contoso to Fourth Coffee", target: FOURTH_COFFEE, state: "paused" },
  { servicePrincipalId: spId("alpine"), displayName: "Contoso to Alpine Ski House", target: ALPINE, state: "too-many-deletes" },
  { servicePrincipalId: spId("adatum"), displayName: "Contoso to Adatum", target: ADATUM, state: "not-run" },
];

function configuration(id: string, displayName: string, target: string, createdMs: number, scope: string[], threshold = DEFAULT_DELETE_THRESHOLD): SyncConfiguration {
  const created = new Date(createdMs).toISOString();
  return {
    id,
    appId: deterministicGuid(`${id}-app`),
    displayName,
    secrets: [
      { key: "CompanyId", value: target },
      { key: "AuthenticationType", value: "SyncPolicy" },
      { key: "SyncNotificationSettings", value: JSON.stringify({ Enabled: true, Recipients: "admin@contoso.example", DeleteThresholdEnabled: true, DeleteThresholdValue: threshold }) },
      { key: "SyncAll", value: "false" },
    ],
    assignments: scope.map((principalId) => ({ id: assignmentId(id, principalId), principalId, createdDateTime: created })),
    job: newJob(target, id, threshold),
    synced: {},
    held: [],
    entryErrors: {},
    pendingUpdates: [],
  };
}

/** appRoleAssignment ids are opaque strings in Graph (base64url of the principal and more). */
export function assignmentId(servicePrincipalId: string, principalId: string): string {
  return Buffer.from(deterministicGuid(`${servicePrincipalId}-${principalId}`).replace(/-/g, ""), "hex").toString("base64url");
}

interface SimEvent {
  at: number;
  run: () => void;
}

export interface SeedDirectory {
  partners: readonly PartnerRecord[];
  defaultPolicy: DefaultPolicyRecord;
}

type OutboundSeed = { outbound: OutboundState; audit: AuditEntry[] };

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Simulating three weeks of cycles takes a while; every reset (each test) reuses it, its times shifted. */
const seedCache = new Map<string, { now: number; json: string }>();

export function buildOutboundSeed(now: number, directory: SeedDirectory, options: OutboundSeedOptions = {}): OutboundSeed {
  const key = `${options.configurations ?? 0}|${options.provisioningLogs ?? 0}`;
  const cached = seedCache.get(key);
  if (cached) {
    const shift = now - cached.now;
    return JSON.parse(cached.json, (_, value: unknown) => (typeof value === "string" && ISO_MS.test(value) ? new Date(Date.parse(value) + shift).toISOString() : value)) as OutboundSeed;
  }
  const built = simulateOutboundSeed(now, directory, options);
  seedCache.set(key, { now, json: JSON.stringify(built) });
  return built;
}

function simulateOutboundSeed(now: number, directory: SeedDirectory, options: OutboundSeedOptions): OutboundSeed {
  const partnerInbound: OutboundState["partnerInbound"] = {};
  for (const p of SEED_PARTNERS) partnerInbound[p.partner.tenantId] = { isSyncAllowed: true, inboundAllowed: true };
  const state: OutboundState = { users: seedUsers(), configurations: [], partnerInbound, logs: [] };
  const audit: AuditEntry[] = [];
  const clock = { t: now };
  const partners = new Map(directory.partners.map((p) => [p.tenantId, p]));
  const engine = new Outbound(state, {
    now: () => clock.t,
    outboundRedemption: (tenantId) => partners.get(tenantId)?.automaticUserConsentSettings?.outboundAllowed ?? directory.defaultPolicy.automaticUserConsentSettings.outboundAllowed,
    quarantineChanged: (config, entered, reason, at) => audit.push(quarantineAuditEntry(config, entered, reason, at, `seed-${config.id}-${at}`)),
  });
  const events: SimEvent[] = [];
  const ago = (days: number) => now - days * DAY_MS;
  const add = (config: SyncConfiguration) => {
    state.configurations.push(config);
    return config;
  };
  const activate = (config: SyncConfiguration, atMs: number) =>
    events.push({ at: atMs, run: () => { if (config.job) { config.job.schedule.state = "Active"; config.job.nextRunAt = new Date(atMs).toISOString(); } } });

  const [fabrikam, northwind, litware, fourth, alpine, adatum] = SEED_CONFIGURATIONS as [SeedConfiguration, SeedConfiguration, SeedConfiguration, SeedConfiguration, SeedConfiguration, SeedConfiguration];

  // Healthy: 300 users in sync for three weeks, a few attribute changes a day; last cycle ten minutes ago.
  const fb = add(configuration(fabrikam.servicePrincipalId, fabrikam.displayName, fabrikam.target, ago(21.5), range(0, 300)));
  activate(fb, now - 10 * 60 * 1000 - 756 * SYNC_INTERVAL_MS);
  for (let day = 20; day >= 1; day--) {
    events.push({ at: ago(day) + 3 * 60 * 60 * 1000, run: () => fb.pendingUpdates.push(userId((day * 13) % 300), userId((day * 29 + 7) % 300)) });
  }

  // Quarantined: our outbound automatic redemption for Northwind Traders is off (the seeded partner says so).
  const nw = add(configuration(northwind.servicePrincipalId, northwind.displayName, northwind.target, ago(3.2), range(300, 25)));
  activate(nw, ago(3));

  // Entry-level errors: 40 users, five of whom fail every cycle with a documented code; one clashes.
  const lw = add(configuration(litware.servicePrincipalId, litware.displayName, litware.target, ago(6.1), range(325, 40)));
  lw.entryErrors = {
    [userId(330)]: "InvitationCreationFailureAmbiguousUser",
    [userId(333)]: "InvitationCreationFailureInvalidPropertyValue",
    [userId(341)]: "InvitationCreationFailureInvalidPropertyValue",
    [userId(350)]: "InvitationCreationFailureUserAccountDisabled",
    [userId(358)]: "AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises",
  };
  activate(lw, now - 25 * 60 * 1000 - 216 * SYNC_INTERVAL_MS);

  // Paused four days ago after eleven healthy days.
  const fc = add(configuration(fourth.servicePrincipalId, fourth.displayName, fourth.target, ago(15.1), range(365, 20)));
  activate(fc, ago(15));
  events.push({ at: ago(4), run: () => engine.pause(fc) });

  // Too many deletes: 60 users in sync, then 35 taken out of scope yesterday; the threshold is 20.
  const al = add(configuration(alpine.servicePrincipalId, alpine.displayName, alpine.target, ago(18.1), range(100, 60), 20));
  activate(al, ago(18));
  events.push({ at: ago(1), run: () => (al.assignments = al.assignments.slice(0, 25)) });

  // Not run yet: created two hours ago, never started.
  add(configuration(adatum.servicePrincipalId, adatum.displayName, adatum.target, now - 2 * 60 * 60 * 1000, range(385, 15)));

  const generated = Math.max(0, Math.min(options.configurations ?? 0, MAX_SYNC_CONFIGURATIONS) - SEED_CONFIGURATIONS.length);
  for (let i = 1; i <= generated; i++) {
    const kind = i % 5;
    const target = kind === 3 ? LITWARE : kind === 4 ? NORTHWIND_TENANT_ID : FABRIKAM;
    const name = kind === 3 ? "Litware" : kind === 4 ? "Northwind Traders" : "Fabrikam";
    const config = add(configuration(spId(`generated-${i}`), `Contoso to ${name} ${String(i).padStart(3, "0")}`, target, ago(2.2), range((i * 17) % (POOL_SIZE - 20), 20)));
    if (kind === 3) config.entryErrors = { [userId((i * 17) % (POOL_SIZE - 20) + 3)]: "InvitationCreationFailureInvalidPropertyValue" };
    activate(config, ago(2) + (i % 60) * 40_000);
  }

  // Step the simulated clock one interval at a time, so every cycle of the history runs (and logs) once.
  events.sort((a, b) => a.at - b.at);
  const start = events[0]?.at ?? now;
  let next = 0;
  for (clock.t = start; ; clock.t = Math.min(clock.t + SYNC_INTERVAL_MS / 2, now)) {
    while (next < events.length && (events[next] as SimEvent).at <= clock.t) (events[next++] as SimEvent).run();
    engine.runDue();
    if (clock.t >= now) break;
  }
  engine.sortLogs();
  fillLogs(state, now, options.provisioningLogs ?? 0);
  return { outbound: state, audit };
}

/** Older generated entries until the log holds `total` (benchmarks): creates, updates and documented failures over the last 29 days. */
function fillLogs(state: OutboundState, now: number, total: number): void {
  const missing = Math.min(total, MAX_PROVISIONING_LOGS) - state.logs.length;
  if (missing <= 0) return;
  const configs = state.configurations.filter((c) => c.job);
  const oldest = state.logs[0] ? Date.parse(state.logs[0].activityDateTime) : now;
  const span = Math.max(0, oldest - (now - 29 * DAY_MS));
  const codes = ["InvitationCreationFailureInvalidPropertyValue", "InvitationCreationFailureAmbiguousUser", "AzureActiveDirectoryQuotaLimitExceeded", "AzureActiveDirectoryForbidden"];
  const extra: ProvisioningRecord[] = [];
  for (let k = 0; k < missing; k++) {
    const config = configs[k % configs.length] as SyncConfiguration;
    const job = config.job as NonNullable<SyncConfiguration["job"]>;
    const scope = config.assignments;
    const user = scope[k % Math.max(1, scope.length)]?.principalId ?? userId(k % POOL_SIZE);
    const failed = k % 9 === 0;
    extra.push({
      id: randomUUID(),
      changeId: randomUUID(),
      cycleId: deterministicGuid(`fill-cycle-${config.id}-${Math.floor(k / 50)}`),
      activityDateTime: new Date(now - 29 * DAY_MS + (span * k) / missing).toISOString(),
      servicePrincipalId: config.id,
      jobId: job.id,
      action: k % 4 === 0 ? "create" : "update",
      status: failed ? "failure" : "success",
      errorCode: failed ? (codes[k % codes.length] ?? null) : null,
      userId: user,
      targetUserId: failed ? null : targetUserId(config.id, user),
      targetTenantId: config.secrets.find((s) => s.key === "CompanyId")?.value ?? "",
      durationInMilliseconds: 800 + (k % 700),
      initiatedBy: { id: "", displayName: "Azure AD Provisioning Service", initiatorType: "system" },
    });
  }
  state.logs = [...extra, ...state.logs];
}

const PROVISIONING_APP = appInitiator("", "Azure AD Provisioning Service", "");

/** The audit entry for a job entering or leaving quarantine: the provisioning service logs it against the configuration's service principal. */
export function quarantineAuditEntry(config: SyncConfiguration, entered: boolean, reason: string | null, at: string, idSeed?: string): AuditEntry {
  return auditEntry({
    activity: entered ? "jobQuarantine" : "jobUnquarantine",
    initiatedBy: PROVISIONING_APP,
    targetId: config.id,
    targetName: config.displayName,
    targetType: "ServicePrincipal",
    modified: [
      { displayName: "JobId", oldValue: null, newValue: JSON.stringify(config.job?.id ?? null) },
      { displayName: "QuarantineReason", oldValue: entered ? null : JSON.stringify(reason), newValue: entered ? JSON.stringify(reason) : null },
    ],
    at,
    idSeed,
  });
}

export { CROSS_TENANT_SYNC_TEMPLATE_ID };
