import Link from "next/link";
import { Card } from "@/components/ui";
import { hasRole, type StaffRole } from "@/lib/auth/roles";
import type { CaseCustomer } from "@/lib/cases/detail";
import { contactByPhoneOnly } from "@/lib/outbox/contact";
import { StatusBadge } from "../../../_components/case-badges";
import { formatDate } from "@/lib/format/dates";
import { AGREEMENT_LABELS } from "./labels";
import { RESOLUTION_TYPE_LABELS } from "./resolution/labels";
import { PrivacyActions } from "./privacy-actions";

const term = "text-xs font-medium uppercase tracking-wide text-slate-600";

function formatMinutes(total: number): string {
  if (total < 60) return `${total} min`;
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

/**
 * Who complained, how to reach them, and what they have cost so far: their other complaints and
 * outcomes, the staff time spent on all of them and how their requests were judged. Staff use it
 * to tell a first complaint from a pattern (and a pattern from a faulty service).
 */
export function CustomerPanel({
  customer,
  reference,
  viewerRole,
  timeZone,
}: {
  customer: CaseCustomer;
  reference: string;
  viewerRole: StaffRole;
  timeZone: string;
}) {
  return (
    <Card title="Customer">
      <div className="space-y-4 text-sm">
        {customer.erasedAt ? (
          <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-slate-800">
            <span className="font-semibold">Personal data erased on {formatDate(customer.erasedAt, timeZone)}.</span> Their name, contact details
            and words are gone; the case figures stay.
          </p>
        ) : (
          <Contact customer={customer} />
        )}
        <History customer={customer} />
        {hasRole(viewerRole, "owner") ? <PrivacyActions customerId={customer.id} reference={reference} erased={Boolean(customer.erasedAt)} /> : null}
      </div>
    </Card>
  );
}

function Contact({ customer }: { customer: CaseCustomer }) {
  const phoneOnly = contactByPhoneOnly(customer);
  return (
    <dl className="space-y-3">
      <div>
        <dt className={term}>Name</dt>
        <dd className="text-slate-900">{customer.name}</dd>
      </div>
      <div>
        <dt className={term}>Email</dt>
        <dd className="break-all">
          {customer.email ? (
            <a href={`mailto:${customer.email}`} className="text-brand-700 underline underline-offset-2">
              {customer.email}
            </a>
          ) : (
            <span className="text-slate-600">Not given</span>
          )}
        </dd>
      </div>
      <div>
        <dt className={term}>Phone</dt>
        <dd>
          {customer.phone ? (
            <a href={`tel:${customer.phone.replace(/[^\d+]/g, "")}`} className="text-brand-700 underline underline-offset-2">
              {customer.phone}
            </a>
          ) : (
            <span className="text-slate-600">Not given</span>
          )}
        </dd>
      </div>
      <div>
        <dt className={term}>How to reach them</dt>
        <dd className="text-slate-900">
          {phoneOnly ? (
            <span className="font-semibold text-amber-900">Contact by phone only: no email address</span>
          ) : customer.preferredContact === "phone" ? (
            "Prefers a phone call"
          ) : (
            "Prefers email"
          )}
        </dd>
      </div>
    </dl>
  );
}

function History({ customer }: { customer: CaseCustomer }) {
  const { history } = customer;
  const { reasonable, partly, unreasonable } = history.judgements;
  const judged = reasonable + partly + unreasonable;
  return (
    <div className="space-y-3 border-t border-slate-200 pt-3">
      <dl className="grid grid-cols-2 gap-3">
        <div>
          <dt className={term}>Complaints</dt>
          <dd className="text-lg font-semibold text-slate-900">{history.complaintCount}</dd>
        </div>
        <div>
          <dt className={term}>Staff time, all</dt>
          <dd className="text-lg font-semibold text-slate-900">{formatMinutes(history.totalMinutes)}</dd>
        </div>
        <div className="col-span-2">
          <dt className={term}>Their requests were judged</dt>
          <dd className="text-slate-900">
            {judged === 0 ? (
              <span className="text-slate-600">Not judged yet</span>
            ) : (
              `${reasonable} reasonable · ${partly} partly · ${unreasonable} unreasonable`
            )}
          </dd>
        </div>
      </dl>
      <div>
        <h3 className={term}>Earlier complaints</h3>
        {history.earlier.length === 0 ? (
          <p className="mt-1 text-slate-600">This is their first complaint.</p>
        ) : (
          <ul className="mt-1 divide-y divide-slate-200">
            {history.earlier.map((c) => (
              <li key={c.reference} className="space-y-1 py-2">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link href={`/cases/${c.reference}`} className="font-mono font-medium text-brand-700 underline underline-offset-2">
                    {c.reference}
                  </Link>
                  <StatusBadge status={c.status} />
                </div>
                <p className="text-xs text-slate-600">
                  {formatDate(c.receivedAt, "UTC")} ·{" "}
                  {c.processName ?? "Process not set"}
                </p>
                <p className="text-xs text-slate-800">{outcomeOf(c)}</p>
              </li>
            ))}
          </ul>
        )}
        {history.complaintCount - 1 > history.earlier.length ? (
          <p className="mt-1 text-xs text-slate-600">
            Showing the latest {history.earlier.length} of {history.complaintCount - 1}.
          </p>
        ) : null}
      </div>
    </div>
  );
}

function outcomeOf(c: CaseCustomer["history"]["earlier"][number]): string {
  const parts = [
    c.resolutionType ? RESOLUTION_TYPE_LABELS[c.resolutionType] : "No resolution yet",
    c.customerAgreement ? AGREEMENT_LABELS[c.customerAgreement] : null,
    c.satisfaction ? `rated ${c.satisfaction}/5` : null,
  ];
  return parts.filter(Boolean).join(" · ");
}
