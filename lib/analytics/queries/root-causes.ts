import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { FaultKey } from "./time-series";
import { type AnalyticsScope, bool, int, scopeWhere, startOfDay } from "./scope";

export type RootCauseRow = {
  /** Null for complaints that have no root cause yet. */
  rootCauseId: string | null;
  name: string;
  defaultFault: string | null;
  /** Complaints in the range, and how their fault was actually attributed. */
  complaints: number;
  byFault: Record<FaultKey, number>;
  /** Complaints in the equal-length period just before the range. */
  previous: number;
  goodwillCents: number;
  goodwillCases: number;
};

type Row = Record<string, unknown>;

/**
 * Root causes in one pass over the range and the period before it (for "rising"): counts, the
 * actual fault split beside each cause's default, and the goodwill spent on them. SQL groups by
 * (cause, current period or not, fault) and the few hundred groups are folded into one row per
 * cause here: a filtered count per fault for every complaint cost a quarter more.
 */
export async function loadRootCauses(db: Db, scope: AnalyticsScope): Promise<RootCauseRow[]> {
  const rows = await queryRows<Row>(
    db,
    sql`with counts as (
        select c.root_cause_id, c.received_at >= ${startOfDay(scope.from, scope.timeZone)} as current, c.fault_attribution as fault,
          count(*)::int as n, coalesce(sum(c.goodwill_cost_cents), 0)::float8 as goodwill_cents,
          count(*) filter (where c.goodwill_cost_cents > 0)::int as goodwill_cases
        from complaints c
        where ${scopeWhere(scope, { extraPeriodsBefore: 1 })}
        group by 1, 2, 3
      )
      select k.*, rc.name, rc.default_fault::text as default_fault from counts k left join root_causes rc on rc.id = k.root_cause_id`,
  );
  return foldRootCauses(rows);
}

/** One row per cause from the (cause, current period, fault) groups, whichever engine counted them. */
export function foldRootCauses(rows: Row[]): RootCauseRow[] {
  const causes = new Map<string | null, RootCauseRow>();
  for (const r of rows) {
    const id = (r.root_cause_id as string | null) ?? null;
    let cause = causes.get(id);
    if (!cause) {
      cause = {
        rootCauseId: id,
        name: (r.name as string | null) ?? "No root cause yet",
        defaultFault: (r.default_fault as string | null) ?? null,
        complaints: 0,
        byFault: { service: 0, customer: 0, external: 0, undetermined: 0, unattributed: 0 },
        previous: 0,
        goodwillCents: 0,
        goodwillCases: 0,
      };
      causes.set(id, cause);
    }
    const n = int(r.n);
    if (!bool(r.current)) {
      cause.previous += n;
      continue;
    }
    cause.complaints += n;
    cause.byFault[((r.fault as FaultKey | null) ?? "unattributed")] += n;
    cause.goodwillCents += int(r.goodwill_cents);
    cause.goodwillCases += int(r.goodwill_cases);
  }
  return [...causes.values()];
}
