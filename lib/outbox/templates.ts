import type { OutboxKind } from "@/db/schema/outbox";

/**
 * Email wording: a subject and a plain-text body per kind, with `{{placeholder}}`s. The HTML part
 * is built from the same text (paragraphs, escaped values, links), so owners edit one wording and
 * both parts stay in step. Pure code, no database: the settings page previews with it in the browser.
 */

export type TemplateText = { subject: string; body: string };

/** Customer-facing kinds, which owners can reword at /settings/email-templates. */
export const CUSTOMER_KINDS = [
  "acknowledgement",
  "call_summary",
  "staff_reply",
  "resolution_proposed",
  "follow_up",
  "closure",
  "tracking_link",
] as const satisfies readonly OutboxKind[];
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export const KIND_LABELS: Record<OutboxKind, string> = {
  acknowledgement: "Acknowledgement of a new complaint",
  call_summary: "Written summary after a call",
  staff_reply: "Reply from staff",
  resolution_proposed: "Proposed resolution",
  follow_up: "Follow-up check-in",
  closure: "Complaint closed",
  tracking_link: "New tracking link (lost link)",
  staff_alert: "Alert to the assigned staff member",
  staff_digest: "Daily digest for staff",
  security_alert: "Security alert: an account under attack",
};

const COMMON = ["businessName", "customerName", "reference", "trackingUrl"] as const;

/** The placeholders each kind may use; anything else is refused when an owner saves a template. */
export const PLACEHOLDERS: Record<OutboxKind, readonly string[]> = {
  acknowledgement: [...COMMON, "firstResponseBy"],
  call_summary: [...COMMON, "summary"],
  staff_reply: [...COMMON, "message"],
  resolution_proposed: [...COMMON, "resolutionType", "resolutionDescription", "message"],
  follow_up: [...COMMON, "message"],
  closure: [...COMMON, "message"],
  tracking_link: COMMON,
  staff_alert: ["businessName", "staffName", "reference", "what", "details", "caseUrl"],
  staff_digest: ["businessName", "staffName", "dueCount", "dueList", "dueUrl"],
  security_alert: ["businessName", "staffName", "account", "failures", "minutes", "auditUrl"],
};

/** Placeholders a template must keep, because the email is pointless without them. */
export const REQUIRED_PLACEHOLDERS: Partial<Record<OutboxKind, readonly string[]>> = {
  acknowledgement: ["trackingUrl"],
  call_summary: ["summary"],
  staff_reply: ["message"],
  resolution_proposed: ["resolutionDescription", "trackingUrl"],
  tracking_link: ["trackingUrl"],
};

/** Values rendered as links in the HTML part. */
const URL_PLACEHOLDERS = new Set(["trackingUrl", "caseUrl", "dueUrl", "auditUrl"]);

