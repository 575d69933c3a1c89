import { requireStaff } from "@/lib/auth/session";
import { SettingsNav } from "./_components/settings-nav";

/**
 * Settings are for owners. This check keeps the tabs away from everyone else; each page and
 * server action below still checks the role itself, because layouts do not run for actions.
 */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requireStaff("owner");
  return (
    <div className="space-y-6">
      <SettingsNav />
      {children}
    </div>
  );
}
