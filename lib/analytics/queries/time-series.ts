import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { FAULT_ATTRIBUTIONS, INTAKE_CHANNELS } from "@/db/schema/enums";
import { type AnalyticsScope, int, scopeWhere } from "./scope";

export type Bucket = "day" | "week" | "month";
export type FaultKey = (typeof FAULT_ATTRIBUTIONS)[number] | "unattributed";
export const FAULT_KEYS: readonly FaultKey[] = [...FAULT_ATTRIBUTIONS, "unattributed"];
type ChannelKey = (typeof INTAKE_CHANNELS)[number];

export type TimePoint = {
  /** First local day of the bucket, "YYYY-MM-DD" (for weeks, the Monday). */
  start: string;
  total: number;
  byChannel: Record<ChannelKey, number>;
  byFault: Record<FaultKey, number>;
};

/**
 * Days for short ranges, weeks up to about six months, months beyond (a ten-year history is 120
 * monthly bars; there is no cap on the range itself).
 */
export function bucketFor(days: number): Bucket {
  if (days <= 45) return "day";
  if (days <= 200) return "week";
  return "month";
}

export type TimeSeriesRow = { bucket: string; channel: ChannelKey | null; fault: FaultKey | null; n: unknown };

/**
 * Complaints per bucket, split by channel and by fault attribution, with empty buckets present
 * (generate_series) so a quiet week shows as zero rather than disappearing from the chart.
 *
 * Buckets are local calendar days, weeks or months. Their starts are turned into instants once,
 * and each complaint is placed by a binary search over them (width_bucket), instead of converting
 * every complaint's time to the business's time zone. Grouping is on the enum values themselves
 * (a null fault is "unattributed" here, not in SQL): casting each row to text cost a third.
 */
export async function loadTimeSeries(db: Db, scope: AnalyticsScope, bucket: Bucket): Promise<TimePoint[]> {
  const unit = sql.raw(`'${bucket}'`);
  const step = sql.raw(`'1 ${bucket}'`);
  const rows = await queryRows<TimeSeriesRow>(
    db,
    sql`with buckets as materialized (
        select b.local_start, b.n::int, b.local_start at time zone ${scope.timeZone} as starts_at
        from generate_series(date_trunc(${unit}, ${scope.from}::date::timestamp), date_trunc(${unit}, ${scope.to}::date::timestamp), interval ${step})
          with ordinality as b(local_start, n)
      ), counts as (
        select width_bucket(c.received_at, (select array_agg(starts_at order by n) from buckets)) as n, c.channel,
          c.fault_attribution as fault, count(*)::int as n_complaints
        from complaints c where ${scopeWhere(scope)}
        group by 1, 2, 3
      )
      select to_char(b.local_start, 'YYYY-MM-DD') as bucket, k.channel, k.fault, coalesce(k.n_complaints, 0)::int as n
      from buckets b left join counts k on k.n = b.n
      order by b.local_start`,
  );
  return foldTimeSeries(rows);
}

/** Points from (bucket, channel, fault) counts in bucket order, an empty bucket as a row with no channel. */
export function foldTimeSeries(rows: TimeSeriesRow[]): TimePoint[] {
  const points = new Map<string, TimePoint>();
  for (const row of rows) {
    let point = points.get(row.bucket);
    if (!point) {
      point = {
        start: row.bucket,
        total: 0,
        byChannel: Object.fromEntries(INTAKE_CHANNELS.map((c) => [c, 0])) as Record<ChannelKey, number>,
        byFault: Object.fromEntries(FAULT_KEYS.map((f) => [f, 0])) as Record<FaultKey, number>,
      };
      points.set(row.bucket, point);
    }
    // An empty bucket comes back with no channel (every complaint has one).
    if (!row.channel) continue;
    const n = int(row.n);
    point.total += n;
    point.byChannel[row.channel] += n;
    point.byFault[row.fault ?? "unattributed"] += n;
  }
  return [...points.values()];
}
