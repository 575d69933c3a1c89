/** Tab values of the composer, as they appear in `?compose=`. */
export const COMPOSE_TABS = ["reply", "note", "call", "call-summary", "restate"] as const;
export type ComposeTab = (typeof COMPOSE_TABS)[number];

export function composeTabOf(value: string | null): ComposeTab {
  return (COMPOSE_TABS as readonly string[]).includes(value ?? "") ? (value as ComposeTab) : "reply";
}

/** The current URL's query with another composer tab (other parameters, like the timeline filter, kept). */
export function composeHref(params: URLSearchParams | { toString(): string }, tab: ComposeTab, call?: number): string {
  const next = new URLSearchParams(params.toString());
  if (tab === "reply") next.delete("compose");
  else next.set("compose", tab);
  if (call !== undefined) next.set("call", String(call));
  else if (tab !== "call-summary") next.delete("call");
  const query = next.toString();
  return `${query ? `?${query}` : "?"}#composer`;
}
