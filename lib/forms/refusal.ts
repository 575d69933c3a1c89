/**
 * An action refused for a reason the person can act on: a business rule, a role, a case that moved
 * on. Its message is written for them; nothing was changed. Every domain's refusals extend it, so
 * one form wrapper (run-form-action.ts) turns any of them into the form's answer, and anything
 * else stays a real error.
 */
export class Refusal extends Error {
  constructor(
    message: string,
    /** Messages by field name, shown beside the field. */
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "Refusal";
  }

  /**
   * Someone else changed the record since the page was drawn: the page the person sees is out of
   * date, not their input. Without JavaScript the answer then comes on a fresh page.
   */
  get isConflict(): boolean {
    return false;
  }
}

/** Refused because this sender asked too often (a rate limit): nothing was done; try again later. */
export class TooManyAttempts extends Refusal {
  constructor(
    message: string,
    /** Seconds until the limit lets this sender ask again. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "TooManyAttempts";
  }
}