export const DEFAULT_TEMPLATES: Record<OutboxKind, TemplateText> = {
  acknowledgement: {
    subject: "We have your complaint ({{reference}})",
    body: "Dear {{customerName}},\n\nThank you for telling us what went wrong. Your complaint has reached {{businessName}} and its reference is {{reference}}.\n\nWe aim to reply by {{firstResponseBy}}. To add anything, simply reply to this email. You can also follow your complaint, read our replies and add information at any time through your private link:\n{{trackingUrl}}\n\nPlease keep this link to yourself: anyone who has it can see your complaint.\n\n{{businessName}}",
  },
  call_summary: {
    subject: "Summary of our call about {{reference}}",
    body: "Dear {{customerName}},\n\nFurther to our conversation, here is a written summary of what we discussed, for your records:\n\n{{summary}}\n\nIf anything here does not match your understanding, please reply to this email or tell us through your complaint's page:\n{{trackingUrl}}\n\n{{businessName}}",
  },
  staff_reply: {
    subject: "A reply about your complaint {{reference}}",
    body: "Dear {{customerName}},\n\n{{message}}\n\nYou can reply to this email, or through your complaint's page:\n{{trackingUrl}}\n\n{{businessName}}",
  },
  resolution_proposed: {
    subject: "How we propose to put things right ({{reference}})",
    body: "Dear {{customerName}},\n\nWe are sorry for the inconvenience this has caused you. Here is how we propose to put things right ({{resolutionType}}):\n\n{{resolutionDescription}}\n\n{{message}}\n\nPlease tell us whether you agree: reply to this email, or agree or tell us what would work better on your complaint's page:\n{{trackingUrl}}\n\n{{businessName}}",
  },
  follow_up: {
    subject: "Checking in about your complaint {{reference}}",
    body: "Dear {{customerName}},\n\nA little while ago we put right the problem you told us about. We would like to make sure everything is still as it should be.\n\n{{message}}\n\nIf anything is still wrong, or to tell us how we did, reply to this email or use your complaint's page:\n{{trackingUrl}}\n\n{{businessName}}",
  },
  closure: {
    subject: "Your complaint {{reference}} is closed",
    body: "Dear {{customerName}},\n\nWe have closed your complaint {{reference}}. Thank you for telling us about it: every complaint helps us improve.\n\n{{message}}\n\nIf something is still wrong, reply to this email or write to us on your complaint's page and we will reopen it:\n{{trackingUrl}}\n\n{{businessName}}",
  },
  tracking_link: {
    subject: "Your new link for complaint {{reference}}",
    body: "Dear {{customerName}},\n\nYou asked for a new link to your complaint {{reference}}. Here it is:\n{{trackingUrl}}\n\nEarlier links to this complaint no longer work. If you did not ask for this, you can ignore this email: only you received the new link.\n\n{{businessName}}",
  },
  staff_alert: {
    subject: "{{reference}}: {{what}}",
    body: "Hello {{staffName}},\n\n{{what}} on case {{reference}}.\n\n{{details}}\n\nOpen the case:\n{{caseUrl}}",
  },
  staff_digest: {
    subject: "What's due today: {{dueCount}}",
    body: "Hello {{staffName}},\n\nHere is what needs you today:\n\n{{dueList}}\n\nSee everything that is due:\n{{dueUrl}}",
  },
  security_alert: {
    subject: "Someone is trying to sign in as {{account}}",
    body: "Hello {{staffName}},\n\n{{failures}} sign-ins with a wrong password were tried for {{account}} within {{minutes}} minutes, from more than one address. Someone may be guessing the password.\n\nThe account is not locked: the right password still signs in from an address that has not been guessing, so its owner can carry on working. Each address that keeps guessing is slowed down and then locked out.\n\nIf this was not a colleague who forgot their password, make sure the account's password is long and not used anywhere else. The audit log records when this happened:\n{{auditUrl}}\n\n{{businessName}}",
  },
};

export type Rendered = { subject: string; text: string; html: string };

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
export const SUBJECT_MAX = 200;
export const BODY_MAX = 5_000;

/** Problems with a template an owner typed, by field, in words they can act on. Empty: fine. */
export function validateTemplate(kind: OutboxKind, template: TemplateText): Partial<Record<keyof TemplateText, string>> {
  const errors: Partial<Record<keyof TemplateText, string>> = {};
  const allowed = PLACEHOLDERS[kind];
  for (const field of ["subject", "body"] as const) {
    const value = template[field];
    if (!value.trim()) {
      errors[field] = field === "subject" ? "Please write a subject" : "Please write the email's text";
      continue;
    }
    const max = field === "subject" ? SUBJECT_MAX : BODY_MAX;
    if (value.length > max) {
      errors[field] = `Please keep the ${field} under ${max.toLocaleString("en")} characters`;
      continue;
    }
    if (field === "subject" && /[\r\n]/.test(value)) {
      errors[field] = "The subject must be on one line";
      continue;
    }
    const unknown = [...value.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !allowed.includes(name));
    if (unknown.length > 0) {
      const names = [...new Set(unknown)].map((n) => `{{${n}}}`).join(", ");
      errors[field] = `Unknown placeholder ${names}. This email can use: ${allowed.map((n) => `{{${n}}}`).join(", ")}`;
      continue;
    }
    const stray = value.replace(PLACEHOLDER, "").match(/\{\{[^}]*\}?\}?/);
    if (stray) {
      errors[field] = `“${stray[0].slice(0, 30)}” is not a placeholder: write placeholders as {{name}}, e.g. {{reference}}`;
    }
  }
  if (!errors.body) {
    const used = new Set([...template.body.matchAll(PLACEHOLDER)].map((m) => m[1]));
    const missing = (REQUIRED_PLACEHOLDERS[kind] ?? []).filter((name) => !used.has(name));
    if (missing.length > 0) {
      errors.body = `The text must include ${missing.map((n) => `{{${n}}}`).join(" and ")}: without it this email would be no use to the customer`;
    }
  }
  return errors;
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * Fills a template. The text part gets the values as they are; in the HTML part every value is
 * escaped (customers' and staff's words can contain anything), URLs become links, and blank
 * lines become paragraphs. Empty optional values leave no empty paragraph behind.
 */
