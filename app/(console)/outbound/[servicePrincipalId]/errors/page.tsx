import { Suspense } from "react";
import { notFound } from "next/navigation";
import { isTenantId } from "@/lib/core/tenant-id";
import { SyncErrorsView } from "@/components/sync-errors/sync-errors-view";

export const metadata = { title: "Sync errors" };

export default async function SyncErrorsPage({ params }: { params: Promise<{ servicePrincipalId: string }> }) {
  const { servicePrincipalId } = await params;
  // A service principal id is a GUID, like a tenant id.
  if (!isTenantId(servicePrincipalId)) notFound();
  return (
    <Suspense>
      <SyncErrorsView servicePrincipalId={servicePrincipalId.toLowerCase()} />
    </Suspense>
  );
}
