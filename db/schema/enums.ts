import { pgEnum } from "drizzle-orm/pg-core";

// Enum values are the single source of truth: lib/ re-exports them as TypeScript unions and zod enums.
export const STAFF_ROLES = ["agent", "supervisor", "owner"] as const;
export const staffRole = pgEnum("staff_role", STAFF_ROLES);

export const CONTACT_CHANNELS = ["email", "phone"] as const;
export const contactChannel = pgEnum("contact_channel", CONTACT_CHANNELS);

/** How a complaint reached the business. */
export const INTAKE_CHANNELS = ["web", "api", "email", "phone", "in_person", "social", "letter", "import"] as const;
export const intakeChannel = pgEnum("intake_channel", INTAKE_CHANNELS);

export const CASE_STATUSES = [
  "new",
  "acknowledged",
  "investigating",
  "resolution_proposed",
  "awaiting_customer",
  /** The customer agreed; the business is doing what it promised (promises still open). */
  "carrying_out",
  "resolved",
  "follow_up_due",
  "closed",
] as const;
export const caseStatus = pgEnum("case_status", CASE_STATUSES);

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const severity = pgEnum("severity", SEVERITIES);

export const FAULT_ATTRIBUTIONS = ["service", "customer", "external", "undetermined"] as const;
export const faultAttribution = pgEnum("fault_attribution", FAULT_ATTRIBUTIONS);

export const REQUEST_JUDGEMENTS = ["reasonable", "partly", "unreasonable"] as const;
export const requestJudgement = pgEnum("request_judgement", REQUEST_JUDGEMENTS);

export const RESOLUTION_TYPES = [
  "repair",
  "redo",
  "replace",
  "refund",
  "credit",
  "explanation",
  "referral",
  "none",
] as const;
export const resolutionType = pgEnum("resolution_type", RESOLUTION_TYPES);

export const RESOLUTION_SOURCES = ["staff", "customer"] as const;
export const resolutionSource = pgEnum("resolution_source", RESOLUTION_SOURCES);

export const CUSTOMER_AGREEMENTS = ["agreed", "disagreed"] as const;
export const customerAgreement = pgEnum("customer_agreement", CUSTOMER_AGREEMENTS);

export const ACTOR_KINDS = ["staff", "customer", "system"] as const;
export const actorKind = pgEnum("actor_kind", ACTOR_KINDS);

/** Who may see a timeline event. Internal events never reach the tracking page or the customer. */
export const EVENT_VISIBILITIES = ["customer", "internal"] as const;
export const eventVisibility = pgEnum("event_visibility", EVENT_VISIBILITIES);

export const EVENT_TYPES = [
  "filed",
  "status_changed",
  "assessed",
  "assigned",
  "note",
  "message",
  "customer_message",
  "call_logged",
  "restated",
  "restatement_confirmed",
  "restatement_corrected",
  "apology",
  /** A supervisor approved an apology that was sent over the blame check's flags. */
  "apology_approved",
  "request_judged",
  "resolution_proposed",
  "goodwill_added",
  "promise_made",
  "promise_kept",
  "escalated",
  "fault_confirmed",
  /** A supervisor changed the fault attribution (with a reason); the new one counts as confirmed. */
  "fault_changed",
  /** A supervisor rejected the fault attribution (with a reason); it has to be set again. */
  "fault_rejected",
  "root_cause_set",
  "follow_up_scheduled",
  "follow_up_done",
  "customer_agreed",
  "customer_disagreed",
  "satisfaction_rated",
  "reopened",
  "attachment_added",
  "correction",
] as const;
export const eventType = pgEnum("event_type", EVENT_TYPES);

/** Who called whom, on a logged call (kept in the event's data, not a column of its own). */
export const CALL_DIRECTIONS = ["inbound", "outbound"] as const;
