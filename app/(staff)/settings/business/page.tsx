import type { Metadata } from "next";
import { Card } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { getBusinessSettings, getSeverityTargets } from "@/lib/settings/business";
import { TIME_ZONES } from "@/lib/settings/schemas";
import { BusinessForm } from "./_components/business-form";
import { TargetsForm } from "./_components/targets-form";

export const metadata: Metadata = { title: "Business settings" };

export default async function BusinessSettingsPage() {
  await requireStaff("owner");
  const db = await getDb();
  const [settings, targets] = await Promise.all([getBusinessSettings(db), getSeverityTargets(db)]);

  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-600">Settings</p>
        <h1 className="text-2xl font-semibold text-slate-900">Business</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          How customers see your business, and how quickly you aim to answer them. Changes to targets apply to deadlines set from
          now on; open cases keep the deadlines they already have.
        </p>
      </div>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card title="Business details" className="self-start">
          <BusinessForm settings={settings} timeZones={[...TIME_ZONES]} />
        </Card>
        <Card title="Response targets by severity" className="self-start">
          <p className="mb-4 text-sm text-slate-600">
            Staff set a severity when they assess a case. From then on its deadlines follow these targets instead of the default
            first response time.
          </p>
          <TargetsForm targets={targets} />
        </Card>
      </div>
    </div>
  );
}
