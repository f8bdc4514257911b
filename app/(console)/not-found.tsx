import Link from "next/link";
import { SearchX } from "lucide-react";

export default function ConsoleNotFound() {
  return (
    <div className="mx-auto mt-10 flex max-w-md flex-col items-center gap-2 text-center">
      <SearchX aria-hidden className="size-7 text-muted" />
      <h1 className="text-lg font-semibold">Page not found</h1>
      <Link href="/partners" className="mt-2 text-accent hover:underline">
        Back to partners
      </Link>
    </div>
  );
}
