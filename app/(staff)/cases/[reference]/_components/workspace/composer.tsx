import { getDb } from "@/db/client";
import type { Complaint } from "@/db/schema";
import type { StaffUserSession } from "@/lib/auth/session";
import { loadComposerData } from "@/lib/cases/workspace";
import { draftCallSummary } from "@/lib/messages/call-summary";
import { contactByPhoneOnly } from "@/lib/outbox/contact";
import { formatDateTime } from "@/lib/format/dates";
import { CallForm } from "../composer/call-form";
import { CallSummaryForm, type PendingCall } from "../composer/call-summary-form";
import { ComposerTabs, type TabSpec } from "../composer/composer-tabs";
import { NoteForm } from "../composer/note-form";
import { ReplyForm } from "../composer/reply-form";
import { RestateForm } from "../composer/restate-form";

/**
 * The conversation with the customer, main column: reply or apologise, add an internal note, log
 * a call (then send its written summary), restate the complaint. Each tab says plainly whether
 * the customer will see what is written there.
 */
export async function CaseComposer({ complaint, viewer, timeZone }: { complaint: Complaint; viewer: StaffUserSession; timeZone: string }) {
  const { customer, business, calls } = await loadComposerData(await getDb(), complaint);
  const now = new Date();
  const pending: PendingCall[] = calls.map((call) => ({
    id: call.id,
    label: `${call.direction === "inbound" ? "Call from the customer" : "Call to the customer"}, ${formatDateTime(call.createdAt, timeZone)}${
      call.durationMinutes ? ` (${call.durationMinutes} min)` : ""
    }`,
    notes: call.summary,
    draft: draftCallSummary({
      customerName: customer?.erasedAt ? "" : (customer?.name ?? ""),
      // The summary is signed by whoever sends it, which is the person looking at this page.
      staffName: viewer.name,
      businessName: business.businessName,
      summary: call.summary,
      date: call.createdAt,
      timeZone,
      now,
    }),
  }));
  const reach = customer?.erasedAt ? "erased" : customer && contactByPhoneOnly(customer) ? "phone" : "email";

  const tabs: TabSpec[] = [
    { id: "reply", label: "Reply to customer", visible: true },
    { id: "note", label: "Internal note", visible: false },
    { id: "call", label: "Log a call", visible: false },
    {
      id: "call-summary",
      label: "Call summary",
      visible: true,
      badge: pending.length ? String(pending.length) : undefined,
      onlyWhenOpen: pending.length === 0,
    },
    { id: "restate", label: "Restate the complaint", visible: true },
  ];

  return (
    <section id="composer" aria-labelledby="composer-heading" className="scroll-mt-4 rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id="composer-heading" className="text-base font-semibold text-slate-900">
          Conversation
        </h2>
        {pending.length ? (
          <p className="text-sm font-medium text-red-800">
            {pending.length === 1 ? "1 call has" : `${pending.length} calls have`} no written summary yet
          </p>
        ) : null}
      </div>
      {/* No Suspense boundary here: the page is dynamic, so useSearchParams renders on the server
          as it is, and content behind a boundary may stream in after the page, hidden until a
          script reveals it, which a browser without JavaScript never runs. */}
      <ComposerTabs
        tabs={tabs}
        panels={{
          reply: <ReplyForm complaintId={complaint.id} version={complaint.version} reach={reach} />,
          note: <NoteForm complaintId={complaint.id} />,
          call: <CallForm complaintId={complaint.id} />,
          "call-summary": <CallSummaryForm complaintId={complaint.id} version={complaint.version} calls={pending} />,
          restate: <RestateForm complaintId={complaint.id} version={complaint.version} />,
        }}
      />
    </section>
  );
}
