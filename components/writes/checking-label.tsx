import { LoaderCircle } from "lucide-react";
import { WRITE_NOTICES } from "@/lib/writes/messages";

/** A control's label while its write's answer was lost and a read of Graph is on its way: words and icon, not colour alone. */
export function CheckingLabel() {
  return (
    <>
      <LoaderCircle aria-hidden className="size-3.5 motion-safe:animate-spin" />
      {WRITE_NOTICES.checking}
    </>
  );
}
