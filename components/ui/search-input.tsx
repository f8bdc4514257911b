import { Search } from "lucide-react";

export function SearchInput({ label, value, onChange, placeholder = "Search by name or tenant ID" }: { label: string; value: string; onChange: (value: string) => void; placeholder?: string }) {
  return (
    <label className="relative">
      <span className="sr-only">{label}</span>
      <Search aria-hidden className="pointer-events-none absolute left-2 top-1/2 size-4 -translate-y-1/2 text-muted" />
      <input
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        className="h-8 w-80 max-w-full rounded-md border border-border-strong bg-surface pl-8 pr-2 text-sm placeholder:text-muted"
      />
    </label>
  );
}
