import { describe, expect, it } from "vitest";
import { API_POLICY, ATTACHMENT_POLICY, contentSecurityPolicy, IMAGE_ATTACHMENT_POLICY, newNonce, PDF_ATTACHMENT_POLICY, setsOwnPolicy } from "./csp";

describe("content security policy", () => {
  it("lets only scripts carrying this response's nonce run, and nothing evaluated in production", () => {
    const policy = contentSecurityPolicy("abc123");
    const directives = Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
    expect(directives["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(policy).not.toContain("unsafe-eval");
    expect(directives["script-src"]).not.toContain("'unsafe-inline'");
  });

  it("allows eval only for the development server's overlays", () => {
    expect(contentSecurityPolicy("n", { development: true })).toContain("'unsafe-eval'");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("locks framing, base URLs, form targets and plugins on every kind of response", () => {
    const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d] as const));
    for (const policy of [contentSecurityPolicy("n"), API_POLICY, ATTACHMENT_POLICY, IMAGE_ATTACHMENT_POLICY]) {
      const d = directives(policy);
      expect(d.get("frame-ancestors"), policy).toBe("frame-ancestors 'none'");
      expect(d.get("base-uri"), policy).toBe("base-uri 'self'");
      expect(d.get("form-action"), policy).toBe("form-action 'self'");
      expect(d.get("object-src"), policy).toBe("object-src 'none'");
    }
    // Chromium's PDF viewer is a plugin: an inline PDF may use it, nothing else changes.
    expect(directives(PDF_ATTACHMENT_POLICY).get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(ATTACHMENT_POLICY).toMatch(/^default-src 'none'; sandbox;/);
    expect(IMAGE_ATTACHMENT_POLICY).toContain("sandbox");
  });

  it("leaves the customers' file routes to set their own policy", () => {
    expect(setsOwnPolicy("/track/abc/attachments/0b4c1c62-4bd8-4a8f-9d39-8f0f3c1d2e3a")).toBe(true);
    expect(setsOwnPolicy("/cases/CR-2345-6789/attachments/0b4c1c62-4bd8-4a8f-9d39-8f0f3c1d2e3a")).toBe(true);
    expect(setsOwnPolicy("/track/abc")).toBe(false);
    expect(setsOwnPolicy("/cases/CR-2345-6789")).toBe(false);
    expect(setsOwnPolicy("/settings/attachments/x")).toBe(false);
  });
});
