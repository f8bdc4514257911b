import Link from "next/link";
import { SearchX } from "lucide-react";

export default function PartnerNotFound() {
  return (
    <div className="mx-auto mt-10 flex max-w-md flex-col items-center gap-2 text-center">
      <SearchX aria-hidden className="size-7 text-muted" />
      <h1 className="text-lg font-semibold">Partner not found</h1>
      <p className="text-muted">
        The address does not contain a valid tenant ID. A tenant ID is a GUID such as 9c5d131d-b1c3-4fc4-9e3f-c6557947d551.
      </p>
      <Link href="/partners" className="mt-2 text-accent hover:underline">
        Back to partners
      </Link>
    </div>
  );
}
