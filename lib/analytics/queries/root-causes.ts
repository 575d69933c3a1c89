import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { FaultKey } from "./time-series";
import { type AnalyticsScope, int, scopeWhere, startOfDay } from "./scope";

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
 * actual fault split beside each cause's default, and the goodwill spent on them.
 */
export async function loadRootCauses(db: Db, scope: AnalyticsScope): Promise<RootCauseRow[]> {
  const current = sql`c.received_at >= ${startOfDay(scope.from, scope.timeZone)}`;
  const rows = await queryRows<Row>(
    db,
    sql`select rc.id as root_cause_id, rc.name, rc.default_fault::text as default_fault,
        count(*) filter (where ${current})::int as complaints,
        count(*) filter (where ${current} and c.fault_attribution = 'service')::int as service,
        count(*) filter (where ${current} and c.fault_attribution = 'customer')::int as customer,
        count(*) filter (where ${current} and c.fault_attribution = 'external')::int as external,
        count(*) filter (where ${current} and c.fault_attribution = 'undetermined')::int as undetermined,
        count(*) filter (where ${current} and c.fault_attribution is null)::int as unattributed,
        count(*) filter (where not ${current})::int as previous,
        coalesce(sum(c.goodwill_cost_cents) filter (where ${current}), 0)::float8 as goodwill_cents,
        count(*) filter (where ${current} and c.goodwill_cost_cents > 0)::int as goodwill_cases
      from complaints c left join root_causes rc on rc.id = c.root_cause_id
      where ${scopeWhere(scope, { extraPeriodsBefore: 1 })}
      group by rc.id, rc.name, rc.default_fault`,
  );
  return rows.map((r) => ({
    rootCauseId: (r.root_cause_id as string | null) ?? null,
    name: (r.name as string | null) ?? "No root cause yet",
    defaultFault: (r.default_fault as string | null) ?? null,
    complaints: int(r.complaints),
    byFault: {
      service: int(r.service),
      customer: int(r.customer),
      external: int(r.external),
      undetermined: int(r.undetermined),
      unattributed: int(r.unattributed),
    },
    previous: int(r.previous),
    goodwillCents: int(r.goodwill_cents),
    goodwillCases: int(r.goodwill_cases),
  }));
}
