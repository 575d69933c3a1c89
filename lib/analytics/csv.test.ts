import { describe, expect, it } from "vitest";
import { csvCell, csvLine, csvStream } from "./csv";

describe("csvCell", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvCell("Delivery")).toBe("Delivery");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(0.25)).toBe("0.25");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(true)).toBe("yes");
  });

  it("quotes commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell("Returns, refunds")).toBe('"Returns, refunds"');
    expect(csvCell('He said "no"')).toBe('"He said ""no"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded ")).toBe('" padded "');
  });

  it("quotes every field a spreadsheet might split: semicolons, tabs, quotes, CR and LF", () => {
    // Opened in a spreadsheet that splits on ";", an unquoted cell would become three, two of them formulas.
    expect(csvCell("Ann;=1+2;@SUM(4)")).toBe('"Ann;=1+2;@SUM(4)"');
    expect(csvCell("a\tb")).toBe('"a\tb"');
    expect(csvCell("a\rb")).toBe('"a\rb"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvLine(["Ann;=1+2;@SUM(4)", "=cmd"])).toBe('"Ann;=1+2;@SUM(4)",\'=cmd\r\n');
  });

  it("neutralises spreadsheet formulas with a leading apostrophe", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1234")).toBe("'+1234");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("\"'\tcmd\"");
    expect(csvCell("\rcmd")).toBe("\"'\rcmd\"");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes dates as ISO timestamps", () => {
    expect(csvCell(new Date("2026-03-04T05:06:07Z"))).toBe("2026-03-04T05:06:07.000Z");
  });
});

describe("csvStream", () => {
  it("streams a BOM, the header and every row with CRLF line ends", async () => {
    const rows = Array.from({ length: 1203 }, (_, i) => [`Cause ${i}`, i] as const);
    const bytes = await new Response(csvStream(["Root cause", "Complaints"], rows)).arrayBuffer();
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFRoot cause,Complaints\r\nCause 0,0\r\n")).toBe(true);
    expect(text.split("\r\n")).toHaveLength(1205);
    expect(text.endsWith("Cause 1202,1202\r\n")).toBe(true);
    expect(csvLine(["a", 1])).toBe("a,1\r\n");
  });
});
