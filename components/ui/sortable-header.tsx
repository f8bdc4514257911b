import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";

export function SortableHeader({
  label,
  active,
  direction,
  onSort,
  className,
}: {
  label: string;
  active: boolean;
  direction: "asc" | "desc";
  onSort: () => void;
  className?: string;
}) {
  const Icon = !active ? ArrowUpDown : direction === "asc" ? ArrowUp : ArrowDown;
  return (
    <th scope="col" aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : "none"} className={className}>
      <button type="button" onClick={onSort} className="inline-flex items-center gap-1 font-medium hover:text-fg">
        {label}
        <Icon aria-hidden className={active ? "size-3.5 text-fg" : "size-3.5 opacity-40"} />
        <span className="sr-only">{active ? `, sorted ${direction === "asc" ? "ascending" : "descending"}` : ", sortable"}</span>
      </button>
    </th>
  );
}
