import { LinkButton } from "@/components/ui";
import { queueHref, type QueueQuery, type QueueSort } from "@/lib/cases/queue/params";

/** Each sort names its directions in its own terms, so "Older" never means "due later". */
const LABELS: Record<QueueSort, { prev: string; next: string }> = {
  newest: { prev: "Newer", next: "Older" },
  oldest: { prev: "Older", next: "Newer" },
  due: { prev: "Due sooner", next: "Due later" },
  activity: { prev: "More recent", next: "Less recent" },
};

export function Pager({ query, prev, next }: { query: QueueQuery; prev: string | null; next: string | null }) {
  if (!prev && !next) return null;
  const labels = LABELS[query.sort];
  return (
    <nav aria-label="Pages" className="flex justify-between gap-3">
      {prev ? (
        <LinkButton href={queueHref(query, { cursor: prev })} variant="secondary" rel="prev">
          ← {labels.prev}
        </LinkButton>
      ) : (
        <span />
      )}
      {next ? (
        <LinkButton href={queueHref(query, { cursor: next })} variant="secondary" rel="next">
          {labels.next} →
        </LinkButton>
      ) : null}
    </nav>
  );
}
