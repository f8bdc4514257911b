import { Suspense } from "react";
import { ActivityView } from "@/components/audit/activity-view";

export const metadata = { title: "Activity" };

export default function ActivityPage() {
  return (
    <Suspense>
      <ActivityView />
    </Suspense>
  );
}
