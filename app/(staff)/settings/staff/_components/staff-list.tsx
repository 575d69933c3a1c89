import Link from "next/link";
import { Badge, Table, Td, Th } from "@/components/ui";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { StaffListItem } from "@/lib/staff/users";
import { formatDateTime } from "@/lib/format/dates";
import { StaffRowActions } from "./staff-row-actions";

type Props = { staff: StaffListItem[]; meId: string; timeZone: string };

function Identity({ user, meId }: { user: StaffListItem; meId: string }) {
  return (
    <>
      <span className="block font-medium text-slate-900">
        {user.name}
        {user.id === meId ? <span className="font-normal text-slate-600"> (you)</span> : null}
      </span>
      <span className="block break-all text-slate-600">{user.email}</span>
    </>
  );
}

function Status({ user }: { user: StaffListItem }) {
  return user.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Deactivated</Badge>;
}

function LastSignIn({ user, timeZone }: { user: StaffListItem; timeZone: string }) {
  return user.lastSignInAt ? <>{formatDateTime(user.lastSignInAt, timeZone)}</> : <span className="text-slate-600">Never</span>;
}

function Manage({ user, meId, idPrefix }: { user: StaffListItem; meId: string; idPrefix: string }) {
  if (user.id === meId) {
    return (
      <span className="text-sm text-slate-600">
        Another owner can change your role. Your password and sessions:{" "}
        <Link href="/account" className="text-brand-700 underline underline-offset-2">
          Your account
        </Link>
      </span>
    );
  }
  return <StaffRowActions user={user} idPrefix={idPrefix} />;
}

/** A table on wide screens; on phones, one card per person. */
export function StaffList({ staff, meId, timeZone }: Props) {
  return (
    <div className="min-w-0 self-start">
      <ul className="space-y-3 md:hidden" aria-label="Staff accounts">
        {staff.map((user) => (
          <li key={user.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <Identity user={user} meId={meId} />
              </div>
              <Status user={user} />
            </div>
            <p className="text-slate-700">
              {ROLE_LABELS[user.role]} · last sign-in <LastSignIn user={user} timeZone={timeZone} />
            </p>
            <Manage user={user} meId={meId} idPrefix="card" />
          </li>
        ))}
      </ul>
      <Table caption="Staff accounts" className="hidden md:block">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <Th>Last sign-in</Th>
            <Th>Manage</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {staff.map((user) => (
            <tr key={user.id} className={user.active ? undefined : "bg-slate-50"}>
              <Td>
                <Identity user={user} meId={meId} />
              </Td>
              <Td className="whitespace-nowrap">{ROLE_LABELS[user.role]}</Td>
              <Td>
                <Status user={user} />
              </Td>
              <Td className="whitespace-nowrap">
                <LastSignIn user={user} timeZone={timeZone} />
              </Td>
              <Td>
                <Manage user={user} meId={meId} idPrefix="row" />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
