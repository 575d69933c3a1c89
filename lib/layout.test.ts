import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every non-test TypeScript source file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.(test|spec)\./.test(f))
    .map((f) => path.join(dir, f));
}

describe("the layout keeps each kind of code in its place", () => {
  it("app/ holds no SQL: pages and actions call lib/, which owns the queries", () => {
    const withSql = sourceFiles("app").filter((f) => /^import (?!type\b)[^;]*from "drizzle-orm(\/[^"]*)?";/m.test(readFileSync(f, "utf8")));
    expect(withSql).toEqual([]);
    const queries = sourceFiles("app").filter((f) => /\b(db|tx)\.(select|insert|update|delete|execute|transaction)\(/.test(readFileSync(f, "utf8")));
    expect(queries).toEqual([]);
  });
});
