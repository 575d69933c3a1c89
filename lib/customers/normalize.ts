/**
 * Normalised contact details, used to recognise a returning customer.
 * Emails: trimmed and lower-cased (we do not strip "+tags" or dots: those can be distinct mailboxes).
 * Phones: digits only, keeping a leading "+"; a national "0" prefix is kept as typed because
 * we do not know the country. Returns null when nothing usable is left.
 */
export function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

export function normalizePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length < 6) return null;
  const international = trimmed.startsWith("+") || trimmed.startsWith("00");
  const withoutPrefix = trimmed.startsWith("00") ? digits.slice(2) : digits;
  return international ? `+${withoutPrefix}` : withoutPrefix;
}
