/**
 * Reading a JSON request body that nobody vouches for: refused as early and as cheaply as
 * possible, each way with its own reason, so the caller can answer each one in its own words.
 */
export type JsonBodyProblem =
  | "unsupported_media_type"
  | "payload_too_large"
  | "invalid_encoding"
  /** The client stopped sending (it disconnected) before the body was complete. */
  | "incomplete_body"
  | "too_deep"
  | "invalid_json"
  | "not_an_object";

export type JsonObjectBody = { ok: true; body: Record<string, unknown> } | { ok: false; problem: JsonBodyProblem };

/**
 * True when the JSON text nests arrays or objects deeper than `limit`. One pass over the text,
 * skipping strings (with their escapes), so brackets inside text do not count. Invalid JSON is
 * left to JSON.parse.
 */
export function jsonNestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

/**
 * Reads the body as UTF-8 text, stopping as soon as it passes `maxBytes` (a lying Content-Length
 * cannot get past it). Bytes that are not UTF-8 are refused, not turned into replacement characters.
 */
async function readCapped(request: Request, maxBytes: number): Promise<{ text: string } | { problem: JsonBodyProblem }> {
  if (!request.body) return { text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let read: ReadableStreamReadResult<Uint8Array>;
    try {
      read = await reader.read();
    } catch {
      // A client hanging up: its socket error must not pass for anything else (it looks like a
      // database outage).
      return { problem: "incomplete_body" };
    }
    if (read.done) break;
    total += read.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { problem: "payload_too_large" };
    }
    chunks.push(read.value);
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { problem: "invalid_encoding" };
  }
}

/**
 * A request body that must be one JSON object: sent as application/json, at most `maxBytes`
 * (declared or actual), UTF-8, nested at most `maxDepth` deep (a megabyte of "[[[[…" costs the
 * parser many times a flat body, so the text is scanned before JSON.parse builds it).
 */
export async function readJsonObject(request: Request, { maxBytes, maxDepth }: { maxBytes: number; maxDepth: number }): Promise<JsonObjectBody> {
  const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json") return { ok: false, problem: "unsupported_media_type" };
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, problem: "payload_too_large" };
  const read = await readCapped(request, maxBytes);
  if ("problem" in read) return { ok: false, problem: read.problem };
  if (jsonNestedDeeperThan(read.text, maxDepth)) return { ok: false, problem: "too_deep" };
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return { ok: false, problem: "invalid_json" };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ok: false, problem: "not_an_object" };
  return { ok: true, body: body as Record<string, unknown> };
}
