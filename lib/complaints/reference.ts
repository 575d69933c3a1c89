import { createHash, randomBytes, randomInt } from "node:crypto";

/** Letters and digits that cannot be mistaken for one another when read aloud or copied (no 0/O, 1/I/L, U/V). */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
const REFERENCE_LENGTH = 8;

/** A short human reference like "CR-7KQ4-M9TA" (29^8 ≈ 5·10^11 values; the unique index catches a collision). */
export function generateReference(): string {
  let chars = "";
  for (let i = 0; i < REFERENCE_LENGTH; i++) chars += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `CR-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Normalises what a person typed ("cr 7kq4m9ta") to the stored form, or null if it cannot be one. */
export function normalizeReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, "").replace(/^CR/, "");
  if (compact.length !== REFERENCE_LENGTH) return null;
  if ([...compact].some((c) => !REFERENCE_ALPHABET.includes(c))) return null;
  return `CR-${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** 256 random bits, URL-safe. Only its hash is stored. */
export function generateTrackingToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashTrackingToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens are exactly 43 base64url characters; anything else is not looked up at all. */
export function isWellFormedTrackingToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
