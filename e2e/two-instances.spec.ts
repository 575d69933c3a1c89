import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import postgres from "postgres";
import { DEMO_ACCOUNTS } from "./helpers/auth";
import { expectFiledComplaintStored } from "./helpers/complaints";
import {
  NEEDS_POSTGRES,
  createDatabase,
  freePort,
  migrateAndSeed,
  postgresServerUrl,
  signInAt,
  startApp,
  type AppServer,
  type TestDatabase,
} from "./helpers/servers";

/**
 * Two server processes (scripts/server.mjs) of the same build on one PostgreSQL database, as behind a load
 * balancer: whatever one instance records, the other sees; a session from one is valid on the
 * other; concurrent edits of one case lose nothing; rate limits count across both.
 */

const serverUrl = postgresServerUrl();
test.skip(!serverUrl, NEEDS_POSTGRES);
// Several app servers on a shared 2-core machine: pages can be slow, so more time than the default.
test.describe.configure({ mode: "serial", timeout: 120_000 });

let database: TestDatabase | undefined;
let a: AppServer | undefined;
let b: AppServer | undefined;
let sql: postgres.Sql | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createDatabase(serverUrl!, "two");
  const authSecret = randomBytes(32).toString("base64url");
  const [portA, portB] = [await freePort(), await freePort()];
  // Both start together on the empty database: each applies migrations at start, taking turns.
  const env = { RATE_LIMIT_MULTIPLIER: "1" };
  const started = await Promise.allSettled([
    startApp({ port: portA, databaseUrl: database.url, authSecret, env }),
    startApp({ port: portB, databaseUrl: database.url, authSecret, env }),
  ]);
  [a, b] = started.map((s) => (s.status === "fulfilled" ? s.value : undefined));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  await migrateAndSeed(database.url); // migrations are already there: this only loads the demo data
  sql = postgres(database.url, { max: 1, onnotice: () => {} });
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await sql?.end({ timeout: 1 });
  await database?.drop();
});

async function fileOn(server: AppServer, page: Page, email = `two.${randomBytes(4).toString("hex")}@example.com`): Promise<string> {
  const response = await page.request.post(`${server.url}/api/v1/complaints`, {
    data: {
      name: "Casey Fern",
      email,
      processId: "not_sure",
      description: "The installer drilled through a water pipe and left without saying anything.",
      desiredOutcome: "Pay for the plumber and the damaged floor.",
    },
  });
  return (await expectFiledComplaintStored(page.request, response)).reference;
}

/** A browser context signed in on one instance. */
async function signedIn(browser: Browser, server: AppServer, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAt(page, server.url, email);
  return { context, page };
}

async function eventCounts(reference: string): Promise<Record<string, number>> {
  const rows = await sql!<Array<{ type: string; n: number }>>`
    select e.type, count(*)::int as n
    from complaint_events e join complaints c on c.id = e.complaint_id
    where c.reference = ${reference}
    group by e.type`;
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}

const toast = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

test("both instances started together on an empty database; migrations were applied once", async () => {
  const files = fs.readdirSync(path.join("db", "migrations")).filter((f) => f.endsWith(".sql"));
  const [row] = await sql!<Array<{ n: number }>>`select count(*)::int as n from drizzle.__drizzle_migrations`;
  expect(row!.n).toBe(files.length);
  for (const server of [a!, b!]) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
});

test("a complaint filed on A is found and worked on B, and A sees the work", async ({ browser, page }) => {
  const reference = await fileOn(a!, page);

  const onB = await signedIn(browser, b!, DEMO_ACCOUNTS.agent);
  const onA = await signedIn(browser, a!, DEMO_ACCOUNTS.supervisor);
  try {
    await onB.page.goto(`${b!.url}/cases?q=${reference}`);
    await expect(onB.page.getByRole("link", { name: reference })).toBeVisible();
    await onB.page.goto(`${b!.url}/cases/${reference}`);
    await onB.page.getByRole("button", { name: "Claim this case" }).click();
    await expect(toast(onB.page, "The case is yours now.")).toBeVisible();

    await onB.page.goto(`${b!.url}/cases/${reference}?compose=note`);
    const panel = onB.page.locator("#composer").getByRole("tabpanel");
    await panel.getByLabel("Note", { exact: true }).fill("Called the plumber from B: Thursday morning.");
    await panel.getByRole("button", { name: "Add internal note" }).click();
    await expect(toast(onB.page, "Internal note added.")).toBeVisible();

    await onA.page.goto(`${a!.url}/cases/${reference}`);
    await expect(onA.page.getByTestId("decision-assign").locator("summary")).toContainText("Alex Agent");
    await expect(onA.page.locator("#timeline").getByRole("article", { name: /Internal note/ })).toContainText("Called the plumber from B");
  } finally {
    await Promise.all([onA.context.close(), onB.context.close()]);
  }
});

