/**
 * Each write's words, one entry per write: the entry names it (WriteKind), so adding a write
 * starts here. Pure data; messages.ts builds every toast and notice from it, and outcome.ts
 * names writes by it.
 */

/** Who or what a toast speaks of; `on` and `setting` for writes that switch a setting. */
export interface ToastSubject {
  name: string;
  on?: boolean;
  setting?: string;
  /** Set up sync left inbound automatic redemption off: the toast must not promise users will sync. */
  redemptionOff?: boolean;
}

const turned = (on: boolean | undefined) => (on === false ? "Turned off" : "Turned on");

export interface WriteWords {
  /** The success toast's title. */
  title: (subject: ToastSubject) => string;
  /** What the write does, as the verb of "Nothing was …". */
  past: string;
  /** What the write does, as a button says it: "Restore the 12 that did not go through". */
  verb: string;
  /** The write as a noun: "during the restore". */
  noun: string;
  done: string;
  alreadyDone: string;
  alreadyDoneDetail: string;
  /** What is re-read to tell whether an unanswered write landed. */
  subject: string;
  /** The state that makes resending safe after a lost answer. */
  stillThere: string;
  conflict: string;
  notFound: string;
  /** What the write needs when Graph refuses it (403), when it is not the cross-tenant access roles. */
  needs?: string;
}

/** Sync jobs: what Graph checks for each action on them (graph-api.md, "Permissions"). */
export const SYNC_JOB_NEEDS = "the Application Administrator or Cloud Application Administrator role and the Synchronization.ReadWrite.All permission";

/** Words several writes share: said once here, spread into each entry. */
const RESTORE = { past: "restored", verb: "Restore", noun: "restore", done: "Restored", alreadyDone: "Already restored" } as const;
const DELETE = { past: "deleted", verb: "Delete", noun: "deletion", done: "Deleted", alreadyDone: "Already deleted" } as const;
const PURGE = {
  past: "purged",
  verb: "Purge",
  noun: "purge",
  done: "Purged",
  alreadyDone: "Already gone",
  alreadyDoneDetail: "It was no longer in deleted items: someone restored or purged it before you.",
  conflict: "Graph refused to purge it because of a conflicting state.",
  notFound: "It is no longer in deleted items.",
} as const;
/** A setting switched on or off. */
const SETTING_CHANGE = { past: "changed", verb: "Change", noun: "change", done: "Saved", alreadyDone: "Already set", conflict: "Graph refused the change because of a conflicting state." } as const;
/** Every action on a sync job: it refuses a job changed meanwhile, and Graph checks the same roles for each. */
const SYNC_JOB = {
  conflict: "The job changed since this page read it, so nothing was sent. The page now shows it as it is: check it before trying again.",
  notFound: "The sync configuration or its job no longer exists: someone deleted it.",
  needs: SYNC_JOB_NEEDS,
} as const;

