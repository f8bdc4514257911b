import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cross-tenant sync", template: "%s · Cross-tenant sync" },
  description: "Cross-tenant synchronization policies for Microsoft Entra partners",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
