import { Skeleton } from "@/components/ui/skeleton";

export function DeletedPoliciesSkeleton() {
  return (
    <div role="status" aria-label="Loading deleted sync policies" className="rounded-lg border border-border bg-surface">
      <Skeleton className="h-8 rounded-b-none" />
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className="flex items-center gap-6 border-t border-border px-3 py-2.5">
          <Skeleton className="h-4 w-4" />
          <Skeleton className="h-4 w-48" />
          <Skeleton className="h-4 w-72" />
          <Skeleton className="h-4 w-28" />
          <Skeleton className="h-4 w-20" />
          <Skeleton className="ml-auto h-6 w-20" />
        </div>
      ))}
    </div>
  );
}
