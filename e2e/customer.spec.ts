import { expect, test } from "@playwright/test";
import { fileComplaint } from "./helpers/complaints";
import { screenshot, screenshots } from "./helpers/screenshots";

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108020000009077530000000c4944415478da63f8ffff3f0005fe02fea7d60a9b0000000049454e44ae426082",
  "hex",
);

test("a customer files a complaint, fixes a mistake, then follows it on the tracking page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "File a complaint" }).first()).toBeVisible();
  await screenshots(page, "customer-home");

  await page.getByRole("main").getByRole("link", { name: "File a complaint" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "File a complaint" })).toBeVisible();
  await screenshots(page, "customer-complain");

  await page.getByLabel("Your name").fill("Jordan Blake");
  await page.getByRole("textbox", { name: "Email" }).fill("jordan.blake@example.com");
  await page.getByRole("textbox", { name: "Phone" }).fill("020 7946 0999");
  await page.getByLabel("What is it about?").selectOption("not_sure");
  await page.getByLabel("Order or booking reference").fill("ORD-2231");
  await page.getByLabel("What went wrong?").fill("Too short");
  await page.getByLabel("What would put it right?").fill("A replacement table, delivered by Friday.");
  await page.getByRole("button", { name: "Send complaint" }).click();

  // The inline message appears beside the field, and everything else typed is still there.
  const message = "Please tell us a little more: at least 20 characters";
  await expect(page.locator("#description-error")).toHaveText(message);
  await expect(page.getByRole("alert").getByRole("link", { name: message })).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Jordan Blake");
  await expect(page.getByRole("textbox", { name: "Email" })).toHaveValue("jordan.blake@example.com");
  await expect(page.getByRole("textbox", { name: "Phone" })).toHaveValue("020 7946 0999");
  await expect(page.getByLabel("What is it about?")).toHaveValue("not_sure");
  await expect(page.getByLabel("Order or booking reference")).toHaveValue("ORD-2231");
  await expect(page.getByLabel("What went wrong?")).toHaveValue("Too short");
  await expect(page.getByLabel("What would put it right?")).toHaveValue("A replacement table, delivered by Friday.");
  await screenshots(page, "customer-complain-error");

  await expect(page.getByText("please choose it again")).toHaveCount(0);
  const description = "The table arrived with a split leg and the delivery team left before I could show them.";
  await page.getByLabel("What went wrong?").fill(description);
  await page.getByLabel("Photos or documents").setInputFiles({ name: "split-leg.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Send complaint" }).click();

  await expect(page).toHaveURL(/\/track\/[A-Za-z0-9_-]{43}\?filed=1$/);
  await expect(page.getByRole("heading", { name: "Thank you: we have your complaint" })).toBeVisible();
  const reference = (await page.locator("strong.font-mono").first().textContent())!.trim();
  expect(reference).toMatch(/^CR-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const link = await page.getByLabel("Your private tracking link").inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/track\/[A-Za-z0-9_-]{43}$/);
  await screenshots(page, "customer-filed");

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: `Complaint ${reference}` })).toBeVisible();
  await expect(page.getByText("Received", { exact: true })).toBeVisible();
  await expect(page.getByText(description)).toBeVisible();
  await expect(page.getByText("A replacement table, delivered by Friday.")).toBeVisible();
  const file = page.getByRole("link", { name: "split-leg.png" });
  const served = await page.request.get((await file.getAttribute("href"))!);
  expect(served.status()).toBe(200);
  expect(served.headers()).toMatchObject({ "content-type": "image/png", "x-content-type-options": "nosniff", "cache-control": "private, no-store" });
  await expect(page.locator("#timeline").getByText("You attached split-leg.png")).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");

  await page.getByLabel("Add a message").fill("I can send more photos of the leg if that helps.");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("Your message was added to your complaint.")).toBeVisible();
  const timeline = page.locator("#timeline");
  await expect(timeline.getByText("You wrote")).toBeVisible();
  await expect(timeline.getByText("I can send more photos of the leg if that helps.")).toBeVisible();
  await screenshots(page, "customer-tracking");
});

