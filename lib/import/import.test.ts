import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { checkMapping, suggestMapping } from "./fields";
import { cfpbExcerpt } from "./fixtures";
import { detectHeaderLine, tableAt } from "./header";
import { planImport } from "./plan";
import { parseChannel, parseDate, parseDisputed, readResolution } from "./transforms";

const NOW = new Date("2026-11-23T12:00:00Z");

describe("reading the CFPB excerpt", () => {
  const records = parseCsv(cfpbExcerpt());

  it("finds the header on line 3, after the two stray unzip lines", () => {
    expect(records[0]).toEqual({ line: 1, cells: ["Archive:  /Users/hvo/Downloads/complaints.csv.zip"] });
    expect(detectHeaderLine(records)).toBe(3);
    const table = tableAt(records, 3);
    expect(table.ok && table.table.columns).toHaveLength(18);
    expect(table.ok && table.table.rows).toHaveLength(46);
  });

  it("numbers each record by the line it starts on, across multi-line narratives", () => {
    const lines = records.map((r) => r.line);
    // Line 5 starts a narrative that runs onto line 6, so the next record starts on line 7.
    expect(lines.slice(0, 6)).toEqual([1, 2, 3, 4, 5, 7]);
    const text = cfpbExcerpt().split("\n");
    for (const record of records) expect(text[record.line - 1]!.startsWith(record.cells[0]!.split("\n")[0]!)).toBe(true);
  });

  it("says which line holds no record when the header line is inside a cell", () => {
    expect(tableAt(records, 6)).toEqual({ ok: false, message: expect.stringContaining("next record starts on line 7") });
  });
});

describe("header detection", () => {
  it("skips a title line and a line with a blank cell", () => {
    const records = parseCsv("Complaints export\nid,,date\nid,date,text\n1,2020-01-01,hello\n");
    expect(detectHeaderLine(records)).toBe(3);
  });
  it("does not take a data row for a header", () => {
    expect(detectHeaderLine(parseCsv("1,2020-01-01,12.50\n2,2020-01-02,3\n"))).toBeNull();
  });
});

describe("mapping suggestion", () => {
  it("maps the CFPB columns to CaseRoot fields", () => {
    const records = parseCsv(cfpbExcerpt());
    const table = tableAt(records, 3);
    if (!table.ok) throw new Error(table.message);
    const mapping = suggestMapping(table.table.columns);
    expect(mapping).toMatchObject({
      externalId: "Complaint ID",
      receivedAt: "Date received",
      channel: "Submitted via",
      process: "Product",
      processDetail: "Sub-product",
      rootCause: "Issue",
      rootCauseDetail: "Sub-issue",
      description: "Consumer complaint narrative",
      resolution: "Company response to consumer",
      customerDisputed: "Consumer disputed?",
      customerRegion: "State",
      customerPostcode: "ZIP code",
    });
    expect(mapping.closedAt).toBeUndefined();
    expect(checkMapping(mapping, table.table.columns)).toEqual([]);
  });

  it("does not match short hints inside other words", () => {
    expect(suggestMapping(["Paid", "Valid", "Created"])).toEqual({ receivedAt: "Created" });
  });

  it("requires a date column and some text", () => {
    expect(checkMapping({ channel: "Via" }, ["Via"])).toHaveLength(2);
    expect(checkMapping({ receivedAt: "Nope", description: "Text" }, ["Text"])[0]).toContain("no column “Nope”");
  });
});

