import { describe, expect, it } from "vitest";
import { Semaphore } from "./semaphore";

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("Semaphore", () => {
  it("lets `limit` holders in at once and the others in arrival order as turns are released", async () => {
    const s = new Semaphore(2);
    const order: string[] = [];
    const releases = new Map<string, () => void>();
    for (const name of ["a", "b", "c", "d"]) void s.acquire().then((release) => (order.push(name), releases.set(name, release)));
    await settled();
    expect(order).toEqual(["a", "b"]);
    expect(s.queued).toBe(2);
    releases.get("b")!();
    await settled();
    expect(order).toEqual(["a", "b", "c"]);
    releases.get("a")!();
    await settled();
    expect(order).toEqual(["a", "b", "c", "d"]);
  });

  it("releases a turn once however often its release is called", async () => {
    const s = new Semaphore(1);
    const first = await s.acquire();
    const second = s.acquire();
    const third = s.acquire();
    first();
    first();
    await second;
    await settled();
    expect(s.queued).toBe(1);
    void third;
  });

  it("gives the turn back when a task fails", async () => {
    const s = new Semaphore(1);
    await expect(s.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await s.run(() => Promise.resolve(42))).toBe(42);
  });
});
