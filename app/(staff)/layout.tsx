import { requirePageRole } from "@/lib/auth/session";
import { StaffHeader } from "./_components/staff-header";

/**
 * The signed-in workspace. This check decides what the header shows, and refuses a role too low
 * for the requested page with a real redirect status (before the page streams); every page,
 * action and route below still checks the role it needs itself, next to the data.
 */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole();
  return (
    <div className="flex min-h-screen flex-col">
      <StaffHeader user={user} />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
