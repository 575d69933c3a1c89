import Link from "next/link";
import { Suspense } from "react";
import { DueCount } from "@/components/reminders/due-panel";
import { hasRole, ROLE_LABELS } from "@/lib/auth/roles";
import type { StaffUserSession } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";
import { StaffNav, type NavItem } from "./staff-nav";

export function StaffHeader({ user }: { user: StaffUserSession }) {
  const items: NavItem[] = [
    { href: "/cases", label: "Cases" },
    {
      href: "/due",
      label: "What's due",
      // The count streams in after the page: with a large history it takes longer than the page
      // itself, and nothing on the page should wait for a badge.
      badge: (
        <Suspense fallback={null}>
          <DueCount user={user} />
        </Suspense>
      ),
    },
    { href: "/analytics", label: "Analytics" },
  ];
  if (hasRole(user.role, "supervisor")) items.push({ href: "/improvements", label: "Improvements" });
  if (hasRole(user.role, "owner")) items.push({ href: "/settings/staff", label: "Settings", section: "/settings" });

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/cases" className="text-lg font-semibold text-brand-800">
          CaseRoot
        </Link>
        <div className="order-3 w-full sm:order-none sm:w-auto sm:flex-1">
          <StaffNav items={items} />
        </div>
        <div className="ml-auto flex items-center gap-3">
          <Link href="/account" className="text-right text-sm leading-tight hover:underline" title="Your account: password, sign out everywhere">
            <span className="block font-medium text-slate-900">{user.name}</span>
            <span className="block text-slate-600">{ROLE_LABELS[user.role]}</span>
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
