import Link from "next/link";
import { openActionHref } from "@/lib/improvements/links";

/** "Open an action" beside a finding, carrying the finding's case-list filter (lib/improvements/links.ts). */
export function OpenActionLink({ casesHref, subject }: { casesHref: string; subject: string }) {
  return (
    <Link href={openActionHref(casesHref)} className="whitespace-nowrap text-sm font-medium text-brand-700 underline" aria-label={`Open an action for ${subject}`}>
      Open an action
    </Link>
  );
}
