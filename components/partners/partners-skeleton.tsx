import { Skeleton } from "@/components/ui/skeleton";

export function PartnersSkeleton() {
  return (
    <div role="status" aria-label="Loading partners" className="space-y-4">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, index) => (
          <Skeleton key={index} className="h-[58px] rounded-lg" />
        ))}
      </div>
      <Skeleton className="h-8 w-full max-w-md" />
      <div className="rounded-lg border border-border bg-surface">
        <Skeleton className="h-8 rounded-b-none" />
        {Array.from({ length: 10 }, (_, index) => (
          <div key={index} className="flex items-center gap-6 border-t border-border px-3 py-2.5">
            <Skeleton className="h-4 w-48" />
            <Skeleton className="h-4 w-72" />
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-4 w-12" />
          </div>
        ))}
      </div>
    </div>
  );
}
