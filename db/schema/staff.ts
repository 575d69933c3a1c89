import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { staffRole } from "./enums";

export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: staffRole("role").notNull().default("agent"),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /**
     * Copied into every session token at sign-in and compared on every request: raising it
     * (sign-out, sign out everywhere, deactivation, a role or password change) ends every
     * session the account already has, on every device and instance (lib/auth/session-version.ts).
     */
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Emails are stored lower-cased; the unique index guards against a second account per address.
    uniqueIndex("staff_users_email_key").on(sql`lower(${t.email})`),
    index("staff_users_role_idx").on(t.role),
  ],
);
