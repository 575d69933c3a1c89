import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { getStaffForRoute } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/cases/errors";
import { exportCustomerData, exportFileName } from "@/lib/privacy/export";

/**
 * Everything held about one customer, as a JSON download (a subject access request). Owners
 * only; each export is written to the audit log.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getStaffForRoute();
  if (!user) return Response.json({ error: "Sign in to export a customer's data." }, { status: 401 });
  if (!hasRole(user.role, "owner")) return Response.json({ error: "Only an owner can export a customer's data." }, { status: 403 });

  const { id } = await params;
  try {
    const data = await exportCustomerData(await getDb(), user, id);
    return new Response(`${JSON.stringify(data, null, 2)}\n`, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${exportFileName(id)}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
}
