/**
 * Which case a tracking-page form answers: every form carries the token in this hidden field
 * rather than having it bound to its action (see ../actions.ts for why).
 */
export function TokenField({ token }: { token: string }) {
  return <input type="hidden" name="token" value={token} />;
}
