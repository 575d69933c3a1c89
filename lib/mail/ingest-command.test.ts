import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { complaints, inboundEmails } from "@/db/schema";
import { databaseKinds, postgresServerUrl } from "@/test/databases";
import { createDatabase } from "@/test/postgres.mjs";

const ROOT = path.resolve(__dirname, "../..");
const CORPUS = path.join(ROOT, "test/mail/corpus");

/** `npm run mail:ingest` as a business's mail hook would run it, against a database of its own. */
function ingest(database: Record<string, string>, args: string[], input?: Buffer) {
  const result = spawnSync("npm", ["run", "--silent", "mail:ingest", "--", ...args], {
    cwd: ROOT,
    input,
    env: { ...process.env, ...database, MAIL_FROM: "Harbour & Hearth <complaints@harbour.test>", LOG_LEVEL: "silent" },
    encoding: "utf8",
  });
  return { status: result.status, lines: result.stdout.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>), stderr: result.stderr };
}

for (const kind of databaseKinds) {
  describe(`npm run mail:ingest [${kind}]`, () => {
    it("takes a file and standard input by the same path, once per Message-ID", { timeout: 300_000 }, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "caseroot-mail-ingest-"));
      const postgres = kind === "postgres" ? await createDatabase((await postgresServerUrl())!, "caseroot_mail_cli") : null;
      const database: Record<string, string> = postgres ? { DATABASE_URL: postgres.url } : { DATABASE_URL: "", PGLITE_DIR: path.join(dir, "pglite") };
      try {
        const fromFile = ingest(database, [path.join(CORPUS, "multipart-alternative.eml"), path.join(CORPUS, "out-of-office.eml")]);
        expect(fromFile.stderr).toBe("");
        expect(fromFile.status).toBe(0);
        expect(fromFile.lines.map((l) => l.outcome)).toEqual(["complaint", "ignored"]);

        const fromStdin = ingest(database, [], readFileSync(path.join(CORPUS, "windows-1252.eml")));
        expect(fromStdin.status).toBe(0);
        expect(fromStdin.lines).toEqual([expect.objectContaining({ file: "-", outcome: "complaint" })]);

        // A mail hook that hands the same message over again changes nothing.
        const again = ingest(database, ["-"], readFileSync(path.join(CORPUS, "windows-1252.eml")));
        expect(again.lines).toEqual([{ file: "-", outcome: "already_taken" }]);

        const handle = await openDatabase(postgres ? { url: postgres.url } : { pgliteDir: path.join(dir, "pglite") });
        try {
          const rows = await handle.db.select().from(inboundEmails).orderBy(inboundEmails.id);
          expect(rows.map((r) => [r.messageKey, r.outcome, r.mailbox])).toEqual([
            ["<CAF1a2b3c4d5e6@mail.example.com>", "complaint", null],
            ["<oof-1@outlook.example>", "ignored", null],
            ["<cp1252-1@example.co.uk>", "complaint", null],
          ]);
          const [filed] = await handle.db.select({ channel: complaints.channel }).from(complaints).where(eq(complaints.id, rows[2]!.complaintId!));
          expect(filed!.channel).toBe("email");
        } finally {
          await handle.close();
        }
      } finally {
        await postgres?.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
