/** The comparison's view state as it lives in the URL (the files never leave the browser): what is compared, which kinds of change show. */
import { CHANGE_KINDS, type ChangeKind, type Difference } from "./compare";

export type CompareAgainst = "now" | "file";

export interface SnapshotView {
  against: CompareAgainst;
  /** Kinds shown; all of them when none is picked. */
  kinds: ChangeKind[];
  query: string;
}

const MAX_QUERY = 200;

export function parseSnapshotView(params: URLSearchParams): SnapshotView {
  const against = params.get("against") === "file" ? "file" : "now";
  const asked = (params.get("show") ?? "").slice(0, 100).split(",");
  const kinds = CHANGE_KINDS.filter((kind) => asked.includes(kind));
  return { against, kinds, query: (params.get("q") ?? "").slice(0, MAX_QUERY) };
}

export function toSnapshotViewParams(view: SnapshotView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.against !== "now") params.set("against", view.against);
  if (view.kinds.length > 0 && view.kinds.length < CHANGE_KINDS.length) params.set("show", view.kinds.join(","));
  if (view.query.trim()) params.set("q", view.query);
  return params;
}

export function filterDifferences(differences: readonly Difference[], view: Pick<SnapshotView, "kinds" | "query">): Difference[] {
  const query = view.query.trim().toLowerCase();
  return differences.filter(
    (difference) =>
      (view.kinds.length === 0 || view.kinds.includes(difference.kind)) &&
      (!query || difference.tenantId.includes(query) || (difference.name ?? "").toLowerCase().includes(query) || difference.summary.toLowerCase().includes(query)),
  );
}
