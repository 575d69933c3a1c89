// Imports past complaints from a CSV file into DATABASE_URL (or the embedded database):
//   npm run import:csv -- <file> [--header-row N] [--mapping mapping.json] [--prefix cfpb] [--dry-run]
// Prints the detected header, the mapping used and any problems, then the result. Progress goes
// to stderr. All or nothing: a file with any bad row writes nothing.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { columnMappingSchema, IMPORT_FIELDS } from "@/lib/import/fields";
import { importPrefixSchema, planImport } from "@/lib/import/plan";
import { runImport } from "@/lib/import/run";
import { env } from "@/lib/env";

const USAGE = "Usage: npm run import:csv -- <file.csv> [--header-row N] [--mapping mapping.json] [--prefix cfpb] [--dry-run]";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readOptions() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "header-row": { type: "string" },
      mapping: { type: "string" },
      prefix: { type: "string", default: "import" },
      "dry-run": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || positionals.length !== 1) fail(USAGE);
  const headerLine = values["header-row"] ? Number(values["header-row"]) : null;
  if (headerLine !== null && (!Number.isInteger(headerLine) || headerLine < 1)) fail("--header-row must be a line number (1 or more).");
  const prefix = importPrefixSchema.safeParse(values.prefix);
  if (!prefix.success) fail(`--prefix: ${prefix.error.issues[0]!.message}`);
  let mapping = null;
  if (values.mapping) {
    const parsed = columnMappingSchema.safeParse(JSON.parse(fs.readFileSync(values.mapping, "utf8")));
    if (!parsed.success) fail(`--mapping: ${parsed.error.issues.map((i) => `${i.path.join(".") || "file"}: ${i.message}`).join("; ")}`);
    mapping = parsed.data;
  }
  return { file: positionals[0]!, headerLine, mapping, prefix: prefix.data, dryRun: values["dry-run"] };
}

async function main() {
  const options = readOptions();
  const text = fs.readFileSync(options.file, "utf8");
  const plan = planImport(text, options);
  console.log(`Header: line ${plan.headerLine ?? "?"}${plan.detectedHeaderLine === plan.headerLine ? " (detected)" : ""}, ${plan.columns.length} columns`);
  console.log(`Mapping${options.mapping ? "" : " (suggested from the header; save it as JSON and pass --mapping to change it)"}:`);
  for (const field of IMPORT_FIELDS) console.log(`  ${field.key.padEnd(18)} ← ${plan.mapping[field.key] ?? "—"}`);
  console.log(JSON.stringify(plan.mapping));

  const handle = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    await migrateDatabase(handle.db, handle.kind);
    const outcome = await runImport(handle.db, text, {
      ...options,
      plan,
      onProgress: (p) => process.stderr.write(`\r${p.phase === "checking" ? "Checking" : "Writing"} ${p.done}/${p.total}   `),
    });
    process.stderr.write("\n");
    switch (outcome.kind) {
      case "unreadable":
        fail([outcome.message, ...outcome.mappingProblems].join("\n  "));
      case "invalid":
        console.log(`Nothing imported: ${outcome.problemCount} problem(s) in ${outcome.rows} rows.`);
        for (const p of outcome.problems) console.log(`  line ${p.line}: ${p.field} ${p.message}`);
        if (outcome.problemCount > outcome.problems.length) console.log(`  … and ${outcome.problemCount - outcome.problems.length} more`);
        process.exitCode = 2;
        return;
      case "dry-run":
        console.log(`Dry run: ${outcome.rows} rows are fine; ${outcome.wouldImport} would be imported, ${outcome.alreadyImported} already imported.`);
        printNew("Would create", outcome.wouldCreate);
        break;
      case "imported":
        console.log(
          `Imported ${outcome.imported} complaints (${outcome.alreadyImported} already imported) in ${(outcome.milliseconds / 1000).toFixed(1)}s: ` +
            `${outcome.createdCustomers} customers, ${outcome.createdProcesses} new processes, ${outcome.createdRootCauses} new root causes, ${outcome.events} timeline events.`,
        );
        printNew("Created", { processes: outcome.createdProcessNames, rootCauses: outcome.createdRootCauseNames });
    }
    if (outcome.descriptionsFromIssue > 0) console.log(`${outcome.descriptionsFromIssue} rows had no description: their issue was used as the text.`);
    if (outcome.notes > 0) console.log(`${outcome.notes} note(s), e.g. unknown channels recorded as Import.`);
  } finally {
    await handle.close();
  }
}

/** New processes and root causes start archived: say so, so the owner knows where to turn them on. */
function printNew(verb: string, names: { processes: string[]; rootCauses: string[] }) {
  if (names.processes.length) console.log(`${verb} ${names.processes.length} process(es), archived until you restore them in Settings → Processes: ${names.processes.join(", ")}`);
  if (names.rootCauses.length) console.log(`${verb} ${names.rootCauses.length} root cause(s), archived until you restore them in Settings → Root causes: ${names.rootCauses.join(", ")}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
