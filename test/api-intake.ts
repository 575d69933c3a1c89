import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { complaints } from "@/db/schema";
import { API_ERRORS, handleCreateComplaint, type CreateComplaintOptions } from "@/lib/complaints/api";

/**
 * The API handler for POST /api/v1/complaints as the tests call it: every 201 it answers is held
 * to its word, the reference it gives must be stored exactly once. (A 201 once came back for a
 * complaint the handler had thrown away; the browser tests check the same with
 * e2e/helpers/complaints.ts#expectFiledComplaintStored.) Every refusal carries a documented error
 * code (API_ERRORS, which the OpenAPI document is built from) under its documented status.
 */
export async function postComplaint(db: Db, request: Request, options?: CreateComplaintOptions): Promise<Response> {
  const response = await handleCreateComplaint(db, request, options);
  if (response.status === 201) {
    const { reference } = (await response.clone().json()) as { reference: string };
    await expectStoredOnce(db, reference);
  } else if (response.status >= 400) {
    const { error } = (await response.clone().json()) as { error: string };
    expect(API_ERRORS[error as keyof typeof API_ERRORS]?.status, `error code "${error}" as documented`).toBe(response.status);
  }
  return response;
}

/** Exactly one complaint holds this reference. */
export async function expectStoredOnce(db: Db, reference: string): Promise<void> {
  const rows = await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference));
  expect(rows, `complaint ${reference} answered 201 must be stored once`).toHaveLength(1);
}
