import { hasRole, type StaffRole } from "./roles";

/**
 * Who may reach what: one table for every page, route handler and server action.
 *
 * The checks themselves live next to the data (requireStaff / getStaffForRoute in
 * lib/auth/session.ts, tracking-token lookups in lib/complaints/tracking.ts, role checks in the
 * domain functions). This table is what they must add up to, and two tests hold the code to it:
 * lib/auth/policy.test.ts finds every page, route and exported server action in app/ and fails
 * when one has no entry here (or an entry names something that no longer exists), and
 * e2e/authorization.spec.ts requests every page and route as each audience and checks the answer.
 */

/** Everyone who can knock: a stranger, a customer holding their tracking link, and staff by role. */
export const AUDIENCES = ["anonymous", "customer", "agent", "supervisor", "owner"] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * - `everyone`: public.
 * - `customer`: only with the case's own tracking token (anyone else gets the same not-found).
 * - a staff role: that role and those above it (owner ⊃ supervisor ⊃ agent).
 */
export type Access = "everyone" | "customer" | StaffRole;

export type RoutePolicy = {
  kind: "page" | "route";
  /** The route as the app/ folder spells it, without route groups: "/cases/[reference]". */
  path: string;
  /** HTTP methods a route handler exports (pages are GET). */
  methods?: readonly ("GET" | "POST")[];
  access: Access;
  why: string;
};

export type ActionPolicy = {
  /** "<file under app/>#<exported function>". */
  action: string;
  access: Access;
  /**
   * Where a role above the file's own guard is enforced, when the action's file lets every staff
   * member in and the domain function refuses the rest (e.g. confirming fault).
   */
  enforcedIn?: string;
  why: string;
};

export const ROUTE_POLICIES: readonly RoutePolicy[] = [
  { kind: "page", path: "/", access: "everyone", why: "home page" },
  { kind: "page", path: "/complain", access: "everyone", why: "the complaint form needs no account" },
  { kind: "page", path: "/track", access: "everyone", why: "explains tracking links" },
  { kind: "page", path: "/track/lost", access: "everyone", why: "asks for a lost link; never says whether a case exists" },
  { kind: "page", path: "/track/[token]", access: "customer", why: "the customer's own case" },
  { kind: "route", path: "/track/[token]/attachments/[id]", methods: ["GET"], access: "customer", why: "the customer's own files" },
  { kind: "page", path: "/signin", access: "everyone", why: "staff sign-in" },
  { kind: "route", path: "/api/auth/[...nextauth]", methods: ["GET", "POST"], access: "everyone", why: "sign-in endpoints" },
  { kind: "route", path: "/api/health", methods: ["GET"], access: "everyone", why: "load balancer health check, no data" },
  { kind: "route", path: "/api/test-hooks", methods: ["GET"], access: "everyone", why: "browser-test hooks; 404 unless CASEROOT_E2E=1 (never set in production)" },
  { kind: "route", path: "/api/v1/complaints", methods: ["POST"], access: "everyone", why: "websites file complaints" },
  { kind: "route", path: "/api/v1/openapi.json", methods: ["GET"], access: "everyone", why: "API description" },
  { kind: "route", path: "/api/v1/processes", methods: ["GET"], access: "everyone", why: "the choices the form offers" },
  { kind: "page", path: "/cases", access: "agent", why: "the queue" },
  { kind: "page", path: "/cases/new", access: "agent", why: "staff take a complaint down for the customer (phone, letter, in person…)" },
  { kind: "page", path: "/cases/[reference]", access: "agent", why: "the case page" },
  { kind: "route", path: "/cases/[reference]/attachments/[id]", methods: ["GET"], access: "agent", why: "customers' files" },
  { kind: "route", path: "/cases/[reference]/emails/[id]", methods: ["GET"], access: "agent", why: "the full original of a customer's email on the case" },
  { kind: "page", path: "/due", access: "agent", why: "what is due for the signed-in person" },
  { kind: "page", path: "/forbidden", access: "agent", why: "where a too-low role lands" },
  { kind: "page", path: "/account", access: "agent", why: "one's own password and sessions" },
  { kind: "page", path: "/analytics", access: "agent", why: "agents see only their own figures" },
  { kind: "route", path: "/analytics/export/[table]", methods: ["GET"], access: "agent", why: "CSV of what the page shows the same person" },
  { kind: "page", path: "/improvements", access: "supervisor", why: "corrective actions: fixing causes is a supervisor's or owner's decision" },
  { kind: "page", path: "/improvements/new", access: "supervisor", why: "opening a corrective action" },
  { kind: "page", path: "/improvements/[id]", access: "supervisor", why: "one corrective action and whether it worked" },
  { kind: "route", path: "/improvements/export", methods: ["GET"], access: "supervisor", why: "CSV of the corrective actions" },
  { kind: "page", path: "/settings/business", access: "owner", why: "business settings" },
  { kind: "page", path: "/settings/processes", access: "owner", why: "taxonomy" },
  { kind: "page", path: "/settings/volumes", access: "owner", why: "work volumes for the fix loop" },
  { kind: "page", path: "/settings/root-causes", access: "owner", why: "taxonomy" },
  { kind: "page", path: "/settings/staff", access: "owner", why: "staff accounts" },
  { kind: "page", path: "/settings/analytics", access: "owner", why: "verdict thresholds" },
  { kind: "page", path: "/settings/email-templates", access: "owner", why: "customer email wording" },
  { kind: "page", path: "/settings/email-templates/[kind]", access: "owner", why: "customer email wording" },
  { kind: "page", path: "/settings/outbox", access: "owner", why: "every email customers were sent" },
  { kind: "page", path: "/settings/outbox/[id]", access: "owner", why: "one email customers were sent" },
  { kind: "page", path: "/settings/mailbox", access: "owner", why: "every email read from the mailbox and what became of it" },
  { kind: "page", path: "/settings/import", access: "owner", why: "import past complaints" },
  { kind: "route", path: "/api/import", methods: ["POST"], access: "owner", why: "import past complaints" },
  { kind: "route", path: "/api/import/preview", methods: ["POST"], access: "owner", why: "import preview" },
  { kind: "page", path: "/settings/privacy", access: "owner", why: "retention period and the audit log of personal data" },
  { kind: "route", path: "/api/customers/[id]/export", methods: ["GET"], access: "owner", why: "everything held about a customer (subject access)" },
];

