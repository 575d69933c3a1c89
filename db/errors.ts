/** The PostgreSQL error behind a failed query, whichever driver raised it (drizzle wraps it in `cause`). */
export type PgError = { code?: string; message: string; constraint?: string; constraint_name?: string };

export function pgErrorOf(error: unknown): PgError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (typeof current === "object" && current !== null && "code" in current && typeof (current as PgError).code === "string") {
      return current as PgError;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export const PG_UNIQUE_VIOLATION = "23505";
export const PG_INTEGRITY_VIOLATION = "23000";

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  if (pg?.code !== PG_UNIQUE_VIOLATION) return false;
  if (!constraint) return true;
  return (pg.constraint ?? pg.constraint_name ?? pg.message).includes(constraint);
}
