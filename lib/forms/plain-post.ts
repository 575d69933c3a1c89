import "server-only";
import { headers } from "next/headers";
import { PLAIN_POST_HEADER } from "@/lib/http/request-headers";

/**
 * Whether this page is drawn as the answer to a form posted without JavaScript. Such an answer is
 * a refusal (successes are redirected): the page then opens its collapsed sections, since no script
 * is there to open the one whose form shows the refusal.
 */
export async function answeringPlainPost(): Promise<boolean> {
  return (await headers()).has(PLAIN_POST_HEADER);
}
