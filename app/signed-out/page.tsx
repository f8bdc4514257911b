import Link from "next/link";
import { ShieldCheck } from "lucide-react";

export const metadata = { title: "Signed out" };

export default function SignedOutPage() {
  return (
    <main className="grid min-h-screen place-items-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-border bg-surface p-6 text-center shadow-sm">
        <ShieldCheck aria-hidden className="mx-auto mb-3 size-8 text-accent" />
        <h1 className="text-lg font-semibold">You are signed out</h1>
        <p className="mt-1 text-muted">Your tokens were cleared from this tab.</p>
        <Link
          href="/partners"
          className="mt-5 inline-flex h-9 items-center rounded-md bg-accent px-4 font-medium text-accent-fg hover:bg-accent-hover"
        >
          Sign in
        </Link>
      </div>
    </main>
  );
}
