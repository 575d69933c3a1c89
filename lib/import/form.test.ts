import { describe, expect, it } from "vitest";
import { cfpbExcerpt } from "./fixtures";
import { MAX_IMPORT_BYTES, readImportForm } from "./form";
import { planImport } from "./plan";
import { summarisePlan } from "./preview";

function form(fields: Record<string, string | Blob>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

describe("the import page's form", () => {
  it("accepts a file with a header line, a mapping and a source name", async () => {
    const read = await readImportForm(form({ file: new Blob(["a,b,c\n"]), headerLine: "3", mapping: JSON.stringify({ receivedAt: "b" }), prefix: " CFPB " }));
    expect(read).toEqual({ ok: true, request: { text: "a,b,c\n", headerLine: 3, mapping: { receivedAt: "b" }, prefix: "cfpb" } });
  });

  it("defaults the header line, mapping and source name", async () => {
    const read = await readImportForm(form({ file: new Blob(["x"]), headerLine: "", mapping: "", prefix: "" }));
    expect(read).toMatchObject({ ok: true, request: { headerLine: null, mapping: null, prefix: "import" } });
  });

  it("refuses a missing file, a large one, bad fields and non-UTF-8 text with a reason", async () => {
    expect(await readImportForm(form({}))).toMatchObject({ ok: false, status: 400, message: expect.stringContaining("Choose a CSV file") });
    expect(await readImportForm(form({ file: new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]) }))).toMatchObject({ ok: false, status: 413 });
    expect(await readImportForm(form({ file: new Blob(["x"]), headerLine: "0" }))).toMatchObject({ ok: false, message: expect.stringContaining("1 or more") });
    expect(await readImportForm(form({ file: new Blob(["x"]), mapping: JSON.stringify({ colour: "x" }) }))).toMatchObject({ ok: false });
    expect(await readImportForm(form({ file: new Blob(["x"]), prefix: "has space" }))).toMatchObject({ ok: false, message: expect.stringContaining("source name") });
    expect(await readImportForm(form({ file: new Blob([new Uint8Array([0xff, 0xfe, 0x41])]) }))).toMatchObject({ ok: false, message: expect.stringContaining("UTF-8") });
  });
});

describe("the preview summary", () => {
  it("gives totals for the whole file and the first ten rows as they will be stored", () => {
    const summary = summarisePlan(planImport(cfpbExcerpt(), { prefix: "cfpb" }), 3);
    expect(summary).toMatchObject({ headerLine: 3, rowCount: 46, problemCount: 0, alreadyImported: 3, descriptionsFromIssue: 24 });
    expect(summary.preview).toHaveLength(10);
    expect(summary.preview[0]).toMatchObject({ line: 4, derived: ["description"], values: { receivedAt: "2020-03-18", channel: "web", externalId: "cfpb:3571115" } });
  });

  it("marks the cell of a problem", () => {
    const summary = summarisePlan(planImport("ID,Date,Text\n1,13/45/2020,hello\n", { prefix: "x" }), 0);
    expect(summary.preview[0]!.problems).toEqual([{ line: 2, field: "Date received", key: "receivedAt", message: expect.stringContaining("day/month") }]);
  });
});
