import { cx } from "@/components/ui";
import type { TimelineEntry } from "@/lib/complaints/tracking";
import { CUSTOMER_STATUS_LABELS } from "@/lib/labels";
import { formatDateTime } from "@/lib/format/dates";

/** One line per kind of event, written for the customer. `{b}` is the business's name. */
const HEADLINES: Record<string, string> = {
  filed: "You sent your complaint",
  customer_message: "You wrote",
  message: "{b} wrote",
  call_logged: "{b}: summary of our call",
  restated: "{b} summed up your complaint",
  restatement_confirmed: "You confirmed our summary",
  restatement_corrected: "You corrected our summary",
  apology: "{b} wrote",
  resolution_proposed: "{b} proposed a way to put it right",
  goodwill_added: "{b} added something extra",
  promise_made: "{b} made you a promise",
  promise_kept: "{b} kept a promise",
  escalated: "A senior colleague at {b} is now looking at your complaint",
  follow_up_scheduled: "{b} will check in with you",
  follow_up_done: "{b} checked in with you",
  customer_agreed: "You agreed with the resolution",
  customer_disagreed: "You did not agree with the resolution",
  satisfaction_rated: "You rated how we handled your complaint",
  reopened: "Your complaint was reopened",
  attachment_added: "You attached a file",
  correction: "{b} corrected an earlier entry",
};

function headline(entry: TimelineEntry, business: string): string {
  if (entry.type === "status_changed") {
    return entry.toStatus ? `Status: ${CUSTOMER_STATUS_LABELS[entry.toStatus]}` : "Status updated";
  }
  if (entry.type === "attachment_added" && entry.fileName) return `You attached ${entry.fileName}`;
  const template = HEADLINES[entry.type] ?? (entry.actor === "customer" ? "You" : "Update from {b}");
  return template.replaceAll("{b}", business);
}

export function Timeline({ entries, business, timeZone }: { entries: TimelineEntry[]; business: string; timeZone: string }) {
  return (
    <ol className="space-y-4">
      {entries.map((entry) => {
        const fromCustomer = entry.actor === "customer";
        // The filed event repeats the complaint, which is shown in full further down the page. A
        // restatement's text already lists the issues as numbered lines, so they are not listed again.
        const body = entry.type === "filed" ? null : entry.body;
        return (
          <li key={entry.id} className={cx("border-l-4 pl-4", fromCustomer ? "border-slate-300" : "border-brand-600")}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-4">
              <p className="font-medium text-slate-900">{headline(entry, business)}</p>
              <p className="text-sm text-slate-600">
                <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt, timeZone)}</time>
              </p>
            </div>
            {body ? <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">{body}</p> : null}
            {entry.rating ? <p className="mt-1 font-medium text-slate-800">{entry.rating} out of 5</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
