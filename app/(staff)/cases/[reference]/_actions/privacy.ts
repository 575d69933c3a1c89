"use server";

import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import type { ActionState } from "@/lib/forms/action-state";
import { eraseCustomerOfCase } from "@/lib/privacy/erase";
import { runCaseForm } from "./run-case-form";

/**
 * Erases the personal data of the customer of this case. A server action is a public endpoint:
 * the role is checked here (owners only) and again next to the data in lib/privacy/erase.ts.
 */
export async function eraseCustomerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runCaseForm(formData, "erase customer", async () => {
    const owner = await requireStaff("owner");
    const reference = String(formData.get("reference") ?? "");
    const confirmation = String(formData.get("confirmation") ?? "");
    const result = await eraseCustomerOfCase(await getDb(), owner, { reference, confirmation });
    return `Personal data erased from ${result.complaints} ${result.complaints === 1 ? "case" : "cases"}. The figures stay.`;
  });
}
