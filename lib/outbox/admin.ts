import "server-only";
import { and, count, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { complaints, emailTemplates, OUTBOX_KINDS, OUTBOX_STATUSES, outboxMessages, type OutboxKind } from "@/db/schema";
import { assertOwner, SettingsRuleError, type SettingsActor } from "@/lib/settings/access";
import { CUSTOMER_KINDS, DEFAULT_TEMPLATES, validateTemplate, type CustomerKind, type TemplateText } from "./templates";
import { retryMessage } from "./worker";

/** The owner's view of the outbox and of the email wording. Every function checks the owner role itself. */

export const OUTBOX_PAGE_SIZE = 50;

export const outboxFiltersSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  kind: z.enum(OUTBOX_KINDS).optional().catch(undefined),
  /** Keyset cursor: "<created_at ISO>|<id>" of the last row shown. */
  before: z.string().max(100).optional().catch(undefined),
});
export type OutboxFilters = z.infer<typeof outboxFiltersSchema>;

export async function listOutbox(db: Db, actor: SettingsActor, filters: OutboxFilters) {
  assertOwner(actor);
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(outboxMessages.status, filters.status));
  if (filters.kind) conditions.push(eq(outboxMessages.kind, filters.kind));
  const [beforeAt, beforeId] = filters.before?.split("|") ?? [];
  if (beforeAt && beforeId && !Number.isNaN(Date.parse(beforeAt)) && z.uuid().safeParse(beforeId).success) {
    const at = new Date(beforeAt);
    conditions.push(or(lt(outboxMessages.createdAt, at), and(eq(outboxMessages.createdAt, at), lt(outboxMessages.id, beforeId)))!);
  }
  const rows = await db
    .select({
      id: outboxMessages.id,
      kind: outboxMessages.kind,
      status: outboxMessages.status,
      toAddress: outboxMessages.toAddress,
      subject: outboxMessages.subject,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      createdAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
      reference: complaints.reference,
    })
    .from(outboxMessages)
    .leftJoin(complaints, eq(complaints.id, outboxMessages.complaintId))
    .where(and(...conditions))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(OUTBOX_PAGE_SIZE + 1);
  const last = rows[OUTBOX_PAGE_SIZE - 1];
  return {
    items: rows.slice(0, OUTBOX_PAGE_SIZE),
    next: rows.length > OUTBOX_PAGE_SIZE && last ? `${last.createdAt.toISOString()}|${last.id}` : null,
  };
}

/** How many messages are in each status, for the filter tabs. */
export async function outboxCounts(db: Db, actor: SettingsActor): Promise<Record<string, number>> {
  assertOwner(actor);
  const rows = await db.select({ status: outboxMessages.status, n: count() }).from(outboxMessages).groupBy(outboxMessages.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function getOutboxMessage(db: Db, actor: SettingsActor, id: string) {
  assertOwner(actor);
  if (!z.uuid().safeParse(id).success) return null;
  const [row] = await db
    .select({ message: outboxMessages, reference: complaints.reference })
    .from(outboxMessages)
    .leftJoin(complaints, eq(complaints.id, outboxMessages.complaintId))
    .where(eq(outboxMessages.id, id))
    .limit(1);
  return row ?? null;
}

export async function retryOutboxMessage(db: Db, actor: SettingsActor, id: string): Promise<void> {
  assertOwner(actor);
  if (!z.uuid().safeParse(id).success || !(await retryMessage(db, id))) {
    throw new SettingsRuleError("Only a message that failed can be retried.");
  }
}

export type TemplateRow = { kind: CustomerKind; template: TemplateText; customised: boolean; updatedAt: Date | null };

export async function listTemplates(db: Db, actor: SettingsActor): Promise<TemplateRow[]> {
  assertOwner(actor);
  const rows = await db.select().from(emailTemplates);
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return CUSTOMER_KINDS.map((kind) => {
    const row = byKind.get(kind);
    return {
      kind,
      template: row ? { subject: row.subject, body: row.body } : DEFAULT_TEMPLATES[kind],
      customised: Boolean(row),
      updatedAt: row?.updatedAt ?? null,
    };
  });
}

export function isCustomerKind(kind: string): kind is CustomerKind {
  return (CUSTOMER_KINDS as readonly string[]).includes(kind);
}

/** Saves the owner's wording after checking its placeholders; field errors name the unknown ones. */
export async function saveTemplate(db: Db, actor: SettingsActor, kind: OutboxKind, input: TemplateText): Promise<void> {
  assertOwner(actor);
  if (!isCustomerKind(kind)) throw new SettingsRuleError("This email's wording cannot be changed.");
  const template = { subject: input.subject.trim(), body: input.body.replace(/\r\n/g, "\n").trim() };
  const errors = validateTemplate(kind, template);
  if (Object.keys(errors).length > 0) throw new SettingsRuleError("Please correct the highlighted fields.", errors);
  const now = new Date();
  await db
    .insert(emailTemplates)
    .values({ kind, ...template, updatedById: actor.id, updatedAt: now })
    .onConflictDoUpdate({ target: emailTemplates.kind, set: { ...template, updatedById: actor.id, updatedAt: now } });
}

/** Back to the built-in wording. */
export async function resetTemplate(db: Db, actor: SettingsActor, kind: OutboxKind): Promise<void> {
  assertOwner(actor);
  await db.delete(emailTemplates).where(eq(emailTemplates.kind, kind));
}
