/**
 * Whether a customer can only be reached by phone: no email address (or their personal data was
 * erased). Such customers get no emails; the case page should say "contact by phone". Pure, so
 * client components can use it too.
 */
export function contactByPhoneOnly(customer: { email: string | null; erasedAt?: Date | null }): boolean {
  return !customer.email || Boolean(customer.erasedAt);
}
