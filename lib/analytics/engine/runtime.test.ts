import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/test/databases";
import { buildFixture, type Fixture } from "../queries/test-fixture";
import { AnalyticsCopy } from "./copy";
import { sourceFor } from "./runtime";
import { silentLog } from "./test-support";

const scope = { from: "2026-03-01", to: "2026-03-31", timeZone: "Europe/London", processId: null, channel: null, assigneeId: null, now: new Date("2026-04-01T00:00:00Z") };

describeEachDatabase("analytics page: which engine answers", ({ db }) => {
  let f: Fixture;
  let copy: AnalyticsCopy;

  beforeAll(async () => {
    f = await buildFixture(db(), { staff: { Ann: "agent" }, customers: ["C1"], processes: ["Delivery"], rootCauses: { Late: "service" } });
    await f.complaint({ customer: "C1", received: "2026-03-02T10:00:00Z", process: "Delivery" });
    copy = await AnalyticsCopy.create({ log: silentLog });
  });

  afterAll(async () => {
    await copy?.close();
  });

  it("answers from PostgreSQL with no copy at all (ANALYTICS_ENGINE=postgres)", async () => {
    const source = await sourceFor(null, db(), "Europe/London");
    expect(source.figures.engine).toBe("postgres");
    expect(source.preparing).toBeNull();
  });

  it("answers from PostgreSQL, saying how far the load is, until the copy is loaded: never from a half-loaded copy", async () => {
    const loading = copy.reload(db());
    const during = await sourceFor(copy, db(), "Europe/London");
    expect(during.figures.engine).toBe("postgres");
    expect(during.preparing).toMatchObject({ state: "loading" });
    expect((await during.figures.summary(scope)).complaints).toBe(1);
    await loading;
  });

  it("answers from the copy once loaded, up to date with a change committed just before", async () => {
    await f.complaint({ customer: "C1", received: "2026-03-03T10:00:00Z", process: "Delivery" });
    const source = await sourceFor(copy, db(), "Europe/London");
    expect(source.figures.engine).toBe("copy");
    expect((await source.figures.summary(scope)).complaints).toBe(2);
  });

  it("answers from PostgreSQL for another time zone than the copy was loaded in", async () => {
    expect((await sourceFor(copy, db(), "Asia/Tokyo")).figures.engine).toBe("postgres");
  });
});
