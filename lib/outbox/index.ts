/**
 * Customer emails, for staff actions. ONE function, called INSIDE your transaction:
 *
 *   import { enqueueCustomerEmail } from "@/lib/outbox";
 *
 *   await updateCase(db, command, async (tx, current) => {
 *     await enqueueCustomerEmail(tx, { complaintId: current.id, kind: "call_summary", summary: text });
 *     return { events: [...] };
 *   });
 *
 * Kinds and what they need (the customer's name, reference, business name and a working link to
 * the tracking page are filled in for you):
 *   - "call_summary"         { summary }   the written summary after a call ("further to our conversation…")
 *   - "staff_reply"          { message }   a reply from staff
 *   - "resolution_proposed"  { message? }  uses the complaint's resolution_type / resolution_description:
 *                                          set them in the same transaction BEFORE calling (the row is read
 *                                          inside your transaction, so uncommitted changes are seen)
 *   - "follow_up"            { message? }  the follow-up check-in
 *   - "closure"              { message? }  the case was closed
 *   - "acknowledgement" is sent at filing (lib/complaints/intake.ts); "tracking_link" by /track/lost.
 *
 * Optional on every kind: `dedupeKey` (same key → the email is queued once, e.g.
 * `closure:${complaintId}:${reopenedCount}`), `baseUrl` (default APP_URL).
 *
 * The row commits or rolls back with your transaction: no email for an action that failed, no
 * action without its email. Customers who gave only a phone number get a `skipped` row instead
 * (`contactByPhoneOnly(customer)` tells the case page to say "contact by phone").
 * Delivery, retries and the no-SMTP case are handled by lib/outbox/worker.ts and runner.ts.
 */
export { enqueueCustomerEmail, type CustomerEmailInput, type EnqueueResult } from "./enqueue";
export { contactByPhoneOnly } from "./contact";
