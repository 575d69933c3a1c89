// Takes raw emails (RFC 822) into CaseRoot by the same path as the IMAP reader (lib/mail/ingest.ts):
//   npm run mail:ingest -- message.eml [more.eml …]
//   some-mail-hook | npm run mail:ingest          (one message on standard input; or "-")
// For mail providers that post inbound mail to a script. Prints one JSON line per message:
// {"file":…, "outcome":"complaint"|"message"|"ignored"|"refused"|"already_taken", …}.
// Exit code 0 when every message was taken (ignored and refused ones too); 1 when one could not be
// stored, so the caller can hand it over again (taking it twice is harmless: it is keyed on its Message-ID).
import fs from "node:fs";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";
import { ingestEmail } from "@/lib/mail/ingest";

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--help")) {
    console.error("Usage: npm run mail:ingest -- <message.eml> [more.eml …]   (or the message on standard input)");
    process.exit(1);
  }
  const inputs = args.length === 0 ? ["-"] : args;
  const handle = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  let failed = 0;
  try {
    await migrateDatabase(handle.db, handle.kind);
    for (const file of inputs) {
      try {
        const raw = file === "-" ? await readStdin() : fs.readFileSync(file);
        const result = await ingestEmail(handle.db, raw, null);
        console.log(JSON.stringify({ file, ...result }));
      } catch (error) {
        failed += 1;
        console.error(JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) }));
      }
    }
  } finally {
    await handle.close();
  }
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
