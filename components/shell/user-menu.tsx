"use client";

import { useMsal } from "@azure/msal-react";
import { LogOut, UserRound } from "lucide-react";
import { useAccessProfile } from "@/lib/auth/use-access-profile";
import { useSignedInAccount } from "@/lib/auth/use-graph-token";
import { Button } from "@/components/ui/button";

export function UserMenu() {
  const { instance } = useMsal();
  const account = useSignedInAccount();
  const profile = useAccessProfile();
  if (!account) return null;

  // Without `wids` in the ID token (groupMembershipClaims not set) the role is simply not shown.
  const roleNames = profile?.roleNames ?? null;
  const roleLabel = roleNames === null ? null : roleNames.length > 0 ? roleNames.join(", ") : "No admin role in sign-in";

  return (
    <div className="flex items-center gap-3">
      <div className="hidden items-center gap-2 text-right sm:flex">
        <UserRound aria-hidden className="size-4 text-muted" />
        <div className="leading-tight">
          <div className="text-sm font-medium" data-testid="signed-in-user">
            {account.name ?? account.username}
          </div>
          {roleLabel ? (
            <div className="text-xs text-muted" aria-label="Directory role">
              {roleLabel}
            </div>
          ) : null}
        </div>
      </div>
      <Button variant="ghost" size="sm" onClick={() => void instance.logoutRedirect({ account })}>
        <LogOut aria-hidden className="size-4" />
        Sign out
      </Button>
    </div>
  );
}
