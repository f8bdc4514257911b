import type { AccessTargetConfiguration, CrossTenantAccessSetting } from "@/lib/core/models";

export const INHERITED = "Inherited from default";

export function SettingRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 border-b border-border py-2 last:border-0 sm:grid-cols-[260px_1fr]">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** A null setting: the default policy's value when known ("Inherited: blocked"), else where it comes from. */
export function Inherited({ value }: { value?: string | null }) {
  return (
    <span className="italic text-muted" title="Not set for this partner: the default cross-tenant access policy applies">
      {value ? `Inherited: ${value}` : INHERITED}
    </span>
  );
}

function targetNames(config: AccessTargetConfiguration): string[] {
  return config.targets.map((target) => (target.target === "AllUsers" || target.target === "AllApplications" ? target.target.replace("All", "All ").toLowerCase() : target.target));
}

/** "allowed (all users)", as it reads after "Inherited:". */
function summarizeAccess(config: AccessTargetConfiguration | null): string | null {
  if (!config?.accessType) return null;
  const targets = targetNames(config);
  return `${config.accessType}${targets.length > 0 ? ` (${targets.join(", ")})` : ""}`;
}

function describeTargets(config: AccessTargetConfiguration | null, inherited: AccessTargetConfiguration | null): React.ReactNode {
  if (!config) return <Inherited value={summarizeAccess(inherited)} />;
  const access = config.accessType === "allowed" ? "Allowed" : config.accessType === "blocked" ? "Blocked" : "Not set";
  const targets = targetNames(config);
  return (
    <span>
      {access}
      {targets.length > 0 ? <span className="text-muted">: {targets.join(", ")}</span> : null}
    </span>
  );
}

export function AccessSettingRows({ label, setting, inherited = null }: { label: string; setting: CrossTenantAccessSetting | null; inherited?: CrossTenantAccessSetting | null }) {
  return (
    <SettingRow label={label}>
      <dl className="grid grid-cols-[150px_1fr] gap-x-2">
        <dt className="text-muted">Users and groups</dt>
        <dd>{describeTargets(setting?.usersAndGroups ?? null, inherited?.usersAndGroups ?? null)}</dd>
        <dt className="text-muted">Applications</dt>
        <dd>{describeTargets(setting?.applications ?? null, inherited?.applications ?? null)}</dd>
      </dl>
    </SettingRow>
  );
}
