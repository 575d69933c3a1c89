/**
 * Where "Open a corrective action" goes from a finding: the new-action page with the case list's
 * own query (?rootCause=…&process=…&from=…&to=…), so the cause or process is chosen and the
 * complaints the finding stands for come pre-linked. Takes the finding's case-list link, so the
 * two can never filter differently.
 */
export function openActionHref(casesHref: string): string {
  const query = casesHref.includes("?") ? casesHref.slice(casesHref.indexOf("?")) : "";
  return `/improvements/new${query}`;
}
