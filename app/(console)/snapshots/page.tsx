import { Suspense } from "react";
import { SnapshotsView } from "@/components/snapshots/snapshots-view";

export const metadata = { title: "Snapshots" };

export default function SnapshotsPage() {
  return (
    <Suspense>
      <SnapshotsView />
    </Suspense>
  );
}