const CASE_ACTIONS = "(staff)/cases/[reference]/_actions";

export const ACTION_POLICIES: readonly ActionPolicy[] = [
  { action: "(auth)/signin/actions.ts#signInAction", access: "everyone", why: "signing in" },
  { action: "(staff)/actions.ts#signOutAction", access: "everyone", why: "signing out is harmless for anyone: it ends only the caller's own sessions" },
  { action: "(staff)/account/actions.ts#changePasswordAction", access: "agent", why: "one's own password; ends the account's other sessions" },
  { action: "(staff)/account/actions.ts#signOutEverywhereAction", access: "agent", why: "ends every session of one's own account" },
  { action: "(public)/complain/actions.ts#submitComplaintAction", access: "everyone", why: "filing a complaint" },
  { action: "(public)/track/lost/actions.ts#lostLinkAction", access: "everyone", why: "asking for a lost link" },
  { action: "(public)/track/[token]/actions.ts#addMessageAction", access: "customer", why: "the customer replies on their case" },
  { action: "(public)/track/[token]/actions.ts#answerAction", access: "customer", why: "confirm, agree, rate" },
  { action: "(staff)/cases/new/actions.ts#takeDownComplaintAction", access: "agent", why: "recording a complaint for the customer" },
  ...[
    "changeStatusAction",
    "assessAction",
    "assignAction",
    "judgeAction",
    "rootCauseAction",
    "escalateAction",
    "deEscalateAction",
    "debriefAction",
  ].map((name) => ({ action: `${CASE_ACTIONS}/decisions.ts#${name}`, access: "agent" as const, why: "working a case" })),
  {
    action: `${CASE_ACTIONS}/decisions.ts#confirmFaultAction`,
    access: "supervisor",
    enforcedIn: "lib/cases/actions/confirm-fault.ts",
    why: "fault is confirmed by a supervisor",
  },
  {
    action: `${CASE_ACTIONS}/decisions.ts#reviewFaultAction`,
    access: "supervisor",
    enforcedIn: "lib/cases/actions/supervisor-review.ts",
    why: "a supervisor changes or rejects the fault attribution",
  },
  {
    action: `${CASE_ACTIONS}/decisions.ts#approveApologyAction`,
    access: "supervisor",
    enforcedIn: "lib/cases/actions/supervisor-review.ts",
    why: "a supervisor approves an apology the blame check flagged",
  },
  ...["sendReplyAction", "sendCallSummaryAction", "addNoteAction", "logCallAction", "restateAction"].map((name) => ({
    action: `${CASE_ACTIONS}/conversation.ts#${name}`,
    access: "agent" as const,
    why: "talking with the customer",
  })),
  ...[
    "proposeResolutionAction",
    "askAgreementAction",
    "addGoodwillAction",
    "makePromiseAction",
    "keepPromiseAction",
    "scheduleFollowUpAction",
    "recordFollowUpAction",
    "recordAgreementAction",
    "recordSatisfactionAction",
  ].map((name) => ({ action: `${CASE_ACTIONS}/resolution.ts#${name}`, access: "agent" as const, why: "resolving a case" })),
  ...[
    "(staff)/settings/business/actions.ts#saveBusinessAction",
    "(staff)/settings/business/actions.ts#saveTargetsAction",
    "(staff)/settings/processes/actions.ts#addProcessAction",
    "(staff)/settings/processes/actions.ts#editProcessAction",
    "(staff)/settings/processes/actions.ts#processRowAction",
    "(staff)/settings/processes/actions.ts#mergeProcessesAction",
    "(staff)/settings/root-causes/actions.ts#addRootCauseAction",
    "(staff)/settings/root-causes/actions.ts#editRootCauseAction",
    "(staff)/settings/root-causes/actions.ts#rootCauseRowAction",
    "(staff)/settings/root-causes/actions.ts#mergeRootCausesAction",
    "(staff)/settings/staff/actions.ts#createStaffAction",
    "(staff)/settings/staff/actions.ts#changeRoleAction",
    "(staff)/settings/staff/actions.ts#setActiveAction",
    "(staff)/settings/staff/actions.ts#signOutEverywhereAction",
    "(staff)/settings/analytics/actions.ts#saveThresholdsAction",
    "(staff)/settings/volumes/actions.ts#saveVolumeAction",
    "(staff)/settings/email-templates/[kind]/actions.ts#saveTemplateAction",
    "(staff)/settings/outbox/[id]/actions.ts#retryAction",
    "(staff)/settings/mailbox/actions.ts#retryEmailAction",
    "(staff)/settings/privacy/actions.ts#saveRetentionAction",
  ].map((action) => ({ action, access: "owner" as const, why: "owner settings" })),
  ...["openActionAction", "editActionAction", "markDoneAction", "cancelActionAction", "reopenActionAction", "linkComplaintsAction", "unlinkComplaintsAction"].map((name) => ({
    action: `(staff)/improvements/actions.ts#${name}`,
    access: "supervisor" as const,
    why: "managing corrective actions",
  })),
  { action: `${CASE_ACTIONS}/privacy.ts#eraseCustomerAction`, access: "owner", why: "erasing a customer's personal data" },
];

