import { notFound } from "next/navigation";
import { isTenantId } from "@/lib/core/tenant-id";
import { PartnerDetailView } from "@/components/partners/partner-detail-view";
import { PartnerTimeline } from "@/components/audit/partner-timeline";
import { PartnerOutboundSection } from "@/components/outbound/partner-outbound-section";

export const metadata = { title: "Partner" };

export default async function PartnerPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await params;
  if (!isTenantId(tenantId)) notFound();
  const id = tenantId.toLowerCase();
  // The route puts the features together: the partner page shows the audit feature's timeline and the outbound feature's configurations.
  return <PartnerDetailView tenantId={id} timeline={<PartnerTimeline tenantId={id} />} outbound={<PartnerOutboundSection tenantId={id} />} />;
}
