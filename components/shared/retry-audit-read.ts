/** The audit query state a retry needs; every audit view reads through the same paged query. */
export interface RetryableAuditRead {
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
}

/** A failed later page is read again on its own, so the pages already shown stay; a failed first read starts over. */
export function retryAuditRead(query: RetryableAuditRead): void {
  void (query.isFetchNextPageError ? query.fetchNextPage() : query.refetch());
}
