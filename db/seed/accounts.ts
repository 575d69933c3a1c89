import type { StaffRole } from "@/lib/auth/roles";

/** The one password every demo account shares. Printed by the seed and the portal start script. */
export const DEMO_PASSWORD = "caseroot-demo";

export type DemoAccount = {
  /** Stable key the seed uses to refer to this person (assignees, authors, responsible staff). */
  key: "owner" | "supervisor" | "alex" | "priya" | "tom" | "jo" | "former";
  email: string;
  name: string;
  role: StaffRole;
  active: boolean;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { key: "owner", email: "owner@example.com", name: "Olivia Owner", role: "owner", active: true },
  { key: "supervisor", email: "supervisor@example.com", name: "Sam Supervisor", role: "supervisor", active: true },
  { key: "alex", email: "agent@example.com", name: "Alex Agent", role: "agent", active: true },
  { key: "priya", email: "priya@example.com", name: "Priya Shah", role: "agent", active: true },
  { key: "tom", email: "tom@example.com", name: "Tom Whitfield", role: "agent", active: true },
  { key: "jo", email: "jo@example.com", name: "Jo Okafor", role: "agent", active: true },
  // Left the business a few months ago: still named on the old cases they handled, cannot sign in.
  { key: "former", email: "former@example.com", name: "Ben Hartley", role: "agent", active: false },
];

export type DemoSignIn = { email: string; password: string; role: StaffRole; name: string };

/** The accounts someone trying the demo can sign in with (the deactivated one is left out). */
export const DEMO_SIGN_INS: readonly DemoSignIn[] = DEMO_ACCOUNTS.filter((a) => a.active).map((a) => ({
  email: a.email,
  password: DEMO_PASSWORD,
  role: a.role,
  name: a.name,
}));
