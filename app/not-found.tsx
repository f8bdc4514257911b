import Link from "next/link";
import { SearchX } from "lucide-react";

export const metadata = { title: "Page not found" };

// Replaces Next.js's built-in 404, whose inline styles the Content-Security-Policy refuses.
export default function NotFound() {
  return (
    <main className="grid min-h-screen place-items-center p-6">
      <div className="flex max-w-md flex-col items-center gap-2 text-center">
        <SearchX aria-hidden className="size-7 text-muted" />
        <h1 className="text-lg font-semibold">Page not found</h1>
        <p className="text-muted">There is no page at this address.</p>
        <Link href="/partners" className="mt-2 text-accent hover:underline">
          Back to partners
        </Link>
      </div>
    </main>
  );
}
