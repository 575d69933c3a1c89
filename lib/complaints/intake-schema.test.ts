import { describe, expect, it } from "vitest";
import { intakeValuesFromFormData, isHoneypotFilled, parseIntake, stripControlCharacters, visibleLength } from "./intake-schema";

const valid = {
  name: "Sam Carter",
  email: "sam@example.com",
  phone: "",
  processId: "not_sure",
  description: "The parcel arrived two weeks late and the box was crushed.",
  website: "",
};

function errorsFor(input: Record<string, unknown>) {
  const result = parseIntake({ ...valid, ...input });
  if (result.kind !== "invalid") throw new Error(`expected invalid, got ${result.kind}`);
  return result.fieldErrors;
}

describe("parseIntake", () => {
  it("accepts a complete complaint and turns blanks into null", () => {
    const result = parseIntake({ ...valid, desiredOutcome: "  ", orderReference: "A-1", occurredOn: "2024-02-29" });
    expect(result).toEqual({
      kind: "valid",
      data: {
        name: "Sam Carter",
        email: "sam@example.com",
        phone: null,
        preferredContact: "email",
        processId: null,
        orderReference: "A-1",
        occurredOn: "2024-02-29",
        description: valid.description,
        desiredOutcome: null,
        idempotencyKey: null,
      },
    });
  });

  it("accepts a process id and normalises it to lower case", () => {
    const result = parseIntake({ ...valid, processId: "0B0F4E9A-1C2D-4E5F-8A9B-0C1D2E3F4A5B" });
    expect(result.kind === "valid" && result.data.processId).toBe("0b0f4e9a-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
  });

  it("defaults the preferred contact to the only channel given", () => {
    const result = parseIntake({ ...valid, email: "", phone: "+44 (0)20 7946 0018" });
    expect(result.kind === "valid" && result.data.preferredContact).toBe("phone");
  });

  it.each([
    [{ name: "  " }, "name", "Please tell us your name"],
    [{ name: "x".repeat(121) }, "name", "Please keep your name under 120 characters"],
    [{ email: "not-an-email" }, "email", "Please enter a valid email address, like name@example.com"],
    [{ email: "", phone: "" }, "email", "Please give an email address or a phone number so we can reach you"],
    [{ phone: "12345" }, "phone", "Please enter a phone number with 6 to 20 digits"],
    [{ phone: "call me maybe" }, "phone", "Please enter a phone number with 6 to 20 digits"],
    [{ phone: "1".repeat(21) }, "phone", "Please enter a phone number with 6 to 20 digits"],
    [{ preferredContact: "phone" }, "preferredContact", "We can only phone you if you give a phone number"],
    [{ preferredContact: "fax" }, "preferredContact", "Please choose email or phone"],
    [{ processId: "" }, "processId", "Please choose what your complaint is about, or “Not sure”"],
    [{ processId: "delivery" }, "processId", "Please choose what your complaint is about, or “Not sure”"],
    [{ orderReference: "x".repeat(101) }, "orderReference", "Order or booking references can be at most 100 characters"],
    [{ occurredOn: "2026-02-30" }, "occurredOn", "Please enter a real date, like 2026-03-31"],
    [{ occurredOn: "3000-01-01" }, "occurredOn", "That date is in the future: please check it"],
    [{ occurredOn: "1999-12-31" }, "occurredOn", "Please enter a date from the year 2000 onwards"],
    [{ description: "" }, "description", "Please tell us what went wrong"],
    [{ description: "   too short       " }, "description", "Please tell us a little more: at least 20 characters"],
    [{ description: "x".repeat(10_001) }, "description", "Please keep your description under 10,000 characters"],
    [{ desiredOutcome: "x".repeat(5_001) }, "desiredOutcome", "Please keep this under 5,000 characters"],
    [{ idempotencyKey: "k".repeat(101) }, "idempotencyKey", "Idempotency keys can be at most 100 characters"],
    [{ description: 42 }, "description", "Description must be text"],
  ])("rejects %j on %s", (input, field, message) => {
    expect(errorsFor(input)).toMatchObject({ [field]: message });
  });

  it("reports every invalid field at once", () => {
    const errors = errorsFor({ name: "", email: "nope", description: "short" });
    expect(Object.keys(errors).sort()).toEqual(["description", "email", "name"]);
  });

  it("asks for missing fields the way it asks for blank ones, contact included", () => {
    expect(parseIntake({})).toEqual({
      kind: "invalid",
      fieldErrors: {
        name: "Please tell us your name",
        email: "Please give an email address or a phone number so we can reach you",
        processId: "Please choose what your complaint is about, or “Not sure”",
        description: "Please tell us what went wrong",
      },
    });
  });

  it("sees a filled honeypot (the caller, the web form, decides what to do with it)", () => {
    expect(isHoneypotFilled({ ...valid, website: "http://spam.example" })).toBe(true);
    expect(isHoneypotFilled({ ...valid, website: "" })).toBe(false);
    expect(isHoneypotFilled(valid)).toBe(false);
  });

  it("strips control characters but keeps newlines and tabs", () => {
    const result = parseIntake({ ...valid, name: "Sam\u0000 Carter\u001b", description: "Line one is long enough\r\n\tLine two\u0007\u009b" });
    expect(result.kind === "valid" && result.data.name).toBe("Sam Carter");
    expect(result.kind === "valid" && result.data.description).toBe("Line one is long enough\n\tLine two");
  });

  it("removes bidirectional controls from names and text", () => {
    const bidi = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
    const result = parseIntake({
      ...valid,
      name: `Sam \u202Enosirrah${bidi}`,
      description: `The invoice\u202E fdp.exe was attached ${bidi}to my order email.`,
      desiredOutcome: `Refund\u2067 please\u2069`,
      orderReference: "A-\u200F1",
    });
    expect(result.kind).toBe("valid");
    if (result.kind !== "valid") return;
    expect(result.data.name).toBe("Sam nosirrah");
    expect(result.data.description).toBe("The invoice fdp.exe was attached to my order email.");
    expect(result.data.desiredOutcome).toBe("Refund please");
    expect(result.data.orderReference).toBe("A-1");
    // Right-to-left text itself is kept: only the invisible controls go.
    expect(stripControlCharacters("שלום عليكم")).toBe("שלום عليكم");
  });

  it("counts visible characters towards the minimum lengths", () => {
    expect(errorsFor({ description: "\u200B".repeat(25) }).description).toBe("Please tell us what went wrong");
    expect(errorsFor({ description: `short${"\u200B\u200C\u200D\u2060\uFEFF\u00AD\u3164".repeat(5)}` }).description).toMatch(/at least 20/);
    expect(errorsFor({ description: `${"\u202E".repeat(30)}nineteen characters` }).description).toMatch(/at least 20/);
    expect(errorsFor({ name: "\u200B\u200B\u200B" }).name).toBe("Please tell us your name");
    // A joiner inside an emoji sequence stays; the visible text counts as usual.
    expect(parseIntake({ ...valid, description: "The family 👨‍👩‍👧 room was double-booked." }).kind).toBe("valid");
    expect(visibleLength("\u200B".repeat(25))).toBe(0);
    expect(visibleLength("e\u0301te\u0301")).toBe(3);
  });

  it("counts the description's length after trimming and stripping", () => {
    expect(errorsFor({ description: `${"\u0001".repeat(30)}nineteen characters` }).description).toMatch(/at least 20/);
  });
});

describe("stripControlCharacters", () => {
  it("folds Windows and old Mac line endings into newlines", () => {
    expect(stripControlCharacters("a\r\nb\rc")).toBe("a\nb\nc");
  });
});

describe("intakeValuesFromFormData", () => {
  it("reads every text field and ignores files", () => {
    const form = new FormData();
    form.set("name", "Sam");
    form.set("attachments", new Blob(["x"]), "a.txt");
    const values = intakeValuesFromFormData(form);
    expect(values.name).toBe("Sam");
    expect(values.description).toBe("");
    expect(values).not.toHaveProperty("attachments");
  });
});
