import { notFound } from "next/navigation";
import { isTenantId } from "@/lib/core/tenant-id";
import { PartnerDetailView } from "@/components/partners/partner-detail-view";

export const metadata = { title: "Partner" };

export default async function PartnerPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await params;
  if (!isTenantId(tenantId)) notFound();
  return <PartnerDetailView tenantId={tenantId.toLowerCase()} />;
}
