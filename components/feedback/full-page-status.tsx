import { AlertTriangle, Loader2 } from "lucide-react";

export function FullPageStatus({
  title,
  detail,
  tone = "progress",
  action,
}: {
  title: string;
  detail?: string;
  tone?: "progress" | "error";
  action?: { label: string; href?: string; onClick?: () => void };
}) {
  const Icon = tone === "error" ? AlertTriangle : Loader2;
  return (
    <main className="grid min-h-screen place-items-center p-6">
      <div role={tone === "error" ? "alert" : "status"} className="flex max-w-md flex-col items-center gap-2 text-center">
        <Icon aria-hidden className={tone === "error" ? "size-7 text-danger" : "size-6 animate-spin text-muted"} />
        <p className="font-medium">{title}</p>
        {detail ? <p className="text-muted">{detail}</p> : null}
        {action ? (
          action.href ? (
            <a href={action.href} className="mt-2 inline-flex h-9 items-center rounded-md bg-accent px-4 font-medium text-accent-fg hover:bg-accent-hover">
              {action.label}
            </a>
          ) : (
            <button
              type="button"
              onClick={action.onClick}
              className="mt-2 inline-flex h-9 items-center rounded-md bg-accent px-4 font-medium text-accent-fg hover:bg-accent-hover"
            >
              {action.label}
            </button>
          )
        ) : null}
      </div>
    </main>
  );
}
