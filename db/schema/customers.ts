import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { contactChannel } from "./enums";

/**
 * A person who complained. Deduplicated by normalised email and by normalised phone
 * (see lib/customers/normalize.ts). Intake requires an email or a phone; customers imported from
 * another system's history (e.g. a regulator's public export) may have neither.
 */
export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    email: text("email"),
    emailNormalized: text("email_normalized"),
    phone: text("phone"),
    phoneNormalized: text("phone_normalized"),
    preferredContact: contactChannel("preferred_contact").notNull().default("email"),
    /** Set when the customer's personal data has been erased; statistics stay. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    /**
     * Set when the customer came from an import of another system's history: analytics count
     * them among "other customers" only in periods where they complained (lib/analytics).
     */
    importedAt: timestamp("imported_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customers_email_normalized_key").on(t.emailNormalized),
    uniqueIndex("customers_phone_normalized_key").on(t.phoneNormalized),
    // "Customers on record" at the end of an analytics range: an index-only count.
    index("customers_created_at_idx").on(t.createdAt),
    // The same count without imported history (the verdicts' comparison group).
    index("customers_direct_created_at_idx").on(t.createdAt).where(sql`${t.importedAt} is null`),
    // Imported customers who complained in a range: a hash join against this (empty without imports).
    index("customers_imported_idx").on(t.id).where(sql`${t.importedAt} is not null`),
  ],
);

export type Customer = typeof customers.$inferSelect;
