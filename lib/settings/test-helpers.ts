import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { SettingsActor } from "./access";

export const owner: SettingsActor = { id: "00000000-0000-4000-8000-000000000001", role: "owner" };
export const supervisor: SettingsActor = { id: "00000000-0000-4000-8000-000000000002", role: "supervisor" };
export const agent: SettingsActor = { id: "00000000-0000-4000-8000-000000000003", role: "agent" };

let sequence = 0;

/** Files a bare complaint that uses the given process and/or root cause. */
export async function fileComplaint(db: Db, use: { processId?: string; rootCauseId?: string }): Promise<void> {
  sequence += 1;
  const email = `customer${sequence}@example.com`;
  const [customer] = await queryRows<{ id: string }>(
    db,
    sql`insert into customers (name, email, email_normalized) values ('Test customer', ${email}, ${email}) returning id`,
  );
  await db.execute(sql`
    insert into complaints (reference, tracking_token_hash, customer_id, description, process_id, root_cause_id)
    values (${`CR-T${sequence}`}, ${`hash-${sequence}`}, ${customer!.id}, 'It broke', ${use.processId ?? null}, ${use.rootCauseId ?? null})`);
}
