import { Refusal } from "@/lib/forms/refusal";

/** A case action refused by a business rule; the message is meant for the person who tried it. */
export class CaseRuleError extends Refusal {
  constructor(message: string, fieldErrors: Record<string, string> = {}) {
    super(message, fieldErrors);
    this.name = "CaseRuleError";
  }
}

/** Someone else changed the case since the acting user loaded it (optimistic concurrency). */
export class CaseConflictError extends Refusal {
  constructor(message = "Someone else updated this case while you were working on it. The page now shows the latest version; please check it and try again.") {
    super(message);
    this.name = "CaseConflictError";
  }

  override get isConflict(): boolean {
    return true;
  }
}

/** The acting user's role does not allow this action. */
export class ForbiddenError extends Refusal {
  constructor(message = "Your role does not allow this action.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends Refusal {
  constructor(message = "Case not found.") {
    super(message);
    this.name = "NotFoundError";
  }
}
