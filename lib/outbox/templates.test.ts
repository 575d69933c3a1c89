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

  describe("never two greetings", () => {
    const template = DEFAULT_TEMPLATES.staff_reply;
    const render = (message: string) => renderTemplate(template, { customerName: "Maria Lopez", message, trackingUrl: "https://x.test/t" }, "Acme").text;

    it.each([
      ["Dear Maria,\nThe engineer comes on Friday.", "The engineer comes on Friday."],
      ["Dear Maria,\n\nThe engineer comes on Friday.", "The engineer comes on Friday."],
      ["Dear Maria,\r\n\r\nThe engineer comes on Friday.", "The engineer comes on Friday."],
      ["Dear Maria, the engineer comes on Friday.", "The engineer comes on Friday."],
      ["Hi Maria! Good news: the part has arrived.", "Good news: the part has arrived."],
      ["Hello,\nthe engineer comes on Friday.", "The engineer comes on Friday."],
      ["Good morning Ms Lopez,\nYour refund has been sent.", "Your refund has been sent."],
    ])("leaves out the staff member's greeting in %j", (message, kept) => {
      const text = render(message);
      expect(text.match(/\b(?:dear|hi|hello|good morning)\b/gi)).toEqual(["Dear"]);
      expect(text).toContain(`Dear Maria Lopez,\n\n${kept}`);
    });

    it.each(["Hello there is a delay with your part.", "High winds delayed the van.", "Dear customers who ordered in May often ask this, so here is the answer."])(
      "keeps text that only starts like a greeting: %j",
      (message) => {
        expect(render(message)).toContain(message);
      },
    );

    it("keeps the staff member's greeting when the owner's template does not greet", () => {
      const text = renderTemplate({ subject: "Re", body: "{{message}}\n\n{{trackingUrl}}" }, { message: "Dear Maria,\nThanks.", trackingUrl: "https://x.test/t" }, "Acme").text;
      expect(text).toContain("Dear Maria,\nThanks.");
    });
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
