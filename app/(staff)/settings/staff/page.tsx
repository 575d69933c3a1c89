import type { Metadata } from "next";
import { Card } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { listStaff } from "@/lib/staff/users";
import { CreateStaffForm } from "./_components/create-staff-form";
import { StaffList } from "./_components/staff-list";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffSettingsPage() {
  const me = await requireStaff("owner");
  const db = await getDb();
  const [staff, timeZone] = await Promise.all([listStaff(db), getBusinessTimeZone(db)]);

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Staff</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Agents work on cases; supervisors also confirm fault and handle escalations; owners also see analytics and manage
          settings. Deactivated accounts cannot sign in, and lose access straight away.
        </p>
      </div>

      <div className="grid grid-cols-1 gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <StaffList staff={staff} meId={me.id} timeZone={timeZone} />
        <Card title="Add a staff member" className="self-start">
          <CreateStaffForm />
        </Card>
      </div>
    </div>
  );
}
