/**
 * The Message-IDs CaseRoot gives its emails, and reading them back from a reply's In-Reply-To
 * and References. Each outbox message keeps one Message-ID across retries; every email about a
 * case refers to the case's thread root, so mail programs show them as one conversation.
 */

const DOMAIN = "caseroot.outbox";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const OUTBOX_ID = new RegExp(`^<?(${UUID})@${DOMAIN.replace(".", "\\.")}>?$`, "i");
const CASE_ID = new RegExp(`^<?case-(${UUID})@${DOMAIN.replace(".", "\\.")}>?$`, "i");

/** The Message-ID of one outbox message. */
export function outboxMessageId(outboxId: string): string {
  return `<${outboxId}@${DOMAIN}>`;
}

/** The case's thread root: never sent itself, but named by In-Reply-To and References of every email about the case. */
export function caseThreadId(complaintId: string): string {
  return `<case-${complaintId}@${DOMAIN}>`;
}

/** The threading headers of an email; a message with no case (a staff digest) has none. */
export function threadHeaders(outboxId: string, complaintId: string | null): { messageId: string; inReplyTo?: string; references?: string } {
  const messageId = outboxMessageId(outboxId);
  if (!complaintId) return { messageId };
  const root = caseThreadId(complaintId);
  return { messageId, inReplyTo: root, references: root };
}

/** Our ids among a reply's In-Reply-To and References: outbox messages and case thread roots. */
export function ourIdsIn(ids: readonly string[]): { outboxIds: string[]; complaintIds: string[] } {
  const outboxIds = new Set<string>();
  const complaintIds = new Set<string>();
  for (const id of ids) {
    const trimmed = id.trim();
    const asCase = CASE_ID.exec(trimmed);
    if (asCase) complaintIds.add(asCase[1]!.toLowerCase());
    const asOutbox = OUTBOX_ID.exec(trimmed);
    if (asOutbox) outboxIds.add(asOutbox[1]!.toLowerCase());
  }
  return { outboxIds: [...outboxIds], complaintIds: [...complaintIds] };
}

/** Whether a Message-ID is one of ours: our own email came back into the mailbox. */
export function isOurMessageId(id: string | undefined): boolean {
  return Boolean(id && new RegExp(`@${DOMAIN.replace(".", "\\.")}>?$`, "i").test(id.trim()));
}
