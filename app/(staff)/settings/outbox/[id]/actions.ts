"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { retryOutboxMessage } from "@/lib/outbox/admin";
import { SettingsRuleError } from "@/lib/settings/access";

/** "Retry now" for a message that failed: back in the queue, attempts counted afresh. */
export async function retryAction(id: string): Promise<void> {
  const user = await requireStaff("owner");
  try {
    await retryOutboxMessage(await getDb(), user, id);
  } catch (error) {
    if (error instanceof SettingsRuleError) redirect(`/settings/outbox/${id}?retry=refused`);
    throw error;
  }
  redirect(`/settings/outbox/${id}?retry=queued`);
}