export function renderTemplate(template: TemplateText, values: Record<string, string>, businessName: string): Rendered {
  const written = greetsBeforeStaffText(template.body) ? withoutStaffGreeting(values) : values;
  const fill = (text: string, map: (name: string, value: string) => string) =>
    text.replace(PLACEHOLDER, (_, name: string) => map(name, written[name] ?? ""));
  const subject = fill(template.subject, (_, v) => v.replace(/[\r\n]+/g, " ")).trim();
  const text = tidy(fill(template.body, (_, v) => v));
  const paragraphs = tidy(template.body)
    .split(/\n{2,}/)
    .map((block) => fill(escapeHtml(block), (name, v) => htmlValue(name, v)).trim())
    .filter((block) => block.replace(/<br>/g, "").trim() !== "")
    .map((block) => `<p style="margin:0 0 16px">${block.replace(/\n/g, "<br>")}</p>`);
  const html = [
    '<!doctype html><html><head><meta charset="utf-8"></head>',
    '<body style="margin:0;padding:24px;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0f172a">',
    '<div style="max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">',
    `<p style="margin:0 0 20px;font-size:18px;font-weight:bold;color:#1e3a8a">${escapeHtml(businessName)}</p>`,
    ...paragraphs,
    "</div></body></html>",
  ].join("\n");
  return { subject, text, html };
}

/** Placeholders that carry what a staff member wrote, which may open with a greeting of its own. */
const STAFF_TEXT_PLACEHOLDERS = ["message", "summary"];
const GREETING_WORD = String.raw`(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening))\b`;
/**
 * A greeting at the very start, with at most four words of name after it: alone on its line
 * ("Dear Maria,") or ending in punctuation before the sentence goes on ("Hi Maria, thanks"). A
 * browser posts a text area's line breaks as CRLF.
 */
const LEADING_GREETING = new RegExp(String.raw`^\s*${GREETING_WORD}(?:[ \t]+[^\s,!:;.?]+){0,4}(?:[,!:.]?[ \t]*\r?\n\s*|[,!:][ \t]+)`, "i");

/** The template says "Dear …" itself before the staff member's words start. */
function greetsBeforeStaffText(body: string): boolean {
  const first = STAFF_TEXT_PLACEHOLDERS.map((name) => body.indexOf(`{{${name}}}`)).filter((i) => i >= 0);
  if (first.length === 0) return false;
  return new RegExp(GREETING_WORD, "i").test(body.slice(0, Math.min(...first)));
}

/**
 * Leaves out the greeting a staff member wrote when the template already greets the customer, so
 * the email never says "Dear Maria Lopez, Dear Maria,". The case page keeps the full text.
 */
export function withoutStaffGreeting(values: Record<string, string>): Record<string, string> {
  const out = { ...values };
  for (const name of STAFF_TEXT_PLACEHOLDERS) {
    const value = out[name];
    if (!value) continue;
    const rest = value.replace(LEADING_GREETING, "");
    if (rest !== value && rest.trim()) out[name] = rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  return out;
}

function htmlValue(name: string, value: string): string {
  const escaped = escapeHtml(value);
  if (URL_PLACEHOLDERS.has(name) && /^https?:\/\//.test(value)) {
    return `<a href="${escaped}" style="color:#1d4ed8">${escaped}</a>`;
  }
  return escaped;
}

/** Drops runs of blank lines that empty optional values leave, and trailing spaces. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Example values for previews on the settings page. */
export const SAMPLE_VALUES: Record<string, string> = {
  customerName: "Alex Morgan",
  reference: "CR-7KQ4-M9TA",
  trackingUrl: "https://complaints.example.com/track/EXAMPLE-LINK",
  firstResponseBy: "Tuesday 24 November, 10:00",
  summary: "You told us the boiler was fitted without the agreed thermostat. We agreed to send an engineer on Friday.",
  message: "Thank you for your patience while we looked into this.",
  resolutionType: "a repair",
  resolutionDescription: "An engineer will visit on Friday morning to fit the thermostat, at no cost to you.",
  staffName: "Sam",
  what: "The customer replied",
  details: "“Friday works for me, thank you.”",
  caseUrl: "https://complaints.example.com/cases/CR-7KQ4-M9TA",
  dueCount: "3",
  dueList: "- CR-7KQ4-M9TA: promise due today: call back about the refund",
  dueUrl: "https://complaints.example.com/due",
};
