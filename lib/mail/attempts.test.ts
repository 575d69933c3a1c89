import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, inboundAttempts, staffUsers } from "@/db/schema";
import { ForbiddenError } from "@/lib/cases/errors";
import { SettingsRuleError } from "@/lib/settings/access";
import { describeEachDatabase } from "@/test/databases";
import { clearAttempts, listFailingEmails, MAX_INGEST_ATTEMPTS, recordFailedAttempt, retrySetAsideEmail, setAsideUids } from "./attempts";

describeEachDatabase("email ingest attempts (poison messages)", ({ db }) => {
  const at = (uid: number, mailbox = "complaints@imap.test/INBOX") => ({ mailbox, uidValidity: 7, uid });

  it(`counts each failed attempt at a message and sets it aside at the ${MAX_INGEST_ATTEMPTS}th, keeping the last error`, async () => {
    const start = new Date("2026-12-04T08:00:00Z");
    const results = [];
    for (let i = 0; i < MAX_INGEST_ATTEMPTS; i++) {
      results.push(await recordFailedAttempt(db(), { ...at(11), fromAddress: "poison@example.com", subject: "Odd\u0000 message" }, new Error(`boom ${i + 1}`), new Date(start.getTime() + i * 30_000)));
    }
    expect(results.map((r) => r.attempts)).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => r.setAside)).toEqual([false, false, false, false, true]);
    expect([...(await setAsideUids(db(), "complaints@imap.test/INBOX", 7))]).toEqual([11]);
    // Another UIDVALIDITY (the folder was recreated) or another folder is another message.
    expect((await setAsideUids(db(), "complaints@imap.test/INBOX", 8)).size).toBe(0);
    expect((await setAsideUids(db(), "other@imap.test/INBOX", 7)).size).toBe(0);
    const [listed] = (await listFailingEmails(db())).filter((r) => r.uid === 11);
    expect(listed).toMatchObject({
      fromAddress: "poison@example.com",
      subject: "Odd message",
      attempts: 5,
      setAside: true,
      lastError: "Error: boom 5",
      firstFailedAt: start,
      lastFailedAt: new Date(start.getTime() + 4 * 30_000),
    });
  });

  it("two readers failing the same message at once count two attempts, in one row", async () => {
    await Promise.all([recordFailedAttempt(db(), at(21), new Error("a")), recordFailedAttempt(db(), at(21), new Error("b"))]);
    const rows = await db().select().from(inboundAttempts).where(eq(inboundAttempts.uid, 21));
    expect(rows.map((r) => r.attempts)).toEqual([2]);
  });

  it("a message still under the cap is listed as retrying, and a success clears its count", async () => {
    await recordFailedAttempt(db(), at(31), "not an Error");
    await recordFailedAttempt(db(), at(31), new Error("x".repeat(5000)));
    const [row] = (await listFailingEmails(db())).filter((r) => r.uid === 31);
    expect(row).toMatchObject({ attempts: 2, setAside: false });
    expect(row!.lastError).toHaveLength(1000);
    expect((await setAsideUids(db(), "complaints@imap.test/INBOX", 7)).has(31)).toBe(false);
    await clearAttempts(db(), at(31));
    expect(await db().select().from(inboundAttempts).where(eq(inboundAttempts.uid, 31))).toHaveLength(0);
    // Clearing a message that never failed is harmless.
    await clearAttempts(db(), at(32));
  });

  it("an owner's 'Try again' gives a set-aside email a fresh set of attempts, audited; nobody else can, and only for a set-aside one", async () => {
    for (let i = 0; i < MAX_INGEST_ATTEMPTS; i++) await recordFailedAttempt(db(), { ...at(41), fromAddress: "poison@example.com" }, new Error("boom"));
    await recordFailedAttempt(db(), at(42), new Error("once"));
    const [poison] = (await listFailingEmails(db())).filter((r) => r.uid === 41);
    const [retrying] = (await listFailingEmails(db())).filter((r) => r.uid === 42);
    const [row] = await db().insert(staffUsers).values({ email: "owner@harbour.test", name: "Olivia Owner", role: "owner", passwordHash: "x" }).returning();
    const owner = { id: row!.id, role: "owner" as const };
    await expect(retrySetAsideEmail(db(), { id: owner.id, role: "agent" }, String(poison!.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(retrySetAsideEmail(db(), owner, String(retrying!.id))).rejects.toBeInstanceOf(SettingsRuleError);
    await expect(retrySetAsideEmail(db(), owner, "1; drop table")).rejects.toBeInstanceOf(SettingsRuleError);
    await retrySetAsideEmail(db(), owner, String(poison!.id));
    expect((await setAsideUids(db(), "complaints@imap.test/INBOX", 7)).has(41)).toBe(false);
    expect(await db().select().from(inboundAttempts).where(eq(inboundAttempts.uid, 41))).toHaveLength(0);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, "email.retried"));
    expect(audit).toMatchObject({ staffId: owner.id, subjectType: "inbound_attempt", subjectId: String(poison!.id), detail: { uid: 41, attempts: MAX_INGEST_ATTEMPTS } });
    // Twice is refused: it is no longer set aside.
    await expect(retrySetAsideEmail(db(), owner, String(poison!.id))).rejects.toBeInstanceOf(SettingsRuleError);
  });
});
