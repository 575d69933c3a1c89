import { Badge } from "@/components/ui";
import type { DebriefView } from "@/lib/cases/actions/debrief";
import { formatDateTime } from "@/lib/format/dates";

/** The debriefs this viewer may read (filtered on the server: their own, or all for supervisors). */
export function DebriefList({ debriefs, viewerId, timeZone }: { debriefs: DebriefView[]; viewerId: string; timeZone: string }) {
  if (debriefs.length === 0) return null;
  return (
    <ul className="space-y-2" aria-label="Debriefs">
      {debriefs.map((d) => (
        <li key={d.id} className="rounded-md bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200">
          <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
            <span className="font-medium text-slate-800">{d.authorId === viewerId ? "You" : d.authorName}</span>
            <time dateTime={d.createdAt.toISOString()}>{formatDateTime(d.createdAt, timeZone)}</time>
            {d.hardInteraction ? <Badge tone="warning">Hard interaction</Badge> : null}
          </p>
          <p className="mt-1 whitespace-pre-line text-slate-800">{d.body}</p>
        </li>
      ))}
    </ul>
  );
}
