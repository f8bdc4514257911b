import { DeletedPartnersView } from "@/components/deleted-partners/deleted-partners-view";

export const metadata = { title: "Deleted partners" };

export default function DeletedPartnersPage() {
  return <DeletedPartnersView />;
}
