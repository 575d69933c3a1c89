"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui";

/** Pause after the last key before searching, so a name typed at speed is one request. */
const TYPING_PAUSE_MS = 300;

/**
 * The customer search: a plain GET form (`?q=`), so it works without JavaScript. With JavaScript
 * it searches as staff type, replacing the address without a new history entry; the complaint
 * form below keeps what was typed into it, since only the list of customers found changes.
 */
export function CustomerSearch({ query }: { query: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [value, setValue] = useState(query);
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (q: string) => {
    clearTimeout(timer.current);
    const href = q.trim() ? `${pathname}?q=${encodeURIComponent(q.trim())}` : pathname;
    startTransition(() => router.replace(href, { scroll: false }));
  };

  return (
    <form
      role="search"
      method="get"
      action={pathname}
      aria-labelledby="customer-search-title"
      onSubmit={(event) => {
        event.preventDefault();
        search(value);
      }}
      className="space-y-2"
    >
      <h2 id="customer-search-title" className="text-lg font-semibold text-slate-900">
        The customer
      </h2>
      <label htmlFor="q" className="block text-sm font-medium text-slate-800">
        Find a customer on record
      </label>
      <p id="q-hint" className="text-sm text-slate-600">
        Name, email, phone number or a case reference. Not on record? Enter their details as someone new below.
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id="q"
          name="q"
          type="search"
          autoComplete="off"
          value={value}
          aria-describedby="q-hint"
          onChange={(event) => {
            setValue(event.target.value);
            clearTimeout(timer.current);
            const next = event.target.value;
            timer.current = setTimeout(() => search(next), TYPING_PAUSE_MS);
          }}
          className="block min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600"
        />
        <Button type="submit" variant="secondary">
          {pending ? "Searching…" : "Search"}
        </Button>
      </div>
    </form>
  );
}
