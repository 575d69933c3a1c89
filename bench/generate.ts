import type { Sql } from "postgres";

/**
 * Fills an empty, migrated database with `n` synthetic complaints, server-side with
 * INSERT … SELECT … generate_series, so a million rows load in minutes, not hours.
 * Distributions are skewed like real complaint data: a few processes and causes take most
 * complaints, a handful of customers complain very often, most old cases are closed.
 */

export const BENCH_OWNER = { email: "owner@bench.example", password: "bench-owner-password" };
/** An agent (accounts 4 to 20 are agents; every account has the owner's password). */
export const BENCH_AGENT_EMAIL = "staff4@bench.example";
const PROCESSES = ["Delivery", "Installation", "Billing", "Returns", "Repairs", "Customer service", "Website", "Warranty", "Scheduling", "Product quality", "Refunds", "Account"];
const ROOT_CAUSES: Array<[string, string]> = [
  ["Late dispatch", "service"], ["Wrong item sent", "service"], ["Damaged in transit", "external"], ["Installer no-show", "service"],
  ["Incorrect invoice", "service"], ["Double charge", "service"], ["Misuse of product", "customer"], ["Changed their mind", "customer"],
  ["Unclear terms", "service"], ["Supplier defect", "external"], ["Courier lost parcel", "external"], ["Rude staff member", "service"],
  ["Slow response", "service"], ["Website outage", "service"], ["Missing parts", "service"], ["Unrealistic expectation", "customer"],
  ["Weather delay", "external"], ["Payment provider error", "external"], ["Data entry error", "service"], ["Policy misunderstood", "undetermined"],
  ["Duplicate complaint", "customer"], ["Appointment clash", "service"], ["Stock shortage", "external"], ["Poor workmanship", "service"], ["Unknown", "undetermined"],
];

export type GenerateOptions = { n: number; passwordHash: string; log: (message: string) => void };

const CHUNK = 100_000;

export async function generateBenchData(sql: Sql, { n, passwordHash, log }: GenerateOptions): Promise<void> {
  await sql`insert into staff_users (email, name, role, password_hash)
    select case when g = 1 then ${BENCH_OWNER.email} else 'staff' || g || '@bench.example' end,
      case when g = 1 then 'Bench Owner' else 'Staff ' || g end,
      (case when g = 1 then 'owner' when g <= 3 then 'supervisor' else 'agent' end)::staff_role, ${passwordHash}
    from generate_series(1, 20) g`;
  await sql`insert into processes (name, sort_order) select name, ord from unnest(${PROCESSES}::text[]) with ordinality as t(name, ord)`;
  await sql`insert into root_causes (name, default_fault)
    select name, fault::fault_attribution from unnest(${ROOT_CAUSES.map((r) => r[0])}::text[], ${ROOT_CAUSES.map((r) => r[1])}::text[]) as t(name, fault)`;

  const customers = Math.max(1, Math.floor(n / 3));
  await sql`insert into customers (name, email, email_normalized, created_at)
    select 'Customer ' || g, 'customer' || g || '@bench.example', 'customer' || g || '@bench.example', now() - interval '400 days'
    from generate_series(1, ${customers}) g`;
  log(`  ${customers.toLocaleString("en")} customers`);

  // Integer-keyed lookups so the generator can pick rows by a random number.
  await sql`create temporary table b_customer as select row_number() over (order by created_at, id)::int as k, id from customers`;
  await sql`create temporary table b_staff as select row_number() over (order by email)::int as k, id from staff_users where role = 'agent'`;
  await sql`create temporary table b_process as select sort_order as k, id from processes`;
  await sql`create temporary table b_cause as select row_number() over (order by name)::int as k, id, default_fault from root_causes`;
  for (const t of ["b_customer", "b_staff", "b_process", "b_cause"]) await sql.unsafe(`alter table ${t} add primary key (k); analyze ${t}`);
  const agents = (await sql`select count(*)::int as n from b_staff`)[0]!.n as number;

  for (let start = 1; start <= n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK - 1);
    await insertComplaints(sql, start, end, customers, agents);
    log(`  complaints ${end.toLocaleString("en")} / ${n.toLocaleString("en")}`);
  }
  await insertEventsAndPromises(sql, log);
  // After a bulk load, as autovacuum would do in time: statistics, and the visibility map that
  // lets analytics answer from its covering index without visiting the table.
  await sql`vacuum analyze`;
}

