import { z } from "zod";
import { parseTrustProxy, TrustProxyError } from "@/lib/security/trust-proxy.mjs";

/**
 * The environment, read and validated once. Everything else imports `env` instead of
 * reading process.env, so a misconfiguration fails at start with a clear message.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** PostgreSQL connection string. Unset: the embedded PGlite database under PGLITE_DIR. */
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  /** Public base URL used in tracking links, e.g. https://complaints.example.com */
  APP_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  /** Outgoing mail, e.g. smtp://user:pass@mail.example.com:587. Unset: emails wait in the outbox (Settings → Outbox). */
  SMTP_URL: z.string().url().optional(),
  /** The sender of every email, e.g. "Harbour & Hearth <complaints@example.com>". */
  MAIL_FROM: z.string().min(3).default("CaseRoot <no-reply@localhost>"),
  /**
   * Where customers' replies go, e.g. "complaints@example.com": each case's emails carry
   * Reply-To "complaints+<token>@example.com" (the token is the case's, random), and the mailbox
   * read by IMAP_URL must receive that address's mail (most providers deliver "+anything" to the
   * base address). Unset: no Reply-To; replies to MAIL_FROM are still matched by their
   * In-Reply-To and References headers if MAIL_FROM's mailbox is the one read.
   */
  MAIL_REPLY_TO: z.email("must be an email address, e.g. complaints@example.com").optional(),
  /**
   * The mailbox CaseRoot reads customers' emails from, e.g. imaps://user:password@imap.example.com/INBOX
   * (imaps: TLS on connect, port 993 unless given; imap: plain or STARTTLS, port 143; the path is
   * the folder, INBOX unless given). Unset: nothing reads mail (`npm run mail:ingest` still works).
   */
  IMAP_URL: z.string().url().refine((url) => /^imaps?:\/\//.test(url), "must start with imap:// or imaps://").optional(),
  /** "off" when this instance should not read the mailbox (another instance or `npm run worker` does). */
  MAIL_WORKER: z.enum(["on", "off"]).default("on"),
  /** "off" when separate `npm run worker` processes deliver the outbox instead of the app itself. */
  OUTBOX_WORKER: z.enum(["on", "off"]).default("on"),
  /**
   * Scales every per-address rate limit in lib/security/limits.ts (2 doubles them, 0.5 halves
   * them). The sign-in lockout of an account is not scaled. Default 1: the limits as written.
   */
  RATE_LIMIT_MULTIPLIER: z.coerce
    .number({ error: "must be a number, e.g. 1 or 2.5" })
    .positive("must be more than 0")
    .max(10_000, "must be at most 10000")
    .default(1),
  /**
   * Where the analytics page's figures come from: "copy" (an in-memory columnar copy per instance,
   * kept current from PostgreSQL's change log; see docs/decisions/0013) or "postgres" (every
   * figure an aggregate over the database itself, as before the copy existed).
   */
  ANALYTICS_ENGINE: z.enum(["copy", "postgres"]).default("copy"),
  /**
   * PostgreSQL connections per instance kept apart for owners' reports (the analytics page and
   * its exports), beside the app's 10: a burst of reports waits for these instead of taking
   * every connection while agents wait behind it.
   */
  REPORTS_DB_CONNECTIONS: z.coerce.number({ error: "must be a whole number, e.g. 3" }).int("must be a whole number").min(1, "must be at least 1").max(50, "must be at most 50").default(3),
  /**
   * The absolute lifetime of a staff session, in days from sign-in: after it, the person signs in
   * again however active they were (the idle lifetime, 12 hours without a request, applies too).
   */
  SESSION_MAX_AGE_DAYS: z.coerce.number({ error: "must be a number of days, e.g. 7" }).positive("must be more than 0").max(366, "must be at most 366").default(7),
  /**
   * Which proxies in front of the app may say who the client is in X-Forwarded-For: a hop count
   * and/or proxy addresses, CIDR ranges, loopback/private/linklocal (lib/security/trust-proxy.mjs).
   * Unset: nobody; the client's address is the connection's. scripts/server.mjs applies it; it
   * is read here too so that a mistake fails at start however the app is run.
   */
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((text, context) => {
      try {
        return parseTrustProxy(text);
      } catch (error) {
        if (!(error instanceof TrustProxyError)) throw error;
        context.addIssue({ code: "custom", message: error.message.replace(/^TRUST_PROXY: /, "") });
        return z.NEVER;
      }
    }),
  /**
   * /api/health answers 503 "degraded" while the event loop's 99th-percentile delay over the
   * last few seconds is above this many milliseconds (lib/resilience/event-loop.ts).
   */
  EVENT_LOOP_DELAY_LIMIT_MS: z.coerce
    .number({ error: "must be a number of milliseconds, e.g. 1000" })
    .int("must be a whole number of milliseconds")
    .min(10, "must be at least 10")
    .max(600_000, "must be at most 600000")
    .default(1000),
  /** How much the app logs (JSON lines on stdout, lib/observability/log.ts): trace, debug, info, warn, error, fatal or silent. */
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], { error: "must be one of trace, debug, info, warn, error, fatal, silent" }).default("info"),
  /** Set by scripts/e2e-server.mjs and e2e/helpers/servers.ts only: turns on /api/test-hooks. Never set it in production. */
  CASEROOT_E2E: z.enum(["0", "1"]).default("0"),
});

/** Exported for its test; everything else imports `env`. */
export function readEnv(source: Record<string, string | undefined> = process.env) {
  const raw = { ...source };
  // An empty DATABASE_URL means "not set" (common in .env templates and CI matrices).
  if (raw.DATABASE_URL === "") delete raw.DATABASE_URL;
  if (raw.SMTP_URL === "") delete raw.SMTP_URL;
  if (raw.IMAP_URL === "") delete raw.IMAP_URL;
  if (raw.MAIL_REPLY_TO === "") delete raw.MAIL_REPLY_TO;
  if (raw.RATE_LIMIT_MULTIPLIER === "") delete raw.RATE_LIMIT_MULTIPLIER;
  if (raw.REPORTS_DB_CONNECTIONS === "") delete raw.REPORTS_DB_CONNECTIONS;
  if (raw.ANALYTICS_ENGINE === "") delete raw.ANALYTICS_ENGINE;
  if (raw.EVENT_LOOP_DELAY_LIMIT_MS === "") delete raw.EVENT_LOOP_DELAY_LIMIT_MS;
  if (raw.SESSION_MAX_AGE_DAYS === "") delete raw.SESSION_MAX_AGE_DAYS;
  if (raw.LOG_LEVEL === "") delete raw.LOG_LEVEL;
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

export const env = readEnv();
