import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/session";
import { ImportWizard } from "./_components/import-wizard";

export const metadata: Metadata = { title: "Import complaints" };

export default async function ImportPage() {
  await requireStaff("owner");
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-600">Settings</p>
        <h1 className="text-2xl font-semibold text-slate-900">Import past complaints</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Bring complaints from a spreadsheet or another system (a CSV file up to 20 MB) so the analytics cover them too. You
          choose which column fills which field and see the first rows before anything is saved. The import is all or nothing:
          if any row has a problem, nothing is saved and each problem is listed with its line in the file. Importing the same file
          again skips the complaints already imported.
        </p>
      </div>
      <ImportWizard />
    </div>
  );
}
