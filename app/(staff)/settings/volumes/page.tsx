import type { Metadata } from "next";
import { Card, EmptyState, Table, Td, Th } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { num } from "@/lib/format/numbers";
import { listActiveProcesses } from "@/lib/settings/processes";
import { listProcessVolumes } from "@/lib/settings/volumes";
import { VolumeForm } from "./_components/volume-form";

export const metadata: Metadata = { title: "Work volumes" };

export default async function VolumesPage() {
  await requireStaff("owner");
  const db = await getDb();
  // The processes staff can pick elsewhere: ones an import created stay off until an owner turns them on.
  const [active, rows] = await Promise.all([listActiveProcesses(db), listProcessVolumes(db)]);
  const options = active.map((p) => ({ value: p.id, label: p.name }));
  const lastMonth = new Date();
  lastMonth.setUTCDate(1);
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-600">Settings</p>
        <h1 className="text-2xl font-semibold text-slate-900">Work volumes</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          The units of work each process did in a month (orders, visits, jobs). When they cover the weeks either side of a corrective action, its page compares
          complaints per 1,000 units, so a busier month after a fix does not make it look as if the fix failed.
        </p>
      </div>
      <Card>
        <VolumeForm processes={options} defaultMonth={lastMonth.toISOString().slice(0, 7)} />
      </Card>
      <Card>
        <h2 className="text-lg font-semibold text-slate-900">Entered volumes</h2>
        {rows.length === 0 ? (
          <EmptyState title="No volumes yet">Enter a process&rsquo;s units for a month above.</EmptyState>
        ) : (
          <Table caption="Units of work by process and month">
            <thead>
              <tr>
                <Th>Month</Th>
                <Th>Process</Th>
                <Th className="text-right">Units</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.processId}-${r.month}`}>
                  <Td>{r.month.slice(0, 7)}</Td>
                  <Td>{r.processName}</Td>
                  <Td className="text-right tabular-nums">{num(r.units)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
