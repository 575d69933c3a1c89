import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { fileComplaint } from "./helpers/complaints";
import { screenshot } from "./helpers/screenshots";

test.describe.serial("a customer's personal data", () => {
  let reference = "";
  let customerId = "";
  let trackingUrl = "";
  const email = `privacy.${Date.now()}@example.com`;

  test("an agent does not see the privacy tools, and the export refuses them", async ({ page }) => {
    const filed = await fileComplaint(page.request, { name: "Pia Private", email, orderReference: "ORD-PRIV-77" });
    reference = filed.reference;
    trackingUrl = filed.trackingUrl ?? "";
    await signIn(page, DEMO_ACCOUNTS.agent);
    await page.goto(`/cases/${reference}`);
    const panel = page.locator("section").filter({ has: page.getByRole("heading", { name: "Customer", exact: true }) });
    await expect(panel).toContainText("Pia Private");
    await expect(page.getByRole("link", { name: "Export data" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Erase personal data" })).toHaveCount(0);
    // Whatever id they try, the route answers 403 before looking anything up.
    const refused = await page.request.get("/api/customers/00000000-0000-4000-8000-000000000000/export");
    expect(refused.status()).toBe(403);
  });

  test("an owner exports the data, then erases it after confirming", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.owner);
    await page.goto(`/cases/${reference}`);
    const exportLink = page.getByRole("link", { name: "Export data" });
    customerId = (await exportLink.getAttribute("href"))!.split("/")[3]!;

    const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
    expect(download.suggestedFilename()).toBe(`customer-${customerId}.json`);
    const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as {
      customer: { name: string; email: string };
      complaints: Array<{ reference: string; orderReference: string; timeline: Array<{ type: string }> }>;
    };
    expect(data.customer).toMatchObject({ name: "Pia Private", email });
    expect(data.complaints.map((c) => c.reference)).toContain(reference);
    expect(data.complaints[0]).toMatchObject({ orderReference: "ORD-PRIV-77" });

    // The confirmation step: a wrong word erases nothing.
    await page.getByRole("button", { name: "Erase personal data" }).click();
    const form = page.getByRole("form", { name: "Erase personal data" });
    await expect(form).toContainText("This cannot be undone.");
    await screenshot(page, "privacy-case-erase-confirm");
    const confirmation = form.getByRole("textbox", { name: `Type ERASE or ${reference} to confirm` });
    await confirmation.fill("delete");
    await form.getByRole("button", { name: "Erase permanently" }).click();
    await expect(page.getByText(`That does not match. Type ERASE or ${reference} to confirm.`)).toBeVisible();
    await expect(page.getByText("Pia Private").first()).toBeVisible();
    await screenshot(page, "privacy-case-erase-refused");

    await page.getByRole("textbox", { name: `Type ERASE or ${reference} to confirm` }).fill("ERASE");
    await page.getByRole("button", { name: "Erase permanently" }).click();
    await expect(page.getByText(/Personal data erased on \d{1,2} \w{3} \d{4}\./)).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Personal data erased from 1 case." })).toBeVisible();
    await expect(page.getByText("Pia Private")).toHaveCount(0);
    await expect(page.getByText("The parcel arrived two weeks late")).toHaveCount(0);
    await expect(page.getByText("[removed at the customer's request]").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Erase personal data" })).toHaveCount(0);
    await screenshot(page, "privacy-case-erased");

    // The tracking link no longer opens the case.
    if (trackingUrl) {
      const tracking = await page.request.get(new URL(trackingUrl).pathname);
      expect(await tracking.text()).not.toContain(reference);
    }

    // Both actions are in the audit log.
    await page.goto("/settings/privacy");
    const log = page.getByRole("table", { name: "Audit log, newest first" });
    await expect(log.locator("tbody tr").first()).toContainText("Erased a customer's personal data (1 case)");
    await expect(log).toContainText("Exported a customer's data (1 case)");
    await screenshot(page, "privacy-settings-privacy");
  });

  test("a staff download of an attachment is written to the audit log", async ({ page }) => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108020000009077530000000c4944415478da63f8ffff3f0005fe02fea7d60a9b0000000049454e44ae426082", "hex");
    await page.goto("/complain");
    await page.getByLabel("Your name").fill("Abe Attach");
    await page.getByRole("textbox", { name: "Email" }).fill(`abe.${Date.now()}@example.com`);
    await page.getByLabel("What is it about?").selectOption("not_sure");
    await page.getByLabel("What went wrong?").fill("The lamp arrived with a cracked shade, photo attached.");
    await page.getByLabel("Photos or documents").setInputFiles({ name: "shade.png", mimeType: "image/png", buffer: png });
    await page.getByRole("button", { name: "Send complaint" }).click();
    await expect(page.getByRole("heading", { name: "Thank you: we have your complaint" })).toBeVisible();
    const filed = (await page.locator("strong.font-mono").first().textContent())!.trim();

    await signIn(page, DEMO_ACCOUNTS.supervisor);
    await page.goto(`/cases/${filed}`);
    const served = await page.request.get((await page.getByRole("link", { name: "shade.png" }).getAttribute("href"))!);
    expect(served.status()).toBe(200);

    await signIn(page, DEMO_ACCOUNTS.owner);
    await page.goto("/settings/privacy");
    const row = page.getByRole("table", { name: "Audit log, newest first" }).locator("tbody tr").first();
    await expect(row).toContainText("Downloaded an attachment");
    await expect(row).toContainText("Sam");
    await expect(row.getByRole("link", { name: filed })).toBeVisible();
  });

  test("the owner sets and clears the retention period, with a clear refusal for nonsense", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.owner);
    await page.goto("/settings/privacy");
    const months = page.getByRole("spinbutton", { name: /Anonymise closed cases after/ });
    await months.fill("0");
    await page.getByRole("button", { name: "Save retention period" }).click();
    await expect(page.getByText("The retention period must be at least 1 month (leave it empty to keep cases)")).toBeVisible();
    await screenshot(page, "privacy-settings-privacy-error");
    await page.getByRole("spinbutton", { name: /Anonymise closed cases after/ }).fill("36");
    await page.getByRole("button", { name: "Save retention period" }).click();
    await expect(page.getByText("Saved. Closed cases are anonymised 36 months after closing.")).toBeVisible();
    await page.getByRole("spinbutton", { name: /Anonymise closed cases after/ }).fill("");
    await page.getByRole("button", { name: "Save retention period" }).click();
    await expect(page.getByText("Saved. Closed cases are kept until you erase them.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Audit log, newest first" }).locator("tbody tr").first()).toContainText("36 months → keep forever");
  });
});
