import { notFound } from "next/navigation";
import { isTenantId } from "@/lib/core/tenant-id";
import { ConfigurationView } from "@/components/outbound/configuration-view";

export const metadata = { title: "Sync configuration" };

export default async function SyncConfigurationPage({ params }: { params: Promise<{ servicePrincipalId: string }> }) {
  const { servicePrincipalId } = await params;
  // A service principal id is a GUID like a tenant id.
  if (!isTenantId(servicePrincipalId)) notFound();
  return <ConfigurationView servicePrincipalId={servicePrincipalId.toLowerCase()} />;
}
