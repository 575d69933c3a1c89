import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBProcess } from "./duckdb-process";

describe("the analytics engine's process", () => {
  let engine: DuckDBProcess;

  beforeAll(async () => {
    engine = await DuckDBProcess.start({ memoryLimit: "256MB", threads: 2 });
  });

  afterAll(() => engine?.close());

  it("runs at a lower CPU priority than the server, so agents' pages get the cores first", () => {
    expect(engine.pid).toBeGreaterThan(0);
    expect(os.getPriority(engine.pid!)).toBeGreaterThan(os.getPriority());
  });

  it("answers reads with parameters, as plain values, and writes on a connection of its own in order", async () => {
    const writer = await engine.connect();
    await writer.run("create table t (id integer, name varchar, seen timestamp, big bigint)");
    await writer.run("begin transaction");
    await writer.run("insert into t values (1, 'one', timestamp '2026-03-01 10:00:00', 9007199254740993)");
    await writer.run("commit");
    await writer.close();
    const rows = await engine.read<{ id: number; name: string; big: bigint }>("select id, name, big from t where id = $1", [1]);
    expect(rows).toEqual([{ id: 1, name: "one", big: 9007199254740993n }]);
  });

  it("answers a bad query with the engine's own message and keeps serving", async () => {
    await expect(engine.read("select * from no_such_table", [])).rejects.toThrow(/no_such_table/);
    expect(await engine.read("select 42 as n", [])).toEqual([{ n: 42 }]);
  });

  it("fails every call in flight when its process dies, and says so once", async () => {
    const heard: Error[] = [];
    const doomed = await DuckDBProcess.start({ memoryLimit: "256MB", threads: 1, onExit: (error) => heard.push(error) });
    const inFlight = doomed.read("select count(*) from range(1000000000) a, range(10) b", []);
    process.kill(doomed.pid!, "SIGKILL");
    await expect(inFlight).rejects.toThrow(/process ended/);
    await expect(doomed.read("select 1", [])).rejects.toThrow(/process ended/);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.message).toMatch(/SIGKILL/);
  });

  it("ends when closed, without reporting a crash", async () => {
    const heard: Error[] = [];
    const closing = await DuckDBProcess.start({ memoryLimit: "256MB", threads: 1, onExit: (error) => heard.push(error) });
    const pid = closing.pid!;
    closing.close();
    await expect.poll(() => alive(pid), { timeout: 5_000 }).toBe(false);
    expect(heard).toEqual([]);
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
