import { Suspense } from "react";
import { SyncErrorsView } from "@/components/sync-errors/sync-errors-view";

export const metadata = { title: "Sync errors" };

export default function AllSyncErrorsPage() {
  return (
    <Suspense>
      <SyncErrorsView servicePrincipalId={null} />
    </Suspense>
  );
}
