import Link from "next/link";
import { cx } from "@/components/ui";
import type { AnalyticsReport } from "@/lib/analytics/report";
import { duration, share } from "./labels";

function Tile({ label, value, detail, tone = "neutral", href }: { label: string; value: string; detail: string; tone?: "neutral" | "good" | "bad"; href?: string }) {
  const body = (
    <>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className={cx("mt-1 text-2xl font-semibold tabular-nums sm:text-3xl", tone === "bad" ? "text-red-700" : tone === "good" ? "text-emerald-700" : "text-slate-900")}>{value}</dd>
      <dd className="mt-1 text-sm text-slate-600">{detail}</dd>
    </>
  );
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
      {href ? (
        <Link href={href} className="block focus-visible:outline-2 [&_dd:first-of-type]:underline-offset-4 hover:[&_dd:first-of-type]:underline">
          <dl>{body}</dl>
        </Link>
      ) : (
        <dl>{body}</dl>
      )}
    </div>
  );
}

/** The four figures an owner reads first. */
export function KpiTiles({ report, casesHref }: { report: AnalyticsReport; casesHref: string }) {
  const { summary } = report;
  const fr = summary.firstResponse;
  const target = summary.firstResponseTargetHours;
  const frTone = fr.median === null ? "neutral" : fr.median <= target ? "good" : "bad";
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Tile label="Complaints in range" value={summary.complaints.toLocaleString("en-GB")} detail={`${report.filters.days} days`} href={casesHref} />
      <Tile
        label="Attributed to the service"
        value={share(summary.attributedToService, summary.attributed)}
        detail={`${summary.attributedToService} of ${summary.attributed} with a fault attribution`}
      />
      <Tile
        label="Median first response"
        value={duration(fr.median)}
        detail={`Target ${duration(target)} · ${share(fr.onTime, fr.withTarget)} on time`}
        tone={frTone}
      />
      <Tile
        label="Open broken promises"
        value={String(report.openBrokenPromises)}
        detail={report.openBrokenPromises === 0 ? "Every due promise kept" : "Past due and not kept, right now"}
        tone={report.openBrokenPromises > 0 ? "bad" : "good"}
      />
    </div>
  );
}
