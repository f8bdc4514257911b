import { Suspense } from "react";
import { DeletedPoliciesView } from "@/components/deleted-policies/deleted-policies-view";
import { DeletedPoliciesSkeleton } from "@/components/deleted-policies/deleted-policies-skeleton";

export const metadata = { title: "Deleted sync policies" };

export default function DeletedPage() {
  return (
    <Suspense fallback={<DeletedPoliciesSkeleton />}>
      <DeletedPoliciesView />
    </Suspense>
  );
}
