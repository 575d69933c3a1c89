"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui";

/** `section`: the path prefix the link stands for (default: its own href); `badge`: e.g. a count, rendered after the label. */
export type NavItem = { href: string; label: string; section?: string; badge?: React.ReactNode };

/**
 * The workspace's main links; the current section is marked for sighted and screen-reader users.
 * A link being followed says so (`Opening`): the workspace has no loading screens, because a
 * Suspense fallback hides a server-rendered page from a browser without JavaScript until a script
 * swaps it in, so a slow page (analytics) shows its progress here instead.
 */
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
                <Opening />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** While its link's page is on the way: a pulsing dot, and words for screen readers. */
function Opening() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span role="status" className="ml-1.5 inline-block h-2 w-2 animate-pulse rounded-full bg-brand-600 align-middle">
      <span className="sr-only">Opening…</span>
    </span>
  );
}
