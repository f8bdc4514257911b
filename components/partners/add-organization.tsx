"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import type { TenantInformation } from "@/lib/models";
import { useAddPartner } from "@/lib/queries/partner-writes";
import { announceWrite, useAnnounceWriteError } from "@/components/writes/write-toast";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { WriteButton } from "@/components/writes/write-button";

export const ADD_ORGANIZATION_REASON_ID = "add-organization-reason";

// The dialog (and the dialog library) loads when first opened: the partners page ships less.
const AddOrganizationDialog = dynamic(() => import("./add-organization-dialog"), { ssr: false });

export function AddOrganization() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  // Once loaded, the dialog stays mounted so closing it hands focus back to the button.
  const [opened, setOpened] = useState(false);
  const permission = useWritePermission();
  const add = useAddPartner();
  const announceError = useAnnounceWriteError();

  const confirm = (tenant: TenantInformation, round = 0) => {
    setOpen(false);
    const name = tenant.displayName ?? tenant.tenantId;
    add.mutateAsync({ tenantId: tenant.tenantId }).then(
      (outcome) => {
        if (outcome.kind !== "done") return void announceWrite(outcome, `Added ${name}`, { round, resend: (next) => confirm(tenant, next) });
        toast.success(`Added ${name} as a partner`, {
          description: "Every setting is inherited from your default policy until you change it.",
          action: { label: "Open partner", onClick: () => router.push(`/partners/${tenant.tenantId}`) },
        });
      },
      (error: unknown) => announceError(error, "Nothing was added."),
    );
  };

  return (
    <>
      <WriteButton
        allowed={permission.allowed}
        reasonId={ADD_ORGANIZATION_REASON_ID}
        variant="primary"
        disabled={add.isPending}
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        <Plus aria-hidden className="size-4" />
        Add organization
      </WriteButton>
      {opened ? <AddOrganizationDialog open={open} onOpenChange={setOpen} onConfirm={(tenant) => confirm(tenant)} /> : null}
    </>
  );
}
