/**
 * The New complaint page's fields (lib/complaints/take-down.ts). Client-safe: the form imports
 * these, the server reads the same names.
 */

export const TAKE_DOWN_FIELDS = [
  "customerId",
  "name",
  "email",
  "phone",
  "preferredContact",
  "channel",
  "receivedDate",
  "receivedTime",
  "backdateReason",
  "processId",
  "description",
  "desiredOutcome",
  "idempotencyKey",
] as const;
export type TakeDownField = (typeof TAKE_DOWN_FIELDS)[number];
export type TakeDownForm = Record<TakeDownField, string>;

/** The value of the "someone new" choice beside the customers found. */
export const NEW_CUSTOMER = "new";
export const BACKDATE_REASON_MAX = 500;
