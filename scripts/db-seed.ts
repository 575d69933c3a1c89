// Loads the demo business into DATABASE_URL, or into the embedded database under PGLITE_DIR,
// after applying the migrations. Safe to run every time: see db/seed/index.ts.
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed";
import { DEMO_SIGN_INS } from "@/db/seed/accounts";
import { env } from "@/lib/env";

function signInTable(): string {
  const rows = [["Email", "Password", "Role"], ...DEMO_SIGN_INS.map((a) => [a.email, a.password, a.role])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => ("  " + r.map((cell, i) => cell.padEnd(widths[i]!)).join("   ")).trimEnd();
  return [line(rows[0]!), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)].join("\n");
}

async function main() {
  const handle = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    await migrateDatabase(handle.db, handle.kind);
    const started = performance.now();
    const result = await seedDemoData(handle.db);
    if (result.status === "refused") {
      console.log(`Demo data not loaded. ${result.reason}`);
      return;
    }
    if (result.status === "already-present") {
      console.log(`Demo data already present (loaded ${result.seededAt.toISOString()}).`);
    } else {
      const c = result.counts;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `Demo data loaded in ${seconds}s: ${c.complaints} complaints from ${c.customers} customers, ` +
          `${c.events} timeline events, ${c.promises} promises, ${c.followUps} follow-ups, ${c.debriefs} debriefs.`,
      );
    }
    console.log(`\nSign in at http://localhost:${process.env.PORT || 3000}/signin with:\n\n${signInTable()}\n`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
