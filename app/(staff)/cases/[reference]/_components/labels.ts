import type { EVENT_TYPES } from "@/db/schema/enums";

export const EVENT_LABELS: Record<(typeof EVENT_TYPES)[number], string> = {
  filed: "Complaint filed",
  status_changed: "Status changed",
  assessed: "Assessed",
  assigned: "Assigned",
  note: "Internal note",
  message: "Message to customer",
  customer_message: "Message from customer",
  call_logged: "Call logged",
  restated: "Complaint restated",
  restatement_confirmed: "Restatement confirmed by customer",
  restatement_corrected: "Restatement corrected by customer",
  apology: "Apology",
  request_judged: "Request judged",
  resolution_proposed: "Resolution proposed",
  goodwill_added: "Goodwill gesture added",
  promise_made: "Promise made",
  promise_kept: "Promise kept",
  escalated: "Escalated",
  fault_confirmed: "Fault confirmed",
  root_cause_set: "Root cause set",
  follow_up_scheduled: "Follow-up scheduled",
  follow_up_done: "Follow-up done",
  customer_agreed: "Customer agreed",
  customer_disagreed: "Customer disagreed",
  satisfaction_rated: "Satisfaction rated",
  reopened: "Reopened",
  attachment_added: "Attachment added",
  correction: "Correction",
};

export const AGREEMENT_LABELS: Record<string, string> = { agreed: "customer agreed", disagreed: "customer disagreed" };
