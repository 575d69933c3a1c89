import type { Metadata } from "next";

/**
 * Tracking links are private: keep them out of search engines, and out of the Referer header
 * when a customer follows a link away from their case. "same-origin" rather than "no-referrer":
 * with no-referrer the browser sends `Origin: null` on form posts, and Next refuses a server
 * action from a null origin, so the page's forms would fail without JavaScript.
 */
export const metadata: Metadata = {
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

export default function TrackLayout({ children }: { children: React.ReactNode }) {
  return children;
}
