import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalyticsCopy } from "./copy";
import { silentLog } from "./test-support";

/**
 * The copy's queries give way to agents' pages (lib/resilience/case-work.ts): each waits for the
 * server's hook before it starts, and uses the number of threads the server allows at that moment.
 */
describe("the copy's queries, scheduled by the server", () => {
  let copy: AnalyticsCopy;
  let threads = 2;
  let gate: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    copy = await AnalyticsCopy.create({ log: silentLog, beforeQuery: () => gate, threadsFor: () => threads });
  });

  afterAll(async () => {
    await copy?.close();
  });

  const threadsNow = async () => Number((await copy.query<{ t: string }>(sql`select current_setting('threads') as t`))[0]!.t);

  it("uses the threads the server allows when each query starts: one of two while agents are at work", async () => {
    expect(await threadsNow()).toBe(2);
    threads = 1;
    expect(await threadsNow()).toBe(1);
    threads = 2;
    expect(await threadsNow()).toBe(2);
  });

  it("starts a query only once the server's hook lets it", async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    let answered = false;
    const pending = copy.query(sql`select 1 as one`).then((rows) => {
      answered = true;
      return rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    open();
    expect(await pending).toEqual([{ one: 1 }]);
    gate = Promise.resolve();
  });
});
