import "server-only";
import { hasRole } from "@/lib/auth/roles";
import { getStaffForRoute } from "@/lib/auth/session";
import { readImportForm, type ImportRequest } from "@/lib/import/form";

/**
 * Both import routes: owners only (checked here, next to the data), same-origin posts only (the
 * session cookie alone must not be enough for another site to start an import), then the form.
 */
export async function guardImport(request: Request): Promise<{ ok: true; input: ImportRequest } | { ok: false; response: Response }> {
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host")) {
    return { ok: false, response: Response.json({ error: "Cross-site request refused." }, { status: 403 }) };
  }
  const user = await getStaffForRoute();
  if (!user) return { ok: false, response: Response.json({ error: "Sign in to import complaints." }, { status: 401 }) };
  if (!hasRole(user.role, "owner")) return { ok: false, response: Response.json({ error: "Only the owner can import complaints." }, { status: 403 }) };
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return { ok: false, response: Response.json({ error: "Send the file as a form upload." }, { status: 400 }) };
  }
  const read = await readImportForm(form);
  if (!read.ok) return { ok: false, response: Response.json({ error: read.message }, { status: read.status }) };
  return { ok: true, input: read.request };
}
