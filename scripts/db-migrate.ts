// Applies the committed migrations to DATABASE_URL, or to the embedded database under PGLITE_DIR.
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";

async function main() {
  const handle = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    await migrateDatabase(handle.db, handle.kind);
    console.log(`Migrations applied (${handle.kind === "postgres" ? "PostgreSQL" : `embedded database in ${env.PGLITE_DIR}`}).`);
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
