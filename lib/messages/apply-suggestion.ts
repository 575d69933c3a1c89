import type { BlameFlag } from "./blame-check";

/**
 * Replaces the sentence holding a flagged phrase with the check's neutral suggestion. Swapping
 * only the matched words would leave broken grammar ("it was I'm sorry for…"), so the whole
 * sentence goes; the rest of the message is untouched. Pure, so it runs on the server and is tested.
 */
export function applySuggestion(text: string, flag: Pick<BlameFlag, "start" | "end" | "suggestion">): string {
  if (flag.start < 0 || flag.end > text.length || flag.start >= flag.end) return text;
  const before = text.slice(0, flag.start);
  const lastStop = Math.max(before.lastIndexOf("."), before.lastIndexOf("!"), before.lastIndexOf("?"), before.lastIndexOf("\n"));
  let sentenceStart = lastStop + 1;
  while (sentenceStart < flag.start && /[ \t]/.test(text[sentenceStart]!)) sentenceStart += 1;

  const after = text.slice(flag.end);
  const stop = after.search(/[.!?\n]/);
  // The sentence's own full stop goes with it (the suggestion brings its own); a line break stays.
  const sentenceEnd = stop < 0 ? text.length : flag.end + stop + (after[stop] === "\n" ? 0 : 1);
  return text.slice(0, sentenceStart) + flag.suggestion + text.slice(sentenceEnd);
}
