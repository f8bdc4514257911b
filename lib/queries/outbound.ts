"use client";

/**
 * Cross-tenant sync configurations (the source side) in the query cache: the whole list from one
 * streamed call (configurations as their page arrives, jobs $batch by $batch), one configuration,
 * users to provision, and the actions on a job, each a declaration of the write engine. The
 * partners list and the partner page read the same list through the cache.
 */
import { useMemo } from "react";
import { queryOptions, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { getSyncConfiguration, listSyncConfigurations, searchUsers } from "@/lib/actions/sync-configurations";
import { pauseSyncJob, provisionOnDemand, restartSyncJob, startSyncJob, testSyncConnection } from "@/lib/actions/sync-job-writes";
import { useSyncToken } from "@/lib/auth/use-sync-token";
import type { GetGraphToken } from "@/lib/auth/use-graph-token";
import type { AppError } from "@/lib/core/result";
import type { ConfigurationJobRead, ConfigurationTargetRead, OutboundListPart, RestartScope, SyncConfiguration, SyncJob } from "@/lib/outbound/models";
import { jobStatus, worstStatus, type OutboundStatus } from "@/lib/outbound/status";
import { callGraphAction } from "./graph-action";
import { graphKeys } from "./keys";
import { STALE_TIME_MS } from "./query-client";
import { readStream } from "./stream";
import { callWrite, useGraphWrite } from "./writes";

export interface OutboundList {
  configurations: SyncConfiguration[];
  /** Each configuration's job read (its status), once its $batch answered. */
  jobs: Record<string, ConfigurationJobRead>;
  /** Each configuration's secrets read (its target), once its $batch answered. */
  targets: Record<string, ConfigurationTargetRead>;
  /** False while parts are still arriving. */
  complete: boolean;
}

export interface OutboundRow {
  servicePrincipalId: string;
  displayName: string | null;
  targetTenantId: string | null;
  job: SyncJob | null;
  /** null until the job is read (or when it could not be). */
  status: OutboundStatus | null;
  /** False until this configuration's job $batch answered. */
  jobRead: boolean;
  /** False until this configuration's secrets $batch answered. */
  targetRead: boolean;
  readError: AppError | null;
}

/** One streamed part joined to the list: rows come with their page, statuses with their jobs, targets with their secrets. */
export function addOutboundPart(list: OutboundList, part: OutboundListPart): OutboundList {
  if (part.kind === "configurations") return { ...list, configurations: [...list.configurations, ...part.items] };
  if (part.kind === "jobs") return { ...list, jobs: { ...list.jobs, ...Object.fromEntries(part.items.map((item) => [item.servicePrincipalId, item])) } };
  return { ...list, targets: { ...list.targets, ...Object.fromEntries(part.items.map((item) => [item.servicePrincipalId, item])) } };
}

export function toOutboundRows(list: OutboundList | undefined): OutboundRow[] {
  if (!list) return [];
  return list.configurations.map((configuration) => {
    const read = list.jobs[configuration.servicePrincipalId];
    const target = list.targets[configuration.servicePrincipalId];
    const job = read?.job ?? null;
    return {
      servicePrincipalId: configuration.servicePrincipalId,
      displayName: configuration.displayName,
      targetTenantId: target?.targetTenantId ?? null,
      job,
      status: job ? jobStatus(job) : null,
      jobRead: read !== undefined,
      targetRead: target !== undefined,
      readError: read?.readError ?? target?.readError ?? null,
    };
  });
}

/**
 * The whole list from one streamed call. Without a whole list cached, each part joins the cache as
 * it arrives (rows show with the first page, statuses as their $batch answers); a whole list stays
 * on screen until the new read is whole.
 */
export function outboundListQuery(accountId: string, getToken: GetGraphToken, queryClient: QueryClient) {
  const key = graphKeys.outboundList(accountId);
  return queryOptions({
    queryKey: key,
    queryFn: async ({ signal }): Promise<OutboundList> => {
      const progressive = queryClient.getQueryData<OutboundList>(key)?.complete !== true;
      let list: OutboundList = { configurations: [], jobs: {}, targets: {}, complete: false };
      await readStream(
        getToken,
        (token) => {
          list = { configurations: [], jobs: {}, targets: {}, complete: false };
          return listSyncConfigurations(token);
        },
        (part) => {
          list = addOutboundPart(list, part);
          if (progressive) queryClient.setQueryData<OutboundList>(key, list);
        },
        signal,
      );
      return { ...list, complete: true };
    },
    staleTime: (query) => (query.state.data?.complete === false ? 0 : STALE_TIME_MS),
  });
}

export function useOutboundList(enabled = true) {
  const { account, getToken } = useSyncToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  const query = useQuery({ ...outboundListQuery(accountId, getToken, queryClient), enabled: account !== null && enabled });
  const rows = useMemo(() => toOutboundRows(query.data), [query.data]);
  return { ...query, rows, complete: query.data?.complete ?? false };
}

export interface PartnerOutbound {
  rows: OutboundRow[];
  /** The worst status of the partner's configurations; null when none is known yet. */
  status: OutboundStatus | null;
}

/** The configurations per target tenant (CompanyId), from the same list: the partners' Outbound column and the partner page. */
export function useOutboundByTenant(enabled = true) {
  const list = useOutboundList(enabled);
  const byTenant = useMemo(() => {
    const map = new Map<string, PartnerOutbound>();
    for (const row of list.rows) {
      if (!row.targetTenantId) continue;
      const entry = map.get(row.targetTenantId) ?? { rows: [], status: null };
      entry.rows.push(row);
      map.set(row.targetTenantId, entry);
    }
    for (const entry of map.values()) entry.status = worstStatus(entry.rows.map((row) => row.status).filter((s): s is OutboundStatus => s !== null));
    return map;
  }, [list.rows]);
  return { ...list, byTenant };
}

export function outboundDetailQuery(accountId: string, servicePrincipalId: string, getToken: GetGraphToken) {
  return queryOptions({
    queryKey: graphKeys.outboundDetail(accountId, servicePrincipalId),
    queryFn: () => callGraphAction(getToken, (token) => getSyncConfiguration(token, servicePrincipalId)),
  });
}

export function useOutboundDetail(servicePrincipalId: string) {
  const { account, getToken } = useSyncToken();
  const accountId = account?.homeAccountId ?? "signed-out";
  return useQuery({ ...outboundDetailQuery(accountId, servicePrincipalId, getToken), enabled: account !== null });
}

/** Users whose name or sign-in name starts with `text`; nothing is asked for under two characters. */
export function useUserSearch(servicePrincipalId: string, text: string) {
  const { account, getToken } = useSyncToken();
  const accountId = account?.homeAccountId ?? "signed-out";
  const term = text.trim();
  return useQuery({
    queryKey: graphKeys.outboundUsers(accountId, servicePrincipalId, term.toLowerCase()),
    queryFn: () => callGraphAction(getToken, (token) => searchUsers(token, term)),
    enabled: account !== null && term.length >= 2,
  });
}

export interface JobActionArgs {
  servicePrincipalId: string;
  jobId: string;
  /** jobFingerprint of the job as shown. */
  expected: string;
}

/** After any action the configuration and the list are read again: the job's state is Graph's to say. */
function useJobWrite<TArgs extends JobActionArgs>(call: (token: string, args: TArgs) => ReturnType<typeof startSyncJob>) {
  const { getToken } = useSyncToken();
  return useGraphWrite<TArgs>({
    targets: ({ servicePrincipalId }) => [`sync-job:${servicePrincipalId.toLowerCase()}`],
    send: (_policyToken, args) => callWrite(getToken, (token) => call(token, args)),
    apply: (queryClient, accountId, _outcomes, { servicePrincipalId }) => {
      void queryClient.invalidateQueries({ queryKey: graphKeys.outboundDetail(accountId, servicePrincipalId) });
      void queryClient.invalidateQueries({ queryKey: graphKeys.outboundList(accountId) });
    },
  });
}

export const useStartSyncJob = () => useJobWrite<JobActionArgs>((token, a) => startSyncJob(token, a.servicePrincipalId, a.jobId, a.expected));
export const usePauseSyncJob = () => useJobWrite<JobActionArgs>((token, a) => pauseSyncJob(token, a.servicePrincipalId, a.jobId, a.expected));
export const useRestartSyncJob = () =>
  useJobWrite<JobActionArgs & { scopes: RestartScope[] }>((token, a) => restartSyncJob(token, a.servicePrincipalId, a.jobId, a.expected, a.scopes));
export const useTestSyncConnection = () => useJobWrite<JobActionArgs>((token, a) => testSyncConnection(token, a.servicePrincipalId, a.jobId));
export const useProvisionOnDemand = () => useJobWrite<JobActionArgs & { userId: string }>((token, a) => provisionOnDemand(token, a.servicePrincipalId, a.jobId, a.userId));