test("a staff session from A is accepted by B (same AUTH_SECRET), and B still refuses without it", async ({ browser, playwright }) => {
  const onA = await signedIn(browser, a!, DEMO_ACCOUNTS.supervisor);
  // Cookies are per host, not per port: send A's cookies to B explicitly, from a client that has no others.
  const cookies = await onA.context.cookies(a!.url);
  expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const withSession = await playwright.request.newContext({ extraHTTPHeaders: { cookie } });
  const anonymous = await playwright.request.newContext();
  try {
    const page = await withSession.get(`${b!.url}/cases`, { maxRedirects: 0 });
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain("Sam Supervisor");
    const exported = await withSession.get(`${b!.url}/analytics/export/processes`, { maxRedirects: 0 });
    expect(exported.status()).not.toBe(401);

    const refused = await anonymous.get(`${b!.url}/cases`, { maxRedirects: 0 });
    expect([302, 307]).toContain(refused.status());
    expect(refused.headers()["location"]).toContain("/signin");
  } finally {
    await Promise.all([withSession.dispose(), anonymous.dispose(), onA.context.close()]);
  }
});

test("concurrent edits of one case from A and B lose nothing", async ({ browser, page }) => {
  const reference = await fileOn(a!, page);
  const onA = await signedIn(browser, a!, DEMO_ACCOUNTS.agent);
  const onB = await signedIn(browser, b!, DEMO_ACCOUNTS.supervisor);
  try {
    // Two notes at the same moment (notes never conflict): both are recorded.
    for (const [side, url] of [
      [onA, a!.url],
      [onB, b!.url],
    ] as const) {
      await side.page.goto(`${url}/cases/${reference}?compose=note`);
      await side.page.locator("#composer").getByRole("tabpanel").getByLabel("Note", { exact: true }).fill(`Note written on ${url}`);
    }
    await Promise.all(
      [onA.page, onB.page].map((p) => p.locator("#composer").getByRole("tabpanel").getByRole("button", { name: "Add internal note" }).click()),
    );
    await expect(toast(onA.page, "Internal note added.")).toBeVisible();
    await expect(toast(onB.page, "Internal note added.")).toBeVisible();

    // The same versioned action twice at the same moment, both pages at the same version: one
    // claim wins, the other is refused with the conflict message and writes nothing.
    await onA.page.goto(`${a!.url}/cases/${reference}`);
    await onB.page.goto(`${b!.url}/cases/${reference}`);
    const [versionA, versionB] = await Promise.all(
      [onA.page, onB.page].map((p) => p.getByRole("form", { name: "Claim this case" }).locator('input[name="expectedVersion"]').inputValue()),
    );
    expect(versionA).toBe(versionB);
    await Promise.all([onA.page, onB.page].map((p) => p.getByRole("button", { name: "Claim this case" }).click()));

    // The loser's page refreshes to show the winner as assignee, with the refusal in view.
    const outcome = async (p: Page) => {
      const won = toast(p, "The case is yours now.");
      const lost = p.getByRole("form", { name: "Claim this case" }).getByRole("alert");
      await expect(won.or(lost)).toBeVisible();
      if (await won.isVisible()) return "won";
      await expect(lost).toContainText("Someone else updated this case while you were working on it");
      return "lost";
    };
    const results = await Promise.all([outcome(onA.page), outcome(onB.page)]);
    const winner = results[0] === "won" ? "Alex Agent" : "Sam Supervisor";
    expect([...results].sort()).toEqual(["lost", "won"]);

    // Nothing lost, nothing doubled: two notes, one assignment, on both instances' timelines.
    const counts = await eventCounts(reference);
    expect(counts.note).toBe(2);
    expect(counts.assigned).toBe(1);
    for (const [p, url, viewer] of [
      [onA.page, a!.url, "Alex Agent"],
      [onB.page, b!.url, "Sam Supervisor"],
    ] as const) {
      await p.goto(`${url}/cases/${reference}`);
      const notes = p.locator("#timeline").getByRole("article", { name: /Internal note/ });
      await expect(notes).toHaveCount(2);
      await expect(notes.filter({ hasText: `Note written on ${a!.url}` })).toHaveCount(1);
      await expect(notes.filter({ hasText: `Note written on ${b!.url}` })).toHaveCount(1);
      await expect(p.getByTestId("decision-assign").locator("summary")).toContainText(viewer === winner ? "You" : winner);
    }
    const [row] = await sql!<Array<{ name: string }>>`select s.name from complaints c join staff_users s on s.id = c.assignee_id where c.reference = ${reference}`;
    expect(row!.name).toBe(winner);
  } finally {
    await Promise.all([onA.context.close(), onB.context.close()]);
  }
});

