import { Suspense } from "react";
import { PartnersView } from "@/components/partners/partners-view";
import { PartnersSkeleton } from "@/components/partners/partners-skeleton";

export const metadata = { title: "Partners" };

export default function PartnersPage() {
  return (
    <Suspense fallback={<PartnersSkeleton />}>
      <PartnersView />
    </Suspense>
  );
}
