import { DEFAULT_PERIOD_DAYS, parsePeriodDays, type PeriodDays } from "@/lib/core/period";
import { PROVISIONING_ACTIONS, PROVISIONING_STATUSES, type ProvisioningAction, type ProvisioningStatus } from "./types";

/** The errors page's filters, as kept in its URL. Status "all" reads every entry; the default reads failures. */
export interface SyncErrorFilters {
  days: PeriodDays;
  status: ProvisioningStatus | "all";
  action: ProvisioningAction | null;
  /** Part of a user's name or sign-in name, matched on the entries read. */
  user: string | null;
}

export const MAX_USER_FILTER_LENGTH = 256;

export const STATUS_LABELS: Record<ProvisioningStatus | "all", string> = {
  failure: "Failures",
  warning: "Warnings",
  skipped: "Skipped",
  success: "Succeeded",
  all: "All statuses",
};

export const ACTION_LABELS: Record<ProvisioningAction, string> = {
  create: "Create",
  update: "Update",
  delete: "Delete",
  stageddelete: "Deletion held",
  disable: "Disable",
  other: "Other",
};

const isStatus = (value: string): value is ProvisioningStatus => (PROVISIONING_STATUSES as readonly string[]).includes(value);
const isAction = (value: string): value is ProvisioningAction => (PROVISIONING_ACTIONS as readonly string[]).includes(value);

/** Anything the URL holds that is not a valid filter is dropped. */
export function parseSyncErrorFilters(params: URLSearchParams): SyncErrorFilters {
  const status = params.get("status") ?? "";
  const action = params.get("action") ?? "";
  const user = (params.get("user") ?? "").slice(0, MAX_USER_FILTER_LENGTH).trim();
  return {
    days: parsePeriodDays(params.get("days")),
    status: status === "all" || isStatus(status) ? status : "failure",
    action: isAction(action) ? action : null,
    user: user === "" ? null : user,
  };
}

export function serializeSyncErrorFilters(filters: SyncErrorFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.days !== DEFAULT_PERIOD_DAYS) params.set("days", String(filters.days));
  if (filters.status !== "failure") params.set("status", filters.status);
  if (filters.action) params.set("action", filters.action);
  if (filters.user) params.set("user", filters.user);
  return params;
}
