import type { AccessTargetConfiguration, CrossTenantAccessSetting } from "@/lib/models";

export const INHERITED = "Inherited from default";

export function SettingRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 border-b border-border py-2 last:border-0 sm:grid-cols-[260px_1fr]">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

export function Inherited() {
  return <span className="italic text-muted">{INHERITED}</span>;
}

function describeTargets(config: AccessTargetConfiguration | null): React.ReactNode {
  if (!config) return <Inherited />;
  const access = config.accessType === "allowed" ? "Allowed" : config.accessType === "blocked" ? "Blocked" : "Not set";
  const targets = config.targets.map((target) => (target.target === "AllUsers" || target.target === "AllApplications" ? target.target.replace("All", "All ").toLowerCase() : target.target));
  return (
    <span>
      {access}
      {targets.length > 0 ? <span className="text-muted">: {targets.join(", ")}</span> : null}
    </span>
  );
}

export function AccessSettingRows({ label, setting }: { label: string; setting: CrossTenantAccessSetting | null }) {
  if (!setting) {
    return (
      <SettingRow label={label}>
        <Inherited />
      </SettingRow>
    );
  }
  return (
    <SettingRow label={label}>
      <dl className="grid grid-cols-[120px_1fr] gap-x-2">
        <dt className="text-muted">Users and groups</dt>
        <dd>{describeTargets(setting.usersAndGroups)}</dd>
        <dt className="text-muted">Applications</dt>
        <dd>{describeTargets(setting.applications)}</dd>
      </dl>
    </SettingRow>
  );
}
