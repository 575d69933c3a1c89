import type { CASE_STATUSES, INTAKE_CHANNELS, REQUEST_JUDGEMENTS, SEVERITIES } from "@/db/schema/enums";
import type { INBOUND_EMAIL_OUTCOMES } from "@/db/schema/mail";

/**
 * One label table per database enum that people read (db/schema/enums.ts), so a status or channel
 * has the same name on every page, export and email. Customers get their own wording for statuses.
 */

type CaseStatus = (typeof CASE_STATUSES)[number];

/** Staff-facing names, as shown in the queue and on the case page. */
export const STATUS_LABELS: Record<CaseStatus, string> = {
  new: "New",
  acknowledged: "Acknowledged",
  investigating: "Investigating",
  resolution_proposed: "Resolution proposed",
  awaiting_customer: "Awaiting customer",
  carrying_out: "Carrying out the plan",
  resolved: "Resolved",
  follow_up_due: "Follow-up due",
  closed: "Closed",
};

/** Each status in the customer's words, on the tracking page. */
export const CUSTOMER_STATUS_LABELS: Record<CaseStatus, string> = {
  new: "Received",
  acknowledged: "We have your complaint",
  investigating: "Looking into it",
  resolution_proposed: "Waiting for your answer",
  awaiting_customer: "Waiting for your answer",
  carrying_out: "Agreed: putting it right",
  resolved: "Resolved",
  follow_up_due: "Resolved — we'll check in",
  closed: "Closed",
};

export const CHANNEL_LABELS: Record<(typeof INTAKE_CHANNELS)[number], string> = {
  web: "Web form",
  api: "API",
  email: "Email",
  phone: "Phone",
  in_person: "In person",
  social: "Social media",
  letter: "Letter",
  import: "Imported",
};

/** How a complaint staff took down for the customer reached them: "taken down by Ada by phone". */
export const TAKEN_DOWN_WORDS: Partial<Record<(typeof INTAKE_CHANNELS)[number], string>> = {
  phone: "by phone",
  email: "from an email",
  letter: "from a letter",
  in_person: "in person",
  social: "from social media",
};

export const SEVERITY_LABELS: Record<(typeof SEVERITIES)[number], string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

export const JUDGEMENT_LABELS: Record<(typeof REQUEST_JUDGEMENTS)[number], string> = {
  reasonable: "Reasonable",
  partly: "Partly reasonable",
  unreasonable: "Unreasonable",
};

/** What became of an email read from the business's mailbox (lib/mail), on Settings → Mailbox. */
export const INBOUND_OUTCOME_LABELS: Record<(typeof INBOUND_EMAIL_OUTCOMES)[number], string> = {
  complaint: "New complaint",
  message: "Reply on a case",
  ignored: "Ignored (automatic)",
  refused: "Refused",
};
