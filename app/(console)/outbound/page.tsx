import { Suspense } from "react";
import { OutboundView } from "@/components/outbound/outbound-view";

export const metadata = { title: "Outbound sync" };

export default function OutboundPage() {
  return (
    <Suspense>
      <OutboundView />
    </Suspense>
  );
}
