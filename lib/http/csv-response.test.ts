import { describe, expect, it } from "vitest";
import { csvStream } from "@/lib/analytics/csv";
import { csvResponse } from "./csv-response";

describe("csvResponse", () => {
  it("answers as an attachment with a safe file name", () => {
    const response = csvResponse('root causes "x".csv', csvStream(["a"], []));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="root-causes--x-.csv"');
  });
});
