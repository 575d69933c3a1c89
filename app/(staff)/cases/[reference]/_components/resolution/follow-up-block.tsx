import { Badge } from "@/components/ui";
import type { Complaint, FollowUp } from "@/db/schema";
import { describeDue } from "@/lib/cases/promises";
import { calendarDaysBetween } from "@/lib/time/zone";
import { formatDateTime } from "@/lib/format/dates";
import { Block, Disclosure } from "./block";
import { RecordFollowUpForm, ScheduleFollowUpForm } from "./follow-up-forms";

/**
 * The check, days after the fix, that the customer is happy. Once its day comes the case reads
 * "Follow-up due" here and in the queue; no status changes by itself.
 */
export function FollowUpBlock({ complaint, followUps, now, timeZone, today }: { complaint: Complaint; followUps: FollowUp[]; now: Date; timeZone: string; today: string }) {
  const open = followUps.find((f) => !f.completedAt) ?? null;
  const done = followUps.filter((f) => f.completedAt);
  const afterResolution = complaint.status === "resolved" || complaint.status === "follow_up_due";
  const due = open !== null && calendarDaysBetween(now, open.dueAt, timeZone) <= 0;
  const status = due ? (
    <Badge tone="warning">Follow-up due</Badge>
  ) : open ? (
    `Scheduled · ${describeDue({ dueAt: open.dueAt, keptAt: null }, now, timeZone)}`
  ) : done.length ? (
    <Badge tone="success">Done</Badge>
  ) : (
    "Scheduled automatically when the case is resolved"
  );
  return (
    <Block title="Follow-up" testId="follow-up" status={status}>
      {open ? (
        <p className="text-sm text-slate-900">
          Check in with the customer on {formatDateTime(open.dueAt, timeZone)}
          {due ? <strong className="font-semibold text-amber-900"> — {describeDue({ dueAt: open.dueAt, keptAt: null }, now, timeZone)}</strong> : null}.
        </p>
      ) : null}
      {done.length ? (
        <ul className="space-y-1 text-sm">
          {done.map((f) => (
            <li key={f.id} className="break-words text-slate-900">
              <span className="text-xs text-slate-600">{formatDateTime(f.completedAt!, timeZone)}:</span> {f.outcome}
            </li>
          ))}
        </ul>
      ) : null}
      {afterResolution && (open || done.length === 0) ? (
        <Disclosure label="Record the follow-up" open={due}>
          <RecordFollowUpForm complaintId={complaint.id} />
        </Disclosure>
      ) : null}
      {complaint.status !== "closed" ? (
        <Disclosure label={open ? "Move the follow-up" : "Schedule a follow-up"}>
          <ScheduleFollowUpForm complaintId={complaint.id} today={today} rescheduling={Boolean(open)} />
        </Disclosure>
      ) : null}
    </Block>
  );
}
