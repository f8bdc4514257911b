"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ArrowLeftRight } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { EmulatorBadge } from "./emulator-badge";
import { UserMenu } from "./user-menu";

const NAV_ITEMS = [
  { href: "/partners", label: "Partners" },
  { href: "/outbound", label: "Outbound sync" },
  { href: "/deleted", label: "Deleted sync policies" },
  { href: "/activity", label: "Activity" },
  { href: "/snapshots", label: "Snapshots" },
];

export function AppShell({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-surface focus:p-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-border bg-surface/95 backdrop-blur">
        <div className="mx-auto flex max-w-[1400px] flex-wrap items-center gap-x-6 px-4">
          <Link href="/partners" className="flex h-12 items-center gap-2 font-semibold whitespace-nowrap">
            <ArrowLeftRight aria-hidden className="size-4 text-accent" />
            <span>Cross-tenant sync</span>
          </Link>
          <EmulatorBadge />
          <nav aria-label="Main" className="order-last flex w-full flex-wrap items-stretch gap-x-1 sm:order-none sm:h-12 sm:w-auto sm:flex-nowrap">
            {NAV_ITEMS.map((item) => {
              const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <Link
                  key={item.href}
                  href={item.href}
                  aria-current={current ? "page" : undefined}
                  className={cn(
                    "flex h-10 items-center border-b-2 px-2 text-sm whitespace-nowrap sm:h-auto",
                    current ? "border-accent font-medium text-fg" : "border-transparent text-muted hover:text-fg",
                  )}
                >
                  {item.label}
                </Link>
              );
            })}
          </nav>
          <div className="ml-auto">
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-[1400px] flex-1 px-4 py-5">
        {children}
      </main>
    </div>
  );
}
