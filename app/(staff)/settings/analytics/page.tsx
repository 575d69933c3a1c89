import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Card } from "@/components/ui";
import { getDb } from "@/db/client";
import { DEFAULT_THRESHOLDS } from "@/lib/analytics/thresholds";
import { requireStaff } from "@/lib/auth/session";
import { getAnalyticsThresholds } from "@/lib/settings/analytics-thresholds";
import { ThresholdsForm } from "./_components/thresholds-form";

export const metadata: Metadata = { title: "Verdict thresholds" };

export default async function AnalyticsSettingsPage() {
  await requireStaff("owner");
  const { thresholds, invalid } = await getAnalyticsThresholds(await getDb());
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-600">Settings</p>
        <h1 className="text-2xl font-semibold text-slate-900">Verdict thresholds</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          The rules behind &ldquo;difficult customer or faulty service?&rdquo; on the{" "}
          <Link href="/analytics#verdicts" className="font-medium text-brand-700 underline">
            analytics page
          </Link>
          . Lower values give more verdicts and more mistakes; the defaults are cautious on purpose, because calling a customer difficult or a colleague a
          problem wrongly does real harm.
        </p>
      </div>
      {invalid ? <Alert tone="warning">The saved thresholds were out of range, so the defaults are in use. Save the form to store valid values.</Alert> : null}
      <Card>
        <ThresholdsForm current={thresholds} defaults={{ ...DEFAULT_THRESHOLDS }} />
      </Card>
    </div>
  );
}
