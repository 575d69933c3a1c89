import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, PLACEHOLDERS, renderTemplate, SAMPLE_VALUES, validateTemplate } from "./templates";

describe("email templates", () => {
  it("accepts every built-in template", () => {
    for (const [kind, template] of Object.entries(DEFAULT_TEMPLATES)) {
      expect(validateTemplate(kind as keyof typeof DEFAULT_TEMPLATES, template), kind).toEqual({});
    }
  });

  it("names unknown placeholders and lists the ones allowed", () => {
    const errors = validateTemplate("staff_reply", { subject: "About {{refrence}}", body: "{{message}} {{trackingUrl}}" });
    expect(errors.subject).toBe(
      `Unknown placeholder {{refrence}}. This email can use: ${PLACEHOLDERS.staff_reply.map((p) => `{{${p}}}`).join(", ")}`,
    );
  });

  it("refuses half-written placeholders and a body without the link it needs", () => {
    expect(validateTemplate("acknowledgement", { subject: "Hi {{reference", body: "{{trackingUrl}}" }).subject).toMatch(/is not a placeholder/);
    expect(validateTemplate("acknowledgement", { subject: "Hi", body: "Thanks {{customerName}}" }).body).toBe(
      "The text must include {{trackingUrl}}: without it this email would be no use to the customer",
    );
    expect(validateTemplate("acknowledgement", { subject: "a\nb", body: "{{trackingUrl}}" }).subject).toBe("The subject must be on one line");
  });

  it("escapes every value in the HTML part and links URLs", () => {
    const rendered = renderTemplate(
      { subject: "Re {{reference}}", body: "Dear {{customerName}},\n\n{{message}}\n\n{{trackingUrl}}" },
      { customerName: `<script>alert("x")</script>`, message: "Line one\nLine <b>two</b>", reference: "CR-1", trackingUrl: "https://x.test/track/a?b=1&c=2" },
      "Bob & Sons",
    );
    expect(rendered.text).toBe(`Dear <script>alert("x")</script>,\n\nLine one\nLine <b>two</b>\n\nhttps://x.test/track/a?b=1&c=2`);
    expect(rendered.html).not.toContain("<script>");
    expect(rendered.html).toContain("Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,");
    expect(rendered.html).toContain("Line one<br>Line &lt;b&gt;two&lt;/b&gt;");
    expect(rendered.html).toContain('<a href="https://x.test/track/a?b=1&amp;c=2"');
    expect(rendered.html).toContain("Bob &amp; Sons");
  });

  it("leaves no empty paragraph for an empty optional value, and keeps the subject on one line", () => {
    const rendered = renderTemplate(DEFAULT_TEMPLATES.closure, { ...SAMPLE_VALUES, message: "", reference: "CR-1\r\nBcc: x" }, "Shop");
    expect(rendered.text).not.toMatch(/\n{3,}/);
    expect(rendered.subject).toBe("Your complaint CR-1 Bcc: x is closed");
  });
});
