import { randomBytes } from "node:crypto";

/**
 * Each case's reply address: the configured MAIL_REPLY_TO with "+<token>" after its local part
 * (complaints@example.com → complaints+3f9c…@example.com). Most mail providers deliver such
 * "plus" addresses to the base mailbox. The token is random (128 bits) and stored on the case,
 * so an address cannot be guessed from a reference or another case's address.
 */

const TOKEN = /^[0-9a-f]{32}$/;
const TOKEN_IN_ADDRESS = /\+([0-9a-f]{32})@/i;

export function newReplyToken(): string {
  return randomBytes(16).toString("hex");
}

/** The case's reply address, or null without a configured base address. */
export function replyAddress(base: string | null | undefined, token: string): string | null {
  if (!base || !TOKEN.test(token)) return null;
  const at = base.lastIndexOf("@");
  if (at < 1) return null;
  return `${base.slice(0, at)}+${token}${base.slice(at)}`;
}

/**
 * The reply tokens found in recipient addresses (To, Cc, Delivered-To…). Any "+<token>@" counts,
 * whatever the domain: forwarding may rewrite it, and only a token stored on a case matches one.
 */
export function replyTokensIn(addresses: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const address of addresses) {
    const match = TOKEN_IN_ADDRESS.exec(address);
    if (match) tokens.add(match[1]!.toLowerCase());
  }
  return [...tokens];
}
