"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import type { TenantInformation } from "@/lib/core/models";
import { useAddPartner } from "@/lib/queries/partner-writes";
import { WRITE_NOTICES } from "@/lib/writes/messages";
import { sendThenClose } from "@/components/ui/button";
import { useSendWrite } from "@/components/writes/write-toast";
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
  const sendWrite = useSendWrite();

  const confirm = (tenant: TenantInformation) =>
    sendThenClose(
      () =>
        void sendWrite(() => add.mutateAsync({ tenantId: tenant.tenantId }), {
          write: "add-partner",
          tenantId: tenant.tenantId,
          subject: { name: tenant.displayName ?? tenant.tenantId },
          // A conflict means it is a partner already (someone added it meanwhile): the toast leads there too.
          actionFor: (outcome) =>
            outcome.kind === "done" || outcome.kind === "conflict" ? { label: WRITE_NOTICES.openPartner, onClick: () => router.push(`/partners/${tenant.tenantId}`) } : undefined,
        }),
      () => setOpen(false),
    );

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