/** Whether an audience may use something with this access. */
export function allows(access: Access, audience: Audience): boolean {
  if (access === "everyone") return true;
  if (access === "customer") return audience === "customer";
  if (audience === "anonymous" || audience === "customer") return false;
  return hasRole(audience, access);
}

/**
 * The access a page path needs, from the table above ("/settings/outbox/42" → "owner"), or null
 * for a path no page matches. Used by the workspace layout to refuse a too-low role before the
 * page starts streaming, so the answer has a real status (see requirePageRole in session.ts).
 */
export function pageAccess(pathname: string): Access | null {
  const path = pathname.split(/[?#]/)[0]!.replace(/\/+$/, "") || "/";
  for (const policy of ROUTE_POLICIES) {
    if (policy.kind !== "page") continue;
    const pattern = new RegExp(`^${policy.path.replace(/\[[^\]]+\]/g, "[^/]+")}$`);
    if (pattern.test(path)) return policy.access;
  }
  return null;
}

const isStaffAccess = (access: Access) => access !== "everyone" && access !== "customer";

/**
 * The first path segment of every staff page ("/cases", "/settings"…). proxy.ts sends visitors
 * without a session to sign-in for any path under one of these before anything renders.
 */
export const STAFF_PATH_PREFIXES: readonly string[] = [
  ...new Set(ROUTE_POLICIES.filter((p) => p.kind === "page" && isStaffAccess(p.access)).map((p) => `/${p.path.split("/")[1]}`)),
];

/** Whether a path is in the signed-in workspace (under one of STAFF_PATH_PREFIXES). */
export function isStaffPath(pathname: string): boolean {
  return STAFF_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
