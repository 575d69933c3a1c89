import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { complaints } from "@/db/schema";
import { handleCreateComplaint, type CreateComplaintOptions } from "@/lib/complaints/api";

/**
 * The API handler for POST /api/v1/complaints as the tests call it: every 201 it answers is held
 * to its word, the reference it gives must be stored exactly once. (A 201 once came back for a
 * complaint the handler had thrown away; the browser tests check the same with
 * e2e/helpers/complaints.ts#expectFiledComplaintStored.)
 */
export async function postComplaint(db: Db, request: Request, options?: CreateComplaintOptions): Promise<Response> {
  const response = await handleCreateComplaint(db, request, options);
  if (response.status === 201) {
    const { reference } = (await response.clone().json()) as { reference: string };
    await expectStoredOnce(db, reference);
  }
  return response;
}

/** Exactly one complaint holds this reference. */
export async function expectStoredOnce(db: Db, reference: string): Promise<void> {
  const rows = await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference));
  expect(rows, `complaint ${reference} answered 201 must be stored once`).toHaveLength(1);
}
