import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { canTransition, type CaseStatus } from "@/lib/cases/state-machine";
import { describeEachDatabase } from "@/test/databases";
import { seedDemoData, type SeedResult } from "./index";

const NOW = new Date("2026-11-23T10:30:00Z");
// Raw SQL parameters: postgres.js takes a timestamp as text, not a Date.
const NOW_ISO = NOW.toISOString();

async function one<T extends Record<string, unknown>>(db: Db, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await queryRows<T>(db, query);
  return row!;
}

async function tableCounts(db: Db) {
  return one<Record<string, number>>(
    db,
    sql`select (select count(*)::int from staff_users) staff, (select count(*)::int from customers) customers,
      (select count(*)::int from complaints) complaints, (select count(*)::int from complaint_events) events,
      (select count(*)::int from processes) processes, (select count(*)::int from root_causes) root_causes,
      (select count(*)::int from promises) promises, (select count(*)::int from follow_ups) follow_ups,
      (select count(*)::int from debriefs) debriefs`,
  );
}

describeEachDatabase("demo seed", ({ db }) => {
  let result: SeedResult;
  let seconds = 0;
  beforeAll(async () => {
    const started = performance.now();
    result = await seedDemoData(db(), { now: NOW });
    seconds = (performance.now() - started) / 1000;
  }, 120_000);

  it("loads the demo business", async () => {
    expect(result.status).toBe("seeded");
    console.info(`demo seed took ${seconds.toFixed(1)}s`);
    const settings = await one<{ business_name: string; time_zone: string; demo_seeded_at: Date | null }>(
      db(),
      sql`select business_name, time_zone, demo_seeded_at from business_settings`,
    );
    expect(settings.business_name).toBe("Harbour & Hearth Home Services");
    expect(settings.time_zone).toBe("Europe/London");
    expect(settings.demo_seeded_at).not.toBeNull();
  });

  it("creates the staff accounts, the former agent deactivated", async () => {
    const staff = await queryRows<{ email: string; role: string; active: boolean }>(db(), sql`select email, role, active from staff_users`);
    expect(staff).toContainEqual({ email: "owner@example.com", role: "owner", active: true });
    expect(staff).toContainEqual({ email: "agent@example.com", role: "agent", active: true });
    expect(staff).toContainEqual({ email: "former@example.com", role: "agent", active: false });
  });

  it("files several hundred complaints, each with its filed event and matching minutes", async () => {
    const row = await one<{ complaints: number; unfiled: number; minutes_off: number; future: number }>(
      db(),
      sql`select count(*)::int complaints,
        count(*) filter (where not exists (select 1 from complaint_events e where e.complaint_id = c.id and e.type = 'filed'))::int unfiled,
        count(*) filter (where c.minutes_spent <> (select coalesce(sum(e.minutes_spent), 0) from complaint_events e where e.complaint_id = c.id))::int minutes_off,
        (select count(*)::int from complaint_events where created_at > ${NOW_ISO}) future
      from complaints c`,
    );
    expect(row.complaints).toBeGreaterThanOrEqual(300);
    expect(row.unfiled).toBe(0);
    expect(row.minutes_off).toBe(0);
    expect(row.future).toBe(0);
  });

  it("moves every case only in ways the app allows, ending in the case's status", async () => {
    const rows = await queryRows<{ id: string; status: CaseStatus; changes: Array<{ from: CaseStatus; to: CaseStatus }> | null }>(
      db(),
      sql`select c.id, c.status, (select json_agg(e.data order by e.created_at, e.id) from complaint_events e
        where e.complaint_id = c.id and e.type = 'status_changed') changes from complaints c`,
    );
    for (const { status, changes } of rows) {
      let current: CaseStatus = "new";
      for (const change of changes ?? []) {
        expect(change.from).toBe(current);
        expect(canTransition(change.from, change.to)).toBe(true);
        current = change.to;
      }
      expect(current).toBe(status);
    }
  });

  it("plants the difficult repeat complainer", async () => {
    const victor = await one<{ complaints: number; unreasonable: number; processes: number }>(
      db(),
      sql`select count(*)::int complaints, count(*) filter (where request_judgement = 'unreasonable')::int unreasonable,
        count(distinct process_id)::int processes
      from complaints c join customers cu on cu.id = c.customer_id where cu.email_normalized = 'victor.crane@example.com'`,
    );
    expect(victor.complaints).toBeGreaterThanOrEqual(8);
    expect(victor.unreasonable).toBeGreaterThan(victor.complaints / 2);
    expect(victor.processes).toBe(4);
  });

  it("plants the failing Installation process (the most complained-about over the last 90 days)", async () => {
    const byProcess = await queryRows<{ name: string; complaints: number; customers: number; service: number; attributed: number }>(
      db(),
      sql`select p.name, count(*)::int complaints, count(distinct c.customer_id)::int customers,
        count(*) filter (where c.fault_attribution = 'service')::int service, count(c.fault_attribution)::int attributed
      from complaints c join processes p on p.id = c.process_id
      where c.received_at >= ${NOW_ISO}::timestamptz - interval '90 days'
      group by p.name order by count(*) desc`,
    );
    const installation = byProcess[0]!;
    expect(installation.name).toBe("Installation");
    expect(installation.customers).toBeGreaterThanOrEqual(65);
    expect(installation.service / installation.attributed).toBeGreaterThanOrEqual(0.7);
  });

  it("leaves a live queue: new unassigned cases, broken and upcoming promises", async () => {
    const row = await one<{ unassigned: number; broken: number; upcoming: number }>(
      db(),
      sql`select (select count(*)::int from complaints where status = 'new' and assignee_id is null) unassigned,
        (select count(*)::int from promises where kept_at is null and due_at < ${NOW_ISO}) broken,
        (select count(*)::int from promises where kept_at is null and due_at >= ${NOW_ISO}) upcoming`,
    );
    expect(row.unassigned).toBeGreaterThanOrEqual(3);
    expect(row.broken).toBeGreaterThan(0);
    expect(row.upcoming).toBeGreaterThan(0);
  });

  it("does nothing the second time", async () => {
    const before = await tableCounts(db());
    const again = await seedDemoData(db(), { now: NOW });
    expect(again.status).toBe("already-present");
    expect(await tableCounts(db())).toEqual(before);
  });
});

describeEachDatabase("demo seed on a database with real data", ({ db }) => {
  it("refuses and writes nothing", async () => {
    await db().execute(sql`insert into staff_users (email, name, role, password_hash) values ('boss@shop.test', 'Real Owner', 'owner', 'x')`);
    const before = await tableCounts(db());
    const result = await seedDemoData(db(), { now: NOW });
    expect(result.status).toBe("refused");
    expect(await tableCounts(db())).toEqual(before);
    const settings = await one<{ demo_seeded_at: Date | null }>(db(), sql`select demo_seeded_at from business_settings`);
    expect(settings.demo_seeded_at).toBeNull();
  });
});
