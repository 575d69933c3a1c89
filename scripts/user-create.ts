// Creates a staff account from the command line, e.g. the first owner of a new installation:
//
//   npm run user:create -- --email ann@example.com --name "Ann Example" --role owner
//
// The password is asked for on a terminal (not echoed), or read from CASEROOT_PASSWORD when
// there is no terminal (CI, containers). Works on DATABASE_URL, or on the embedded database.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { migrateDatabase } from "@/db/migrate";
import { staffUsers } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createStaffSchema } from "@/lib/staff/schemas";
import { env } from "@/lib/env";

const USAGE = `Usage: npm run user:create -- --email <email> --name "<name>" [--role agent|supervisor|owner]
The password is prompted for, or read from the CASEROOT_PASSWORD environment variable.`;

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(value);
          return;
        }
        if (char === "\u0003") {
          stdin.setRawMode(false);
          reject(new Error("Cancelled."));
          return;
        }
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  if (process.env.CASEROOT_PASSWORD) return process.env.CASEROOT_PASSWORD;
  if (!process.stdin.isTTY) fail("No terminal to ask for a password: set CASEROOT_PASSWORD.");
  const first = await promptHidden("Password (at least 12 characters): ");
  const second = await promptHidden("Same password again: ");
  if (first !== second) fail("The two passwords differ.");
  return first;
}

// A main function rather than top-level await: tsx runs this file as CommonJS.
async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "agent" }, help: { type: "boolean" } },
  });
  if (values.help || !values.email || !values.name) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 1);
  }

  const password = await readPassword();
  const parsed = createStaffSchema.safeParse({ email: values.email, name: values.name, role: values.role, password });
  if (!parsed.success) fail(parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`).join("\n  "));
  const input = parsed.data;

  if (!env.DATABASE_URL) {
    console.log(`Using the embedded database in ${env.PGLITE_DIR}. Stop the portal first: the embedded database can be open in one process only.`);
  }
  const handle = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    await migrateDatabase(handle.db, handle.kind);
    const [existing] = await handle.db.select({ id: staffUsers.id }).from(staffUsers).where(sql`lower(${staffUsers.email}) = ${input.email}`);
    if (existing) fail("An account with this email already exists.");
    await handle.db.insert(staffUsers).values({ email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) });
    console.log(`✓ Created ${input.role} account for ${input.name} <${input.email}>. They can sign in at /signin.`);
  } catch (error) {
    if (isUniqueViolation(error)) fail("An account with this email already exists.");
    throw error;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