export const WORDS = {
  "restore-sync-policy": {
    title: ({ name }) => `Restored the sync policy of ${name}`,
    ...RESTORE,
    alreadyDoneDetail: "Someone restored this policy before you; it is live now.",
    subject: "policy",
    stillThere: "the policy is still in deleted items",
    conflict: "This partner already has a live sync policy, so the deleted copy cannot be restored over it.",
    notFound: "The policy is no longer in deleted items.",
  },
  "create-sync-policy": {
    title: ({ name }) => `Sync set up for ${name}`,
    past: "created",
    verb: "Set up",
    noun: "set-up",
    done: "Sync set up",
    alreadyDone: "Already set up",
    alreadyDoneDetail: "This partner already has a sync policy.",
    subject: "sync policy",
    stillThere: "no sync policy exists yet",
    conflict: "Someone else just created a sync policy for this partner: it already exists and is shown as it is now.",
    notFound: "The partner configuration no longer exists, so no sync policy can be created for it.",
  },
  "update-sync-policy": {
    title: ({ name, on, setting }) => `${turned(on)} ${setting ?? "the setting"} for ${name}`,
    ...SETTING_CHANGE,
    alreadyDoneDetail: "The setting already had this value.",
    subject: "sync policy",
    stillThere: "the setting still has its old value",
    notFound: "This partner no longer has a sync policy: someone deleted it. Refresh to see what exists now.",
  },
  "delete-sync-policy": {
    title: ({ name }) => `Deleted the sync policy of ${name}`,
    ...DELETE,
    alreadyDoneDetail: "Someone deleted this sync policy before you.",
    subject: "sync policy",
    stillThere: "the sync policy is still live",
    conflict: "Graph refused to delete the sync policy because of a conflicting state.",
    notFound: "There is no sync policy to delete.",
  },
  "purge-sync-policy": {
    title: ({ name }) => `Purged the sync policy of ${name}`,
    ...PURGE,
    subject: "deleted policy",
    stillThere: "the policy is still in deleted items",
  },
  "add-partner": {
    title: ({ name }) => `Added ${name} as a partner`,
    past: "added",
    verb: "Add",
    noun: "addition",
    done: "Added",
    alreadyDone: "Already a partner",
    alreadyDoneDetail: "This organization is already a partner.",
    subject: "partner",
    stillThere: "the organization is not a partner yet",
    conflict: "This organization is already a partner: it has a cross-tenant access configuration.",
    notFound: "The organization could not be found.",
  },
  "set-inbound-redemption": {
    title: ({ name, on }) => `${turned(on)} inbound automatic redemption for ${name}`,
    ...SETTING_CHANGE,
    alreadyDoneDetail: "The setting already had this value.",
    subject: "partner configuration",
    stillThere: "the setting still has its old value",
    notFound: "The partner configuration no longer exists.",
  },
  "set-outbound-redemption": {
    title: ({ name, on }) => `${turned(on)} outbound automatic redemption for ${name}`,
    ...SETTING_CHANGE,
    alreadyDoneDetail: "Outbound automatic redemption already had this value.",
    subject: "partner configuration",
    stillThere: "outbound automatic redemption still has its old value",
    notFound: "The partner configuration no longer exists: someone deleted it. Refresh to see what exists now.",
  },
  "delete-partner": {
    title: ({ name }) => `Deleted the partner ${name}`,
    ...DELETE,
    alreadyDoneDetail: "Someone deleted this partner before you.",
    subject: "partner",
    stillThere: "the partner still exists",
    conflict: "This partner still has a sync policy: delete the sync policy first, then the partner.",
    notFound: "The partner no longer exists.",
  },
  "restore-partner": {
    title: ({ name }) => `Restored the partner ${name}`,
    ...RESTORE,
    alreadyDoneDetail: "Someone restored this partner before you.",
    subject: "partner",
    stillThere: "the partner is still in deleted items",
    conflict: "A live configuration for this partner already exists, so the deleted copy cannot be restored over it.",
    notFound: "The partner is no longer in deleted items: it was restored or purged.",
  },
  "purge-partner": {
    title: ({ name }) => `Purged the partner ${name}`,
    ...PURGE,
    subject: "deleted partner",
    stillThere: "the partner is still in deleted items",
  },
  "start-sync-job": {
    title: ({ name }) => `Started sync to ${name}`,
    past: "started",
    verb: "Start",
    noun: "start",
    done: "Started",
    alreadyDone: "Already running",
    alreadyDoneDetail: "The job was already running.",
    subject: "sync job",
    stillThere: "the job is still stopped",
    ...SYNC_JOB,
  },
  "pause-sync-job": {
    title: ({ name }) => `Paused sync to ${name}`,
    past: "paused",
    verb: "Pause",
    noun: "pause",
    done: "Paused",
    alreadyDone: "Already paused",
    alreadyDoneDetail: "The job was already paused.",
    subject: "sync job",
    stillThere: "the job is still running",
    ...SYNC_JOB,
  },
  "restart-sync-job": {
    title: ({ name, setting }) => `Restarted sync to ${name}${setting ? ` (${setting})` : ""}`,
    past: "restarted",
    verb: "Restart",
    noun: "restart",
    done: "Restarted",
    alreadyDone: "Already restarted",
    alreadyDoneDetail: "The job had already run again.",
    subject: "sync job",
    stillThere: "the job has not run again",
    ...SYNC_JOB,
  },
  "test-sync-connection": {
    title: ({ name }) => `The connection to ${name} works`,
    past: "tested",
    verb: "Test",
    noun: "connection test",
    done: "Connection works",
    alreadyDone: "Connection works",
    alreadyDoneDetail: "The connection works.",
    subject: "connection",
    stillThere: "the connection was not tested",
    ...SYNC_JOB,
  },
  "provision-on-demand": {
    title: ({ name }) => `Provisioned ${name} on demand`,
    past: "provisioned",
    verb: "Provision",
    noun: "provisioning on demand",
    done: "Provisioned",
    alreadyDone: "Already provisioned",
    alreadyDoneDetail: "The user was already provisioned.",
    subject: "user",
    stillThere: "the user was not provisioned",
    ...SYNC_JOB,
  },
  "put-back-snapshot": {
    title: ({ name }) => `Put ${name} back as the snapshot has it`,
    past: "put back",
    verb: "Put back",
    noun: "put-back",
    done: "Put back",
    alreadyDone: "Already as in the snapshot",
    alreadyDoneDetail: "Graph already holds this as the snapshot has it: nothing was sent.",
    subject: "partner",
    stillThere: "the partner still differs from the snapshot",
    conflict: "Graph refused because of a conflicting state.",
    notFound: "What this row puts back no longer exists.",
  },
} satisfies Record<string, WriteWords>;

/** Every write the engine runs, named by its words. */
export type WriteKind = keyof typeof WORDS;
