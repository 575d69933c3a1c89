"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui";

const TABS = [
  { href: "/settings/staff", label: "Staff" },
  { href: "/settings/business", label: "Business" },
  { href: "/settings/processes", label: "Processes" },
  { href: "/settings/volumes", label: "Volumes" },
  { href: "/settings/root-causes", label: "Root causes" },
  { href: "/settings/email-templates", label: "Email wording" },
  { href: "/settings/outbox", label: "Outbox" },
  { href: "/settings/mailbox", label: "Mailbox" },
  { href: "/settings/import", label: "Import" },
  { href: "/settings/privacy", label: "Privacy" },
] as const;

/** Tabs between the settings pages; scrolls sideways on a phone rather than wrapping. */
export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="-mx-4 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1">
        {TABS.map((tab) => {
          const current = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={cx(
                  "-mb-px block border-b-2 px-3 py-2 text-sm font-medium",
                  current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
