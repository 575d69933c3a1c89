import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { complaintEvents, complaints } from "@/db/schema";
import { generateReference, generateTrackingToken, hashTrackingToken } from "@/lib/complaints/reference";
import { resolveCustomers } from "./customers";
import type { ImportRecord } from "./map-rows";
import { ensureProcesses, ensureRootCauses, taxonomyKey } from "./taxonomy";

export const IMPORT_BATCH_SIZE = 1000;

export type ImportProgress = { phase: "checking" | "writing"; done: number; total: number };

export type ImportCounts = {
  imported: number;
  alreadyImported: number;
  createdProcesses: number;
  createdRootCauses: number;
  /** Names of what was created; they start archived, off the public form and pick lists. */
  createdProcessNames: string[];
  createdRootCauseNames: string[];
  createdCustomers: number;
  events: number;
  milliseconds: number;
};

type NewEvent = typeof complaintEvents.$inferInsert;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** External ids of these that are already on record (from an earlier import of the same file). */
export async function findImportedIds(db: Db | Tx, externalIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunks(externalIds, IMPORT_BATCH_SIZE)) {
    const rows = await db.select({ id: complaints.externalId }).from(complaints).where(inArray(complaints.externalId, chunk));
    for (const row of rows) if (row.id) found.add(row.id);
  }
  return found;
}

/** References no complaint has yet, one per record (collisions are rare, but checked). */
async function freshReferences(tx: Tx, count: number): Promise<string[]> {
  const refs = new Set<string>();
  while (refs.size < count) {
    const candidates = Array.from({ length: count - refs.size }, generateReference).filter((r) => !refs.has(r));
    const taken = new Set<string>();
    for (const chunk of chunks(candidates, IMPORT_BATCH_SIZE)) {
      const rows = await tx.select({ reference: complaints.reference }).from(complaints).where(inArray(complaints.reference, chunk));
      for (const row of rows) taken.add(row.reference);
    }
    for (const r of candidates) if (!taken.has(r)) refs.add(r);
  }
  return [...refs];
}

/** The timeline a past complaint arrives with: filed in the customer's words, then what was done. */
function eventsFor(id: string, record: ImportRecord, source: string): NewEvent[] {
  const imported = { source, externalId: record.externalId, line: record.line };
  const decidedAt = record.closedAt ?? record.receivedAt;
  const events: NewEvent[] = [
    { complaintId: id, type: "filed", visibility: "customer", actorKind: "customer", body: record.description, data: { channel: record.channel, imported, descriptionFromIssue: record.descriptionFromIssue }, createdAt: record.receivedAt },
  ];
  if (record.resolutionDescription) {
    events.push({ complaintId: id, type: "resolution_proposed", visibility: "customer", actorKind: "system", body: record.resolutionDescription, data: { resolutionType: record.resolutionType, imported }, createdAt: decidedAt });
  }
  if (record.status !== "new") {
    events.push({ complaintId: id, type: "status_changed", visibility: "customer", actorKind: "system", body: null, data: { from: "new", to: record.status, imported }, createdAt: decidedAt });
  }
  if (record.customerAgreement) {
    const type = record.customerAgreement === "agreed" ? "customer_agreed" : "customer_disagreed";
    events.push({ complaintId: id, type, visibility: "customer", actorKind: "system", body: null, data: { imported }, createdAt: decidedAt });
  }
  return events;
}

/**
 * Writes validated records in ONE transaction: any failure rolls everything back. Records whose
 * external id is already on record are skipped and counted; the rest go in with multi-row
 * inserts of IMPORT_BATCH_SIZE. No emails are queued: these complaints were handled long ago.
 */
export async function writeImport(
  db: Db,
  records: ImportRecord[],
  options: { source: string; onProgress?: (p: ImportProgress) => void },
): Promise<ImportCounts> {
  const started = performance.now();
  const report = options.onProgress ?? (() => {});
  return db.transaction(async (tx) => {
    report({ phase: "checking", done: 0, total: records.length });
    const already = await findImportedIds(tx, records.map((r) => r.externalId));
    const todo = records.filter((r) => !already.has(r.externalId));
    const procs = await ensureProcesses(tx, todo.map((r) => r.processName));
    const causes = await ensureRootCauses(tx, todo.map((r) => r.rootCauseName));
    const people = await resolveCustomers(tx, todo);
    const references = await freshReferences(tx, todo.length);

    let events = 0;
    report({ phase: "writing", done: 0, total: todo.length });
    for (let start = 0; start < todo.length; start += IMPORT_BATCH_SIZE) {
      const batch = todo.slice(start, start + IMPORT_BATCH_SIZE);
      const rows = batch.map((record, i) => {
        const cause = record.rootCauseName ? causes.refs.get(taxonomyKey(record.rootCauseName)) : undefined;
        const finished = record.status === "closed" || record.status === "resolved";
        return {
          id: randomUUID(),
          reference: references[start + i]!,
          // Nobody will ever hold this token: a past complaint has no tracking link until staff send one.
          trackingTokenHash: hashTrackingToken(generateTrackingToken()),
          customerId: people.ids[start + i]!,
          processId: record.processName ? (procs.ids.get(taxonomyKey(record.processName)) ?? null) : null,
          channel: record.channel,
          orderReference: record.orderReference,
          description: record.description,
          desiredOutcome: record.desiredOutcome,
          status: record.status,
          receivedAt: record.receivedAt,
          resolvedAt: finished ? record.closedAt : null,
          closedAt: record.status === "closed" ? record.closedAt : null,
          lastActivityAt: record.closedAt ?? record.receivedAt,
          rootCauseId: cause?.id ?? null,
          faultAttribution: cause?.defaultFault ?? null,
          resolutionType: record.resolutionType,
          resolutionDescription: record.resolutionDescription,
          resolutionSource: record.resolutionDescription ? ("staff" as const) : null,
          customerAgreement: record.customerAgreement,
          externalId: record.externalId,
        };
      });
      await tx.insert(complaints).values(rows);
      const batchEvents = rows.flatMap((row, i) => eventsFor(row.id, batch[i]!, options.source));
      for (const chunk of chunks(batchEvents, IMPORT_BATCH_SIZE * 2)) await tx.insert(complaintEvents).values(chunk);
      events += batchEvents.length;
      report({ phase: "writing", done: start + batch.length, total: todo.length });
    }
    return {
      imported: todo.length,
      alreadyImported: records.length - todo.length,
      createdProcesses: procs.created,
      createdRootCauses: causes.created,
      createdProcessNames: procs.names,
      createdRootCauseNames: causes.names,
      createdCustomers: people.created,
      events,
      milliseconds: Math.round(performance.now() - started),
    };
  });
}