describe("value transforms", () => {
  it("reads ISO, US and spreadsheet dates as midday on that day", () => {
    for (const raw of ["2019-09-24", "09/24/2019", "9/24/2019", "2019/9/24"]) {
      const parsed = parseDate(raw, NOW);
      expect(parsed.ok && parsed.value.toISOString()).toBe("2019-09-24T12:00:00.000Z");
    }
    const withTime = parseDate("2019-09-24T08:30:00Z", NOW);
    expect(withTime.ok && withTime.value.toISOString()).toBe("2019-09-24T08:30:00.000Z");
  });

  it("refuses impossible, day-first and future dates with a reason", () => {
    expect(parseDate("2019-02-30", NOW)).toMatchObject({ ok: false });
    expect(parseDate("24/09/2019", NOW)).toMatchObject({ ok: false, message: expect.stringContaining("day/month") });
    expect(parseDate("2030-01-01", NOW)).toMatchObject({ ok: false, message: expect.stringContaining("future") });
    expect(parseDate("soon", NOW)).toMatchObject({ ok: false, message: expect.stringContaining("not a date") });
  });

  it("maps channels through the table, and notes the unknown ones", () => {
    const value = (raw: string) => (parseChannel(raw) as { value: string }).value;
    expect(["Web", "Phone", "Email", "Postal mail", "Fax", "Referral", ""].map(value)).toEqual(["web", "phone", "email", "letter", "letter", "import", "import"]);
    expect(parseChannel("Carrier pigeon")).toMatchObject({ ok: true, value: "import", note: expect.stringContaining("Carrier pigeon") });
  });

  it("turns “Consumer disputed?” into the customer's agreement", () => {
    expect([parseDisputed("Yes"), parseDisputed("No"), parseDisputed("N/A")]).toEqual([
      { ok: true, value: "disagreed" },
      { ok: true, value: "agreed" },
      { ok: true, value: null },
    ]);
    expect(parseDisputed("maybe").ok).toBe(false);
  });

  it("reads the company's response as a resolution type and whether the case is still open", () => {
    expect(readResolution("Closed with explanation")).toEqual({ type: "explanation", open: false });
    expect(readResolution("Closed with monetary relief")).toEqual({ type: "refund", open: false });
    expect(readResolution("Closed with non-monetary relief")).toEqual({ type: "repair", open: false });
    expect(readResolution("In progress")).toEqual({ type: null, open: true });
  });
});

describe("planning the excerpt's import", () => {
  const plan = planImport(cfpbExcerpt(), { prefix: "cfpb", now: NOW });

  it("maps every row without a problem", () => {
    expect(plan.fatal).toBeNull();
    expect(plan.problems).toEqual([]);
    expect(plan.rows).toHaveLength(46);
  });

  it("falls back to the issue when the narrative is empty", () => {
    const first = plan.rows[0]!.record!;
    expect(first).toMatchObject({
      line: 4,
      externalId: "cfpb:3571115",
      description: "Issue: Incorrect information on your report / Information belongs to someone else",
      descriptionFromIssue: true,
      status: "closed",
      channel: "web",
    });
    expect(first.customer).toEqual({ name: "CFPB consumer, FL 330XX", email: null, phone: null, emailNormalized: null, phoneNormalized: null });
    // 22 of the 46 complaints have a narrative.
    expect(plan.descriptionsFromIssue).toBe(24);
  });

  it("keeps narratives verbatim, line breaks included", () => {
    const second = plan.rows[1]!.record!;
    expect(second.line).toBe(5);
    expect(second.description).toContain("\n");
    expect(second.descriptionFromIssue).toBe(false);
    expect(second.status).toBe("closed");
    expect(second.resolutionType).toBe("explanation");
  });

  it("keeps “In progress” cases open", () => {
    expect(plan.rows.filter((r) => r.record!.status === "investigating")).toHaveLength(4);
  });

  it("records disputes as disagreement", () => {
    const agreements = plan.rows.map((r) => r.record!.customerAgreement).filter(Boolean);
    expect(agreements.sort()).toEqual(["agreed", "disagreed"]);
  });

  it("reports a bad date with the line its record starts on", () => {
    const broken = cfpbExcerpt().replace("2019-09-19,", "2019-13-19,");
    const bad = planImport(broken, { prefix: "cfpb", now: NOW });
    expect(bad.problems).toEqual([{ line: 7, field: "Date received", key: "receivedAt", message: expect.stringContaining("2019-13-19") }]);
  });

  it("reports an id repeated within the file", () => {
    const text = "ID,Date,Text\n1,2020-01-01,a\n1,2020-01-02,b\n";
    const repeated = planImport(text, { prefix: "old", now: NOW });
    expect(repeated.problems).toEqual([{ line: 3, field: "External id", key: "externalId", message: "old:1 is already on line 2" }]);
  });
});
