import { RedirectBridge } from "@/components/auth/redirect-bridge";

export const metadata = { title: "Signing in" };

export default function RedirectPage() {
  return <RedirectBridge />;
}
