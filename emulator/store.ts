/**
 * In-memory directory state (partners, live and deleted sync policies, deleted
 * partners) with the indexes the Graph routes need, the 30-day purge, reset to
 * seed, and optional persistence to EMULATOR_STATE_FILE: changes are coalesced
 * into at most one write per SAVE_DELAY_MS; flush() writes at once.
 */
import { renameSync } from "node:fs";
import { AUDIT_RETENTION_MS, type AuditEntry } from "./audit";
import { bulkDeletionEntry, seedAudit } from "./audit-seed";
import { DAY_MS, type Clock } from "./clock";
import { serviceAccessPolicy, serviceDefaultPolicy, type AccessPolicyRecord, type DefaultPolicyRecord, type PartnerRecord, type SyncPolicyRecord } from "./model";
import { Outbound } from "./outbound";
import { buildOutboundSeed, quarantineAuditEntry } from "./outbound-seed";
import { readStateFile, writeStateFileAtomic } from "./persistence";
import { buildSeedState, bulkDeletedPartner, bulkPartnerName, type SeedOptions, type StateData } from "./seed";

const RETENTION_MS = 30 * DAY_MS;
/** Longest a change waits before it reaches the state file: what a kill -9 can lose. */
export const SAVE_DELAY_MS = 50;

export interface StoreOptions {
  clock: Clock;
  seed: SeedOptions;
  stateFile?: string;
  log?: (message: string) => void;
}

export class Store {
  readonly partners = new Map<string, PartnerRecord>();
  readonly syncPolicies = new Map<string, SyncPolicyRecord>();
  readonly deletedSyncPolicies = new Map<string, SyncPolicyRecord>();
  readonly deletedPartners = new Map<string, PartnerRecord>();
  defaultPolicy: DefaultPolicyRecord = serviceDefaultPolicy();
  accessPolicy: AccessPolicyRecord = serviceAccessPolicy();
  /** Directory audit entries, oldest first; appended by every write, kept 30 days. */
  audit: AuditEntry[] = [];
  /** Cross-tenant sync configurations, users, partners' inbound settings, provisioning log. */
  readonly outbound: Outbound;
  private bulkCount = 0;
  /** Bumped on every change, so caches derived from the state know when to drop. */
  version = 0;
  private partnerArray: PartnerRecord[] | null = null;
  /** Earliest deletedDateTime in deleted items (ms) as of `version`: lets purgeExpired() skip the scan. */
  private oldestDeleted = { version: -1, ms: Infinity };
  /** When purgeExpired() last ran, and on which version of the state. */
  private housekept = { at: -1, version: -1 };
  private readonly options: StoreOptions;
  private dirty = false;
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(options: StoreOptions) {
    this.options = options;
    this.outbound = new Outbound({ users: [], configurations: [], partnerInbound: {}, logs: [] }, {
      now: () => options.clock.now(),
      outboundRedemption: (tenantId) =>
        this.partners.get(tenantId)?.automaticUserConsentSettings?.outboundAllowed ?? this.defaultPolicy.automaticUserConsentSettings.outboundAllowed,
      quarantineChanged: (config, entered, reason, at) => this.insertAudit(quarantineAuditEntry(config, entered, reason, at)),
    });
    const persisted = options.stateFile ? this.readPersisted(options.stateFile) : null;
    if (persisted) {
      options.clock.setOffset(persisted.clockOffsetMs);
      this.load(persisted.data);
      this.purgeExpired();
    } else {
      this.load(this.seedState());
      this.save();
    }
  }

  private readPersisted(path: string) {
    try {
      return readStateFile(path);
    } catch (error) {
      // Atomic writes make this unlikely; keep the unreadable file for inspection and start from the seed.
      const aside = `${path}.unreadable-${Date.now()}`;
      renameSync(path, aside);
      this.options.log?.(`State file unreadable (${(error as Error).message}); moved to ${aside}, starting from the seed.`);
      return null;
    }
  }

  private seedState(): StateData {
    const now = this.options.clock.now();
    const state = buildSeedState(now, this.options.seed);
    const { outbound, audit } = this.seedOutbound(state, now);
    const entries = [...seedAudit(now, this.options.seed.deleted ?? 0), ...audit].sort((a, b) => a.activityDateTime.localeCompare(b.activityDateTime));
    return { ...state, audit: entries, outbound };
  }

  private seedOutbound(state: StateData, now: number) {
    const seed = this.options.seed;
    return buildOutboundSeed(now, { partners: state.partners, defaultPolicy: state.defaultPolicy ?? serviceDefaultPolicy() }, { configurations: seed.syncConfigurations, provisioningLogs: seed.provisioningLogs });
  }

  private load(data: StateData): void {
    this.partners.clear();
    this.syncPolicies.clear();
    this.deletedSyncPolicies.clear();
    this.deletedPartners.clear();
    for (const p of data.partners) this.partners.set(p.tenantId, p);
    for (const s of data.syncPolicies) this.syncPolicies.set(s.tenantId, s);
    for (const s of data.deletedSyncPolicies) this.deletedSyncPolicies.set(s.tenantId, s);
    for (const p of data.deletedPartners) this.deletedPartners.set(p.tenantId, p);
    this.bulkCount = data.bulkCount;
    this.defaultPolicy = data.defaultPolicy ?? serviceDefaultPolicy();
    this.accessPolicy = data.accessPolicy ?? serviceAccessPolicy();
    this.audit = data.audit ?? [];
    // A state file from before sync configurations were served gets the seeded ones (its audit log keeps its own history).
    this.outbound.load(data.outbound ?? this.seedOutbound(data, this.options.clock.now()).outbound);
    this.partnerArray = null;
    this.version++;
  }

