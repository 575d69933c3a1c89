import { headers } from "next/headers";
import { after } from "next/server";
import { requirePageRole } from "@/lib/auth/session";
import { PAGE_PATH_HEADER } from "@/lib/http/request-headers";
import { startCaseWork } from "@/lib/resilience/case-work";
import { isHeavyPage } from "@/lib/resilience/heavy-pages";
import { StaffHeader } from "./_components/staff-header";

/**
 * The signed-in workspace. This check decides what the header shows, and refuses a role too low
 * for the requested page with a real redirect status (before the page streams); every page,
 * action and route below still checks the role it needs itself, next to the data.
 */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  // Agents first: while a page other than a report is in flight, reports wait for a quiet moment
  // (lib/resilience/case-work.ts). Counted until its response has been sent; `after` is called
  // only once the request's headers have been read, as Next requires.
  const path = (await headers()).get(PAGE_PATH_HEADER) ?? "";
  const caseWorkDone = isHeavyPage(path) ? null : startCaseWork();
  let user;
  try {
    user = await requirePageRole();
  } finally {
    if (caseWorkDone) after(caseWorkDone);
  }
  return (
    <div className="flex min-h-screen flex-col">
      <StaffHeader user={user} />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
