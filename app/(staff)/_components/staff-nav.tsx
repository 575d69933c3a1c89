"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui";

/** `section`: the path prefix the link stands for (default: its own href); `badge`: e.g. a count, rendered after the label. */
export type NavItem = { href: string; label: string; section?: string; badge?: React.ReactNode };

/** The workspace's main links; the current section is marked for sighted and screen-reader users. */
export function StaffNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workspace">
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const section = item.section ?? item.href;
          const current = pathname === section || pathname.startsWith(`${section}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cx(
                  "block rounded-md px-3 py-1.5 text-sm font-medium",
                  current ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                {item.label}
                {item.badge}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