  snapshot(): StateData {
    return {
      partners: [...this.partners.values()],
      syncPolicies: [...this.syncPolicies.values()],
      deletedSyncPolicies: [...this.deletedSyncPolicies.values()],
      deletedPartners: [...this.deletedPartners.values()],
      bulkCount: this.bulkCount,
      defaultPolicy: this.defaultPolicy,
      accessPolicy: this.accessPolicy,
      audit: this.audit,
      outbound: this.outbound.state,
    };
  }

  /** How many "Bulk Partner NN" tenants exist (seed-deleted continues from here). */
  get bulkPartners(): number {
    return this.bulkCount;
  }

  /** Partners in a stable order, rebuilt only after a change so paging a large tenant stays O(page). */
  partnerList(): readonly PartnerRecord[] {
    this.partnerArray ??= [...this.partners.values()];
    return this.partnerArray;
  }

  /** Call after every mutation. */
  changed(): void {
    this.partnerArray = null;
    this.version++;
    this.scheduleSave();
  }

  /**
   * Serialising 10,000 partners and fsyncing blocks the event loop, so a burst of
   * changes (a bulk restore, a $batch) shares one write a little later.
   */
  private scheduleSave(): void {
    if (!this.options.stateFile) return;
    this.dirty = true;
    this.saveTimer ??= setTimeout(() => this.flushFromTimer(), SAVE_DELAY_MS);
  }

  private flushFromTimer(): void {
    try {
      this.flush();
    } catch (error) {
      // Still dirty: the next change, flush() or close() tries again.
      this.options.log?.(`Could not write the state file: ${(error as Error).message}`);
    }
  }

  /** Writes pending changes now; a no-op when nothing changed since the last write. */
  flush(): void {
    if (this.dirty) this.save();
  }

  /** Writes the state (and clock offset) now, pending or not, and cancels the scheduled write. */
  save(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const file = this.options.stateFile;
    if (!file) return;
    writeStateFileAtomic(file, {
      version: 1,
      savedAt: new Date().toISOString(),
      clockOffsetMs: this.options.clock.offset,
      data: this.snapshot(),
    });
    this.dirty = false;
  }

  reset(): void {
    this.options.clock.setOffset(0);
    this.load(this.seedState());
    this.save();
  }

  /** Keeps the log in time order for an entry dated in the past. */
  insertAudit(entry: AuditEntry): void {
    let at = this.audit.length;
    while (at > 0 && (this.audit[at - 1]?.activityDateTime ?? "") > entry.activityDateTime) at--;
    this.audit.splice(at, 0, entry);
  }

  /** Records a write: the caller has just called changed() for it, which also saves this entry. */
  appendAudit(entry: AuditEntry): void {
    this.audit.push(entry);
  }

  /**
   * Runs before every Graph operation and when the clock moves: due sync cycles run, and deleted
   * items, audit and provisioning log entries older than 30 days disappear for good. Returns how many
   * deleted items went.
   */
  purgeExpired(): number {
    // The items of one $batch arrive within the same millisecond: nothing new can be due until the clock or the state moves.
    const now = this.options.clock.now();
    if (now === this.housekept.at && this.version === this.housekept.version) return 0;
    try {
      return this.housekeep();
    } finally {
      this.housekept = { at: now, version: this.version };
    }
  }

  private housekeep(): number {
    if (this.outbound.runDue() > 0) this.changed();
    if (this.outbound.prune()) this.changed();
    this.pruneAudit();
    const cutoff = this.options.clock.now() - RETENTION_MS;
    if (this.oldestDeletedMs() > cutoff) return 0;
    let purged = 0;
    for (const map of [this.deletedSyncPolicies, this.deletedPartners]) {
      for (const [id, item] of map) {
        if (item.deletedDateTime !== null && Date.parse(item.deletedDateTime) <= cutoff) {
          map.delete(id);
          purged++;
        }
      }
    }
    if (purged > 0) this.changed();
    return purged;
  }

  /** Audit entries older than 30 days leave the log (oldest first, so only the head is ever checked). */
  private pruneAudit(): void {
    const cutoff = this.options.clock.now() - AUDIT_RETENTION_MS;
    let drop = 0;
    while (drop < this.audit.length && Date.parse(this.audit[drop]?.activityDateTime ?? "") <= cutoff) drop++;
    if (drop === 0) return;
    this.audit.splice(0, drop);
    this.changed();
  }

  /** Runs before every Graph operation, so the scan happens only after a change. */
  private oldestDeletedMs(): number {
    if (this.oldestDeleted.version !== this.version) {
      let ms = Infinity;
      for (const map of [this.deletedSyncPolicies, this.deletedPartners]) {
        for (const item of map.values()) if (item.deletedDateTime !== null) ms = Math.min(ms, Date.parse(item.deletedDateTime));
      }
      this.oldestDeleted = { version: this.version, ms };
    }
    return this.oldestDeleted.ms;
  }

  /** Adds `count` generated partners whose sync policies sit in deleted items (deleted 3 days ago). */
  seedDeleted(count: number): { tenantId: string; displayName: string }[] {
    const added: { tenantId: string; displayName: string }[] = [];
    const now = this.options.clock.now();
    for (let i = 0; i < count; i++) {
      this.bulkCount++;
      const { partner, deletedSyncPolicy } = bulkDeletedPartner(this.bulkCount, now);
      this.partners.set(partner.tenantId, partner);
      this.syncPolicies.delete(partner.tenantId);
      this.deletedSyncPolicies.set(partner.tenantId, deletedSyncPolicy);
      this.insertAudit(bulkDeletionEntry(this.bulkCount, deletedSyncPolicy.deletedDateTime ?? new Date(now).toISOString()));
      added.push({ tenantId: partner.tenantId, displayName: bulkPartnerName(this.bulkCount) });
    }
    this.changed();
    return added;
  }
}
