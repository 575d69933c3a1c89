"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { CaseRuleError, ForbiddenError, NotFoundError } from "@/lib/cases/errors";
import { eraseCustomerOfCase } from "@/lib/privacy/erase";

export type EraseState = { ok?: string; error?: string; fieldError?: string; typed?: string; stamp: number };

/**
 * Erases the personal data of the customer of this case. A server action is a public endpoint:
 * the role is checked here (owners only) and again next to the data in lib/privacy/erase.ts.
 */
export async function eraseCustomerAction(_previous: EraseState, formData: FormData): Promise<EraseState> {
  const owner = await requireStaff("owner");
  const reference = String(formData.get("reference") ?? "");
  const typed = String(formData.get("confirmation") ?? "");
  try {
    const result = await eraseCustomerOfCase(await getDb(), owner, { reference, confirmation: typed });
    return {
      ok: `Personal data erased from ${result.complaints} ${result.complaints === 1 ? "case" : "cases"}. The figures stay.`,
      stamp: Date.now(),
    };
  } catch (error) {
    if (error instanceof CaseRuleError) return { error: error.message, fieldError: error.fieldErrors.confirmation, typed, stamp: Date.now() };
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { error: error.message, typed, stamp: Date.now() };
    throw error;
  } finally {
    revalidatePath("/cases/[reference]", "page");
  }
}