test("a made-up or malformed tracking link shows the same not-found page", async ({ page }) => {
  for (const token of ["A".repeat(43), "not-a-real-token"]) {
    const response = await page.goto(`/track/${token}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We can't find that page" })).toBeVisible();
  }
  await screenshots(page, "customer-not-found");
});

test("the track page explains where the link is", async ({ page }) => {
  await page.goto("/track");
  await expect(page.getByRole("heading", { level: 1, name: "Track a complaint" })).toBeVisible();
  await screenshots(page, "customer-track");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still validates, keeps values and files the complaint", async ({ page }) => {
    await page.goto("/complain");
    await page.getByLabel("Your name").fill("Alex Morgan");
    await page.getByRole("textbox", { name: "Phone" }).fill("07700 900123");
    await page.getByLabel("What is it about?").selectOption("not_sure");
    await page.getByLabel("What went wrong?").fill("short");
    await page.getByRole("button", { name: "Send complaint" }).click();
    await expect(page.locator("#description-error")).toHaveText("Please tell us a little more: at least 20 characters");
    await expect(page.getByRole("textbox", { name: "Phone" })).toHaveValue("07700 900123");

    await page.getByLabel("What went wrong?").fill("The installer scratched the kitchen floor and did not mention it.");
    await page.getByRole("button", { name: "Send complaint" }).click();
    await expect(page).toHaveURL(/\/track\/[A-Za-z0-9_-]{43}\?filed=1$/);
    await expect(page.getByRole("heading", { name: "Thank you: we have your complaint" })).toBeVisible();
  });
});

test("a half-written complaint comes back after a reload, can be started again, and is forgotten once filed", async ({ page }) => {
  const description = "The oven door came off its hinge on the second day and the glass cracked.";
  await page.goto("/complain");
  await page.getByLabel("Your name").fill("Casey Draft");
  await page.getByRole("textbox", { name: "Email" }).fill(`casey.${Date.now()}@example.com`);
  await page.getByRole("radio", { name: "Phone" }).check();
  await page.getByLabel("What is it about?").selectOption("not_sure");
  await page.getByLabel("What went wrong?").fill(description);

  // A phone's browser drops the page while the customer looks something up: it reloads.
  await page.reload();
  const kept = page.getByRole("status").filter({ hasText: "We kept what you had written on this page" });
  await expect(kept).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Casey Draft");
  await expect(page.getByRole("radio", { name: "Phone" })).toBeChecked();
  await expect(page.getByLabel("What is it about?")).toHaveValue("not_sure");
  await expect(page.getByLabel("What went wrong?")).toHaveValue(description);
  await screenshot(page, "complaint-draft-kept");

  // "Start again" empties it, for good.
  await kept.getByRole("button", { name: "Start again with an empty form" }).click();
  await expect(page.getByLabel("What went wrong?")).toHaveValue("");
  await expect(page.getByRole("radio", { name: "Phone" })).not.toBeChecked();
  await page.reload();
  await expect(page.getByLabel("Your name")).toHaveValue("");
  await expect(kept).toHaveCount(0);

  // Written again and sent: the next complaint form in this tab starts empty.
  await page.getByLabel("Your name").fill("Casey Draft");
  await page.getByRole("textbox", { name: "Email" }).fill(`casey.${Date.now()}@example.com`);
  await page.getByLabel("What is it about?").selectOption("not_sure");
  await page.getByLabel("What went wrong?").fill(description);
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByRole("heading", { name: "Thank you: we have your complaint" })).toBeVisible();
  await page.goto("/complain");
  await expect(page.getByLabel("Your name")).toHaveValue("");
  await expect(page.getByLabel("What went wrong?")).toHaveValue("");
  await expect(kept).toHaveCount(0);
});

test("a customer's half-written message on the tracking page survives a reload, and is forgotten once sent", async ({ page }) => {
  const filed = await fileComplaint(page.request, { name: "Robin Draft" });
  await page.goto(new URL(filed.trackingUrl!).pathname);
  const box = page.getByLabel("Add a message");
  await box.fill("The engineer can come any morning next week except Tuesday.");
  await page.reload();
  await expect(box).toHaveValue("The engineer can come any morning next week except Tuesday.");
  await expect(page.getByRole("status").filter({ hasText: "We kept the message you had started." })).toBeVisible();

  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("Your message was added to your complaint.")).toBeVisible();
  await expect(box).toHaveValue("");
  await expect(page).not.toHaveURL(/sent=1/);
  // The next message is kept across a reload too.
  await box.fill("Also, the code for the gate is 4471.");
  await page.reload();
  await expect(box).toHaveValue("Also, the code for the gate is 4471.");
});
