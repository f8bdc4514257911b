import { connection } from "next/server";
import { getRuntimeConfig, toPublicAuthConfig } from "@/lib/config/runtime";
import { ConsoleProviders } from "@/components/providers/console-providers";
import { AppShell } from "@/components/shell/app-shell";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  // Read the environment per request: one build serves every tenant.
  await connection();
  const authConfig = toPublicAuthConfig(getRuntimeConfig());
  return (
    <ConsoleProviders authConfig={authConfig}>
      <AppShell>{children}</AppShell>
    </ConsoleProviders>
  );
}
