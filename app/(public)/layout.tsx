import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { DEFAULT_PUBLIC_BUSINESS, getPublicBusinessInfo } from "@/lib/complaints/tracking";
import { lastKnownGood } from "@/lib/resilience/outage";

/** The customer-facing frame: the business's name, the two things a customer can do, and nothing else. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request: the business's name and settings live in the database, which is not there at build time.
  await connection();
  // While the database is unreachable the frame still renders (last name seen, or a neutral one),
  // so a customer whose complaint could not be saved gets their form back, not an error page.
  const business = await lastKnownGood("public-business", async () => getPublicBusinessInfo(await getDb()), () => DEFAULT_PUBLIC_BUSINESS);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4">
          <Link href="/" className="text-lg font-semibold text-brand-800 hover:text-brand-700">
            {business.name}
          </Link>
          <nav aria-label="Customer">
            <ul className="flex gap-4 text-sm font-medium">
              <li>
                <Link href="/complain" className="text-slate-700 underline-offset-4 hover:text-brand-700 hover:underline">
                  File a complaint
                </Link>
              </li>
              <li>
                <Link href="/track" className="text-slate-700 underline-offset-4 hover:text-brand-700 hover:underline">
                  Track a complaint
                </Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:py-10">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-3xl px-4 py-4 text-sm text-slate-600">
          Complaints to {business.name} are read by people, and every one is used to improve our service.
        </p>
      </footer>
    </div>
  );
}
