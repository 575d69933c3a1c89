import { describe, expect, it } from "vitest";
import { attachmentResponse, contentDisposition } from "./attachment-response";

// The response only reads the length of the bytes; their type was checked at upload.
const content = Buffer.from("stored bytes");

describe("attachmentResponse", () => {
  it("downloads a file stored under a misleading name (before names were corrected) by its type's extension", () => {
    const response = attachmentResponse({ fileName: "x.html", contentType: "image/png", content });
    expect(response.headers.get("content-disposition")).toBe("inline; filename=\"x.png\"; filename*=UTF-8''x.png");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    const staff = attachmentResponse({ fileName: "photo.jpeg", contentType: "image/jpeg", content }, { download: true });
    expect(staff.headers.get("content-disposition")).toMatch(/^attachment; filename="photo.jpeg"/);
  });
});

describe("file names", () => {
  it("are sent in a header that survives non-ASCII names", () => {
    expect(contentDisposition("reçu été.pdf", "inline")).toBe(
      "inline; filename=\"re_u _t_.pdf\"; filename*=UTF-8''re%C3%A7u%20%C3%A9t%C3%A9.pdf",
    );
  });
});
