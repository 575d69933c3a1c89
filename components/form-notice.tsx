import { headers } from "next/headers";
import { readNotice } from "@/lib/forms/notice";
import { answeringPlainPost } from "@/lib/forms/plain-post";
import { PAGE_PATH_HEADER } from "@/lib/http/request-headers";

/**
 * The answer to a form posted without JavaScript, which the server gave as a redirect back to the
 * page (lib/forms/run-form-action.ts). Shown at the top, where a fresh page starts; a forged or
 * expired notice shows nothing.
 */
export async function FormNotice() {
  // A page drawn as the answer to a post shows that answer in its form; the address may still
  // carry the notice of an earlier post.
  if (await answeringPlainPost()) return null;
  const notice = readNotice((await headers()).get(PAGE_PATH_HEADER));
  if (!notice) return null;
  const refused = notice.tone === "refused";
  return (
    <div
      role={refused ? "alert" : "status"}
      className={
        refused
          ? "border-b border-red-300 bg-red-50 px-4 py-3 text-center text-sm font-medium text-red-900"
          : "border-b border-emerald-300 bg-emerald-50 px-4 py-3 text-center text-sm font-medium text-emerald-900"
      }
    >
      {notice.message}
    </div>
  );
}
