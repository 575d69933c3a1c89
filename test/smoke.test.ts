import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { pgErrorOf } from "@/db/errors";
import { describeEachDatabase } from "./databases";

describeEachDatabase("migrations", ({ db }) => {
  it("creates the schema with its default settings row", async () => {
    const rows = await queryRows<{ business_name: string }>(db(), sql`select business_name from business_settings`);
    expect(rows).toHaveLength(1);
  });

  it("refuses to edit or delete a timeline event", async () => {
    await db().execute(sql`insert into customers (name, email, email_normalized) values ('A', 'a@example.com', 'a@example.com')`);
    const [customer] = await queryRows<{ id: string }>(db(), sql`select id from customers limit 1`);
    await db().execute(
      sql`insert into complaints (reference, tracking_token_hash, customer_id, description) values ('CR-TEST', 'x', ${customer!.id}, 'It broke')`,
    );
    const [complaint] = await queryRows<{ id: string }>(db(), sql`select id from complaints limit 1`);
    await db().execute(
      sql`insert into complaint_events (complaint_id, type, visibility, actor_kind, body) values (${complaint!.id}, 'filed', 'customer', 'customer', 'It broke')`,
    );
    const immutable = (e: unknown) => /immutable/.test(pgErrorOf(e)?.message ?? "");
    await expect(db().execute(sql`update complaint_events set body = 'changed'`)).rejects.toSatisfy(immutable);
    await expect(db().execute(sql`delete from complaint_events`)).rejects.toSatisfy(immutable);
  });
});
