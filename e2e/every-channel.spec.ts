import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ImapFlow } from "imapflow";
import { dovecotInstalled, startDovecot, type Dovecot } from "../test/dovecot";
import { decodeQuotedPrintable, startSmtpServer, type ReceivedMail } from "../test/smtp-server";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { screenshots } from "./helpers/screenshots";
import { createDatabase, freePort, postgresServerUrl, startApp, type AppServer, type TestDatabase } from "./helpers/servers";

/**
 * Every channel, one thread. An agent takes a complaint down on the phone; the acknowledgement
 * goes out by email (a real SMTP server) with the case's Reply-To; the customer answers from their
 * mail program into the business's mailbox (a real Dovecot), and the app's own mail reader puts
 * the answer on the same case, under the phone call.
 */
test.skip(!dovecotInstalled && !process.env.CI, "needs Dovecot (apt-get install dovecot-imapd; .ci/run installs it)");
test.describe.configure({ mode: "serial", timeout: 180_000 });

const MAILBOX = "complaints";
let dovecot: Dovecot | undefined;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
let database: TestDatabase | undefined;
let app: AppServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dovecot = await startDovecot();
  smtp = await startSmtpServer();
  const serverUrl = postgresServerUrl();
  if (serverUrl) database = await createDatabase(serverUrl, "channels");
  app = await startApp({
    port: await freePort(),
    databaseUrl: database?.url,
    authSecret: randomBytes(32).toString("base64url"),
    seed: true,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      IMAP_URL: dovecot.url(MAILBOX),
      MAIL_FROM: "Harbour & Hearth <complaints@harbour.test>",
      MAIL_REPLY_TO: "complaints@harbour.test",
    },
  });
});

test.afterAll(async () => {
  await app?.stop();
  await database?.drop();
  await smtp?.close();
  await dovecot?.close();
});

/** The first email the SMTP server received for `to`, waiting for the outbox worker to send it. */
async function mailTo(to: string): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect.poll(() => (found = smtp!.received.find((m) => m.to.includes(to))) !== undefined, { timeout: 60_000, message: `an email to ${to}` }).toBe(true);
  return found!;
}

const header = (raw: string, name: string) => new RegExp(`^${name}:\\s*(.+(?:\\r?\\n[ \\t].+)*)`, "im").exec(raw)?.[1]?.replace(/\r?\n[ \t]+/g, " ").trim() ?? "";

test("an agent takes a phone complaint, and the customer's email reply lands on the same case thread", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: app!.url });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.agent);
  const email = `dana.${randomBytes(3).toString("hex")}@example.com`;

  // On the phone: a new customer, taken down as they speak.
  await page.goto("/cases");
  await page.getByRole("link", { name: "New complaint" }).click();
  await expect(page.getByRole("heading", { name: "New complaint", level: 1 })).toBeVisible();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Dana Phone");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("group", { name: /How it reached you/ }).getByRole("radio", { name: "Phone", exact: true }).check();
  const words = "The oven door glass cracked the first time we used it and the shop will not take it back.";
  await page.getByLabel("What it is about").selectOption({ index: 1 });
  await page.getByLabel("What went wrong, in the customer’s words").fill(words);
  await page.getByRole("button", { name: "Save complaint" }).click();
  await expect(page.getByRole("heading", { name: "Complaint saved", level: 1 })).toBeVisible();
  const reference = ((await page.getByTestId("filed-reference").textContent()) ?? "").trim();
  expect(reference).toMatch(/^CR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // Handling starts at once: from the saved page straight to restating the complaint.
  await page.getByRole("link", { name: "Restate the complaint" }).click();
  const composer = page.locator("#composer");
  await expect(composer.getByRole("tab", { name: /Restate the complaint/ })).toHaveAttribute("aria-selected", "true");
  await composer.getByRole("tabpanel").getByLabel("Issue 1.").fill("The oven door glass cracked on first use");
  await composer.getByRole("tabpanel").getByRole("button", { name: "Send to customer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Restatement sent." })).toBeVisible();

  // The acknowledgement goes to the customer by email, threaded, with the case's reply address.
  const ack = await mailTo(email);
  expect(decodeQuotedPrintable(ack.raw)).toContain(reference);
  const messageId = header(ack.raw, "Message-ID");
  const replyTo = /<?([^<>\s]+\+[0-9a-f]{32}@harbour\.test)>?/i.exec(header(ack.raw, "Reply-To"))?.[1];
  expect(messageId).toMatch(/^<.+@.+>$/);
  expect(replyTo).toBeTruthy();

  // The customer replies from their mail program; the reply reaches the business's mailbox.
  const reply = [
    `From: Dana Phone <${email}>`,
    `To: ${replyTo}`,
    `Subject: Re: ${header(ack.raw, "Subject")}`,
    `Message-ID: <reply-${randomBytes(6).toString("hex")}@example.com>`,
    `In-Reply-To: ${messageId}`,
    `References: ${header(ack.raw, "References")} ${messageId}`.replace(/\s+/g, " "),
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Thank you. I forgot to say: the seal came away too, I have a photo of it.",
    "",
    `On Monday, Harbour & Hearth <complaints@harbour.test> wrote:`,
    `> We have your complaint ${reference}.`,
    "",
  ].join("\r\n");
  const imap = new ImapFlow({ host: "127.0.0.1", port: dovecot!.port, secure: false, auth: { user: MAILBOX, pass: "secret" }, logger: false });
  await imap.connect();
  await imap.append("INBOX", reply);
  await imap.logout();

  // The case shows both, in one thread: taken down by phone, then the customer's email.
  const timeline = page.locator("#timeline");
  await expect(timeline.getByRole("article", { name: /Complaint taken down by Alex Agent by phone/ })).toBeVisible();
  await expect(timeline.getByRole("article", { name: /Complaint restated/ })).toBeVisible();
  const answer = timeline.getByRole("article").filter({ hasText: "I forgot to say: the seal came away too, I have a photo of it." });
  await expect
    .poll(
      async () => {
        await page.reload();
        return answer.count();
      },
      { timeout: 90_000, intervals: [1_000, 2_000, 5_000], message: "the reply on the case's timeline" },
    )
    .toBe(1);
  // Quoted history is trimmed for display; the whole original stays one click away.
  await expect(answer).not.toContainText(`We have your complaint ${reference}.`);
  const original = answer.getByRole("link", { name: /View original email/ });
  await expect(original).toBeVisible();
  const eml = await page.request.get((await original.getAttribute("href"))!);
  expect(eml.status()).toBe(200);
  expect(await eml.text()).toContain(`We have your complaint ${reference}.`);
  await screenshots(page, "every-channel-thread");
  await context.close();
});