async function insertComplaints(sql: Sql, start: number, end: number, customers: number, agents: number) {
  // r1…r6 are independent random draws per complaint; "age" is days since it was received.
  await sql`
    with base as (
      select g, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6,
        random() * 365 as age
      from generate_series(${start}::int, ${end}::int) g
    ), shaped as (
      select b.*,
        -- 2% of complaints come from 20 very frequent complainers.
        case when b.r1 < 0.02 then 1 + floor(b.r2 * 20)::int else 1 + floor(b.r2 * ${customers})::int end as customer_k,
        1 + floor(power(b.r3, 1.8) * 12)::int as process_k,
        1 + floor(power(b.r4, 2.2) * 25)::int as cause_k,
        case
          when b.age < 3 then (array['new','acknowledged','investigating'])[1 + floor(b.r5 * 3)::int]
          when b.age < 30 then (array['acknowledged','investigating','resolution_proposed','awaiting_customer','resolved','follow_up_due','closed','closed'])[1 + floor(b.r5 * 8)::int]
          when b.r5 < 0.9 then 'closed' else 'resolved' end as status
      from base b
    )
    insert into complaints (reference, tracking_token_hash, customer_id, process_id, channel, description, status, severity,
      assignee_id, received_at, first_response_at, first_response_due_at, resolved_at, closed_at, last_activity_at,
      root_cause_id, fault_attribution, request_judgement, resolution_type, customer_agreement, satisfaction, minutes_spent, created_at, updated_at)
    select 'BN-' || lpad(s.g::text, 8, '0'), md5('t' || s.g) || md5('u' || s.g), cu.id, pr.id,
      (array['web','web','web','email','email','phone','phone','api','letter','in_person'])[1 + floor(s.r6 * 10)::int]::intake_channel,
      'Synthetic complaint ' || s.g || ': the order arrived late and the box was damaged, and nobody called back.',
      s.status::case_status,
      case when s.status = 'new' then null else (array['low','medium','medium','high','critical'])[1 + floor(s.r4 * 5)::int]::severity end,
      case when s.status = 'new' or s.r1 > 0.95 then null else st.id end,
      now() - s.age * interval '1 day',
      case when s.status = 'new' then null else least(now(), now() - s.age * interval '1 day' + (1 + s.r3 * 40) * interval '1 hour') end,
      now() - s.age * interval '1 day' + interval '24 hours',
      case when s.status in ('resolved','follow_up_due','closed') then now() - s.age * interval '1 day' * s.r2 * 0.9 end,
      case when s.status = 'closed' then now() - s.age * interval '1 day' * s.r2 * 0.8 end,
      now() - s.age * interval '1 day' * s.r2 * 0.8,
      case when s.status in ('new','acknowledged') then null else ca.id end,
      case when s.status in ('new','acknowledged') then null when s.r6 < 0.75 then ca.default_fault
        else (array['service','customer','external','undetermined'])[1 + floor(s.r5 * 4)::int]::fault_attribution end,
      case when s.status in ('new','acknowledged','investigating') then null else (array['reasonable','reasonable','partly','unreasonable'])[1 + floor(s.r3 * 4)::int]::request_judgement end,
      case when s.status in ('resolved','follow_up_due','closed') then (array['repair','replace','refund','credit','explanation','explanation'])[1 + floor(s.r4 * 6)::int]::resolution_type end,
      case when s.status = 'closed' then (case when s.r6 < 0.8 then 'agreed' else 'disagreed' end)::customer_agreement end,
      case when s.status = 'closed' and s.r1 < 0.6 then 1 + floor(s.r5 * 5)::int end,
      floor(s.r2 * 90)::int,
      now() - s.age * interval '1 day', now()
    from shaped s
    join b_customer cu on cu.k = s.customer_k
    join b_process pr on pr.k = s.process_k
    join b_cause ca on ca.k = s.cause_k
    join b_staff st on st.k = 1 + (s.g % ${agents})`;
}

async function insertEventsAndPromises(sql: Sql, log: (m: string) => void) {
  await sql`insert into complaint_events (complaint_id, type, visibility, actor_kind, body, created_at)
    select id, 'filed', 'customer', 'customer', description, received_at from complaints`;
  await sql`insert into complaint_events (complaint_id, type, visibility, actor_kind, actor_id, data, created_at)
    select id, 'status_changed', 'customer', 'staff', assignee_id, jsonb_build_object('from', 'new', 'to', 'acknowledged'), first_response_at
    from complaints where first_response_at is not null`;
  await sql`insert into complaint_events (complaint_id, type, visibility, actor_kind, actor_id, body, minutes_spent, created_at)
    select id, 'note', 'internal', 'staff', assignee_id, 'Called the courier; waiting to hear back.', 15, first_response_at + interval '2 hours'
    from complaints where first_response_at is not null`;
  await sql`insert into complaint_events (complaint_id, type, visibility, actor_kind, actor_id, data, created_at)
    select id, 'status_changed', 'customer', 'staff', assignee_id, jsonb_build_object('from', 'resolution_proposed', 'to', status), coalesce(closed_at, resolved_at)
    from complaints where resolved_at is not null`;
  const [{ events }] = (await sql`select count(*)::int as events from complaint_events`) as unknown as [{ events: number }];
  log(`  ${events.toLocaleString("en")} timeline events`);
  // About one promise per three complaints: kept on finished cases, some broken on open ones.
  await sql`insert into promises (complaint_id, text, due_at, kept_at, created_by_id, created_at)
    select id, 'We will call you back with the courier''s answer.', first_response_at + interval '3 days',
      case when resolved_at is not null or random() < 0.5 then first_response_at + interval '2 days' end, assignee_id, first_response_at
    from complaints where first_response_at is not null and random() < 0.35`;
  log(`  promises done`);
}