test("rate limits count across instances: hits on A count on B", async ({ playwright }) => {
  const api = await playwright.request.newContext();
  const email = `limit.${randomBytes(4).toString("hex")}@example.com`;
  const body = {
    name: "Quinn Hale",
    email,
    processId: "not_sure",
    description: "The same complaint sent again and again by a script that went wrong.",
  };
  try {
    // Per contact address: file on A until A refuses.
    let accepted = 0;
    for (;;) {
      const response = await api.post(`${a!.url}/api/v1/complaints`, { data: body });
      if (response.status() === 429) break;
      await expectFiledComplaintStored(api, response);
      accepted++;
      expect(accepted, "A never refused: is the limit counted at all?").toBeLessThan(50);
    }
    expect(accepted).toBeGreaterThan(0);

    // B has seen none of these requests, yet refuses at once: the count lives in PostgreSQL.
    const onB = await api.post(`${b!.url}/api/v1/complaints`, { data: body });
    expect(onB.status()).toBe(429);
    expect(Number(onB.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await onB.json()).toMatchObject({ error: "too_many_requests" });

    // Another contact is still welcome on B.
    const other = await api.post(`${b!.url}/api/v1/complaints`, { data: { ...body, email: `other.${email}` } });
    await expectFiledComplaintStored(api, other);
  } finally {
    await api.dispose();
  }
});

test("analytics on each instance counts a complaint filed on the other, from its own copy of the figures", async ({ browser, page }) => {
  const onA = await signedIn(browser, a!, DEMO_ACCOUNTS.owner);
  const onB = await signedIn(browser, b!, DEMO_ACCOUNTS.owner);
  const complaintsInRange = async (side: { page: Page }, server: AppServer) => {
    await side.page.goto(`${server.url}/analytics?range=30d`);
    const tile = side.page.getByRole("link", { name: /Complaints in range/ }).locator("dd").first();
    return Number((await tile.innerText()).replaceAll(",", ""));
  };
  try {
    // Each instance loads its own copy at start; until then its page answers from the database.
    for (const [side, server] of [
      [onA, a!],
      [onB, b!],
    ] as const) {
      await expect
        .poll(
          async () => {
            await side.page.goto(`${server.url}/analytics?range=30d`);
            return side.page.locator("[data-figures]").getAttribute("data-figures");
          },
          { timeout: 60_000 },
        )
        .toBe("copy");
    }
    const [beforeA, beforeB] = [await complaintsInRange(onA, a!), await complaintsInRange(onB, b!)];
    expect(beforeA).toBe(beforeB);
    await fileOn(a!, page);
    expect(await complaintsInRange(onB, b!)).toBe(beforeB + 1);
    await fileOn(b!, page);
    expect(await complaintsInRange(onA, a!)).toBe(beforeA + 2);
    await expect(onA.page.locator("[data-figures]")).toHaveAttribute("data-figures", "copy");
  } finally {
    await Promise.all([onA.context.close(), onB.context.close()]);
  }
});
