import type { Metadata } from "next";
import { headers } from "next/headers";
import { StyleNonce } from "@/components/security/style-nonce";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cross-tenant sync", template: "%s · Cross-tenant sync" },
  description: "Cross-tenant synchronization policies for Microsoft Entra partners",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so each carries its own CSP nonce (proxy.ts).
  const nonce = (await headers()).get("x-nonce");
  return (
    <html lang="en">
      <body className="min-h-screen">
        <StyleNonce nonce={nonce} />
        {children}
      </body>
    </html>
  );
}
