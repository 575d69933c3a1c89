import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CASE_STATUSES, INTAKE_CHANNELS, REQUEST_JUDGEMENTS, SEVERITIES } from "@/db/schema/enums";
import { CHANNEL_LABELS, CUSTOMER_STATUS_LABELS, JUDGEMENT_LABELS, SEVERITY_LABELS, STATUS_LABELS } from "./labels";

/** Every non-test source file under the given folders. */
function sourceFiles(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.(test|spec)\./.test(f))
      .map((f) => path.join(dir, f)),
  );
}

describe("one label table per enum", () => {
  it("names every value of each enum, each name once", () => {
    const cases: [readonly string[], Record<string, string>][] = [
      [CASE_STATUSES, STATUS_LABELS],
      [CASE_STATUSES, CUSTOMER_STATUS_LABELS],
      [INTAKE_CHANNELS, CHANNEL_LABELS],
      [SEVERITIES, SEVERITY_LABELS],
      [REQUEST_JUDGEMENTS, JUDGEMENT_LABELS],
    ];
    for (const [values, labels] of cases) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      // Staff labels must tell statuses apart (customers' may merge two into one plain phrase).
      if (labels !== CUSTOMER_STATUS_LABELS) expect(new Set(Object.values(labels)).size).toBe(values.length);
    }
  });

  it("defines the status and channel tables in lib/labels.ts only", () => {
    const copies = sourceFiles("app", "lib", "components")
      .filter((f) => path.normalize(f) !== path.normalize("lib/labels.ts"))
      .filter((f) => /\b(STATUS_LABELS|CUSTOMER_STATUS_LABELS|CHANNEL_LABELS)\s*(:|=)/.test(readFileSync(f, "utf8")));
    expect(copies).toEqual([]);
  });
});
