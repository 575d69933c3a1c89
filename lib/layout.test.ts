import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every non-test TypeScript source file under a folder. */
function sourceFiles(dir: string, { tests = false } = {}): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && (tests || !/\.(test|spec)\./.test(f)))
    .map((f) => path.join(dir, f));
}

const read = (f: string) => readFileSync(f, "utf8");

describe("the layout keeps each kind of code in its place", () => {
  it("app/ holds no SQL: pages and actions call lib/, which owns the queries", () => {
    const withSql = sourceFiles("app").filter((f) => /^import (?!type\b)[^;]*from "drizzle-orm(\/[^"]*)?";/m.test(readFileSync(f, "utf8")));
    expect(withSql).toEqual([]);
    const queries = sourceFiles("app").filter((f) => /\b(db|tx)\.(select|insert|update|delete|execute|transaction)\(/.test(readFileSync(f, "utf8")));
    expect(queries).toEqual([]);
  });

  it("server code logs through the structured logger, never console (the browser's error boundaries excepted)", () => {
    const server = ["app", "lib", "db"].flatMap((d) => sourceFiles(d)).filter((f) => !/^"use client";/.test(read(f)));
    expect(server.filter((f) => /\bconsole\.(log|info|warn|error|debug)\(/.test(read(f)))).toEqual([]);
  });

  it("browser specs take screenshots through the one helper (e2e/helpers/screenshots.ts, on when SCREENSHOTS is set)", () => {
    const specs = sourceFiles("e2e", { tests: true }).filter((f) => !f.startsWith(path.join("e2e", "helpers")));
    expect(specs.filter((f) => /\.screenshot\(/.test(read(f)))).toEqual([]);
  });

  it("one helper finds PostgreSQL and creates throwaway databases, for unit, browser and CI runs alike", () => {
    const users = ["test/databases.ts", "scripts/test-all.mjs", "scripts/e2e-server.mjs", "e2e/helpers/servers.ts"];
    for (const f of users) {
      expect(read(f), f).toMatch(/from "(\.\.\/)*(\.\/)?(test\/)?postgres\.mjs";/);
      expect(read(f), f).not.toMatch(/CREATE DATABASE|create database/);
    }
  });

  it("every server action a form posts to answers the one form state, ActionState (docs/decisions/0009)", () => {
    const actionFiles = ["app", "lib"].flatMap((d) => sourceFiles(d)).filter((f) => /^"use server";/.test(read(f)));
    const answers = actionFiles.flatMap((f) => [...read(f).matchAll(/^export async function (\w+)\([^)]*\)\s*:\s*Promise<(\w+)>/gm)].map((m) => `${m[2]}`));
    expect(answers.length).toBeGreaterThan(50);
    // void: sign-out and the outbox's retry button, which redirect and answer nothing.
    expect(new Set(answers)).toEqual(new Set(["ActionState", "void"]));
    const otherStates = ["app", "lib", "components"].flatMap((d) => sourceFiles(d)).filter((f) => /\btype \w*FormState\b\s*=/.test(read(f)));
    expect(otherStates).toEqual([]);
  });
});
