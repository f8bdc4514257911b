/**
 * Reads everything a snapshot holds and builds it. The reads are handed in (SnapshotSource), so
 * the browser (server actions, streamed) and `npm run snapshot` (lib/graph with an app token)
 * run this same sequence: the list pages stream in while names are asked for in their own lane.
 */
import type { AccessSettings, DeletedPartner, DeletedSyncPolicy, Partner, TenantInformation } from "@/lib/core/models";
import { buildSnapshot, sealSnapshot } from "./build";
import type { SnapshotDocument, SnapshotPolicyRoot } from "./schema";

/** A list read: every part is handed over as it arrives; rejects when the read fails. */
export type ListRead<Item> = (onPart: (items: Item[]) => void) => Promise<void>;

export interface TenantNames {
  found: TenantInformation[];
  unknown: string[];
}

export interface SnapshotSource {
  tenantId: string;
  now: () => Date;
  policyRoot: () => Promise<SnapshotPolicyRoot>;
  defaultPolicy: () => Promise<AccessSettings>;
  partners: ListRead<Partner>;
  deletedPartners: ListRead<DeletedPartner>;
  deletedSyncPolicies: ListRead<DeletedSyncPolicy>;
  /** Who each tenant is, for at most NAMES_PER_CALL ids; parts as Graph answers. */
  tenants: (tenantIds: string[], onPart: (names: TenantNames) => void) => Promise<void>;
}

export interface SnapshotProgress {
  partners: number;
  deletedPartners: number;
  deletedSyncPolicies: number;
  names: number;
}

/** Ids one name lookup call takes (the action's own limit). */
export const NAMES_PER_CALL = 500;

export async function collectSnapshot(source: SnapshotSource, onProgress: (progress: SnapshotProgress) => void = () => {}): Promise<SnapshotDocument> {
  const takenDateTime = source.now().toISOString();
  const progress: SnapshotProgress = { partners: 0, deletedPartners: 0, deletedSyncPolicies: 0, names: 0 };
  const report = () => onProgress({ ...progress });

  const names = new Map<string, TenantInformation>();
  const asked = new Set<string>();
  const unanswered = new Set<string>();
  const lookups: Promise<void>[] = [];
  let waiting: string[] = [];
  // Names are looked up, not configuration: a lookup that fails leaves its ids unanswered instead of failing the export.
  const lookUp = (ids: string[]) => {
    lookups.push(
      source
        .tenants(ids, (part) => {
          for (const info of part.found) names.set(info.tenantId.toLowerCase(), info);
          progress.names += part.found.length + part.unknown.length;
          for (const id of [...part.found.map((info) => info.tenantId), ...part.unknown]) unanswered.delete(id.toLowerCase());
          report();
        })
        .catch(() => undefined),
    );
  };
  const ask = (tenantIds: string[], flush: boolean) => {
    for (const raw of tenantIds) {
      const id = raw.toLowerCase();
      if (asked.has(id)) continue;
      asked.add(id);
      unanswered.add(id);
      waiting.push(id);
    }
    while (waiting.length >= NAMES_PER_CALL || (flush && waiting.length > 0)) {
      lookUp(waiting.slice(0, NAMES_PER_CALL));
      waiting = waiting.slice(NAMES_PER_CALL);
    }
  };

  const partners: Partner[] = [];
  const deletedPartners: DeletedPartner[] = [];
  const deletedSyncPolicies: DeletedSyncPolicy[] = [];
  const [policyRoot, defaultPolicy] = await Promise.all([
    source.policyRoot(),
    source.defaultPolicy(),
    source.partners((page) => {
      partners.push(...page);
      progress.partners += page.length;
      ask(page.map((partner) => partner.tenantId), false);
      report();
    }),
    source.deletedPartners((page) => {
      deletedPartners.push(...page);
      progress.deletedPartners += page.length;
      report();
    }),
    source.deletedSyncPolicies((page) => {
      deletedSyncPolicies.push(...page);
      progress.deletedSyncPolicies += page.length;
      report();
    }),
  ]);
  ask([...deletedPartners, ...deletedSyncPolicies].map((entry) => entry.tenantId), true);
  await Promise.all(lookups);
  // A lookup Graph throttled or failed leaves its ids unanswered: one more try, so the name is not left out by chance.
  if (unanswered.size > 0) {
    lookups.length = 0;
    const again = [...unanswered];
    for (let start = 0; start < again.length; start += NAMES_PER_CALL) lookUp(again.slice(start, start + NAMES_PER_CALL));
    await Promise.all(lookups);
  }

  return sealSnapshot(
    buildSnapshot({ tenantId: source.tenantId, takenDateTime, policyRoot, defaultPolicy, partners, deletedPartners, deletedSyncPolicies, tenants: [...names.values()] }),
  );
}
