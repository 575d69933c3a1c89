/** A case action refused by a business rule; the message is meant for the person who tried it. */
export class CaseRuleError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "CaseRuleError";
  }
}

/** Someone else changed the case since the acting user loaded it (optimistic concurrency). */
export class CaseConflictError extends Error {
  constructor(message = "Someone else updated this case while you were working on it. The page now shows the latest version; please check it and try again.") {
    super(message);
    this.name = "CaseConflictError";
  }
}

/** The acting user's role does not allow this action. */
export class ForbiddenError extends Error {
  constructor(message = "Your role does not allow this action.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends Error {
  constructor(message = "Case not found.") {
    super(message);
    this.name = "NotFoundError";
  }
}
