import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_POLICIES, allows, AUDIENCES, isStaffPath, pageAccess, ROUTE_POLICIES, STAFF_PATH_PREFIXES, type Access } from "./policy";

/**
 * Holds the app to the policy table: every page, route handler and exported server action in
 * app/ must have an entry (a new one without a policy fails here), every entry must still exist,
 * and each guarded file must call the guard its entry promises.
 */

const APP = path.join(process.cwd(), "app");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const appFiles = filesUnder(APP).map((full) => path.relative(APP, full).split(path.sep).join("/"));

/** "(staff)/cases/[reference]/page.tsx" → "/cases/[reference]" (route groups are not in URLs). */
function urlPathOf(file: string): string {
  const segments = file.split("/").slice(0, -1).filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  return "/" + segments.join("/");
}

const source = (file: string) => readFileSync(path.join(APP, file), "utf8");

const pages = appFiles.filter((f) => f.endsWith("/page.tsx") || f === "page.tsx");
const routes = appFiles.filter((f) => f.endsWith("/route.ts"));
const actionFiles = appFiles.filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["'];/.test(source(f)));

function exportedMethods(file: string): string[] {
  const text = source(file);
  const methods = new Set<string>();
  for (const m of text.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
  for (const m of text.matchAll(/export\s+const\s+\{([^}]*)\}/g)) {
    for (const name of m[1]!.split(",").map((s) => s.trim())) if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) methods.add(name);
  }
  return [...methods].sort();
}

function exportedActions(file: string): string[] {
  return [...source(file).matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]!);
}

describe("the policy table covers the whole app", () => {
  it("has an entry for every page, and every page entry exists", () => {
    const found = pages.map(urlPathOf).sort();
    const listed = ROUTE_POLICIES.filter((p) => p.kind === "page").map((p) => p.path).sort();
    expect(found).toEqual(listed);
  });

  it("has an entry for every route handler with the methods it exports", () => {
    const found = routes.map((f) => ({ path: urlPathOf(f), methods: exportedMethods(f) })).sort((a, b) => a.path.localeCompare(b.path));
    const listed = ROUTE_POLICIES.filter((p) => p.kind === "route")
      .map((p) => ({ path: p.path, methods: [...(p.methods ?? [])].sort() }))
      .sort((a, b) => a.path.localeCompare(b.path));
    expect(found).toEqual(listed);
  });

  it("has an entry for every exported server action, and every action entry exists", () => {
    const found = actionFiles.flatMap((f) => exportedActions(f).map((name) => `${f}#${name}`)).sort();
    const listed = ACTION_POLICIES.map((p) => p.action).sort();
    expect(found).toEqual(listed);
  });
});

/** The guard call a file must contain for an access level. */
function staffGuard(access: Access): RegExp {
  return access === "agent" ? /requireStaff\((?:"agent")?\)/ : new RegExp(`requireStaff\\("${access}"\\)`);
}

describe("each guarded file calls the guard its policy promises", () => {
  it("staff pages are guarded by requireStaff in the page or a layout above it", () => {
    for (const policy of ROUTE_POLICIES.filter((p) => p.kind === "page" && p.access !== "everyone" && p.access !== "customer")) {
      const file = pages.find((f) => urlPathOf(f) === policy.path)!;
      // The page itself or any layout between it and the app root.
      const dirs = file.split("/").slice(0, -1);
      const candidates = [file, ...dirs.map((_, i) => [...dirs.slice(0, i + 1), "layout.tsx"].join("/"))].filter((f) => appFiles.includes(f));
      const guarded = candidates.some((f) => staffGuard(policy.access).test(source(f)));
      expect(guarded, `${policy.path} should call requireStaff(${policy.access === "agent" ? "" : `"${policy.access}"`})`).toBe(true);
    }
  });

  it("staff route handlers check the signed-in staff member themselves", () => {
    for (const policy of ROUTE_POLICIES.filter((p) => p.kind === "route" && p.access !== "everyone" && p.access !== "customer")) {
      const file = routes.find((f) => urlPathOf(f) === policy.path)!;
      const dir = path.posix.dirname(file);
      // A route may delegate to a guard module beside it or one folder up (e.g. api/import/_guard.ts).
      const related = appFiles.filter((f) => (path.posix.dirname(f) === dir || path.posix.dirname(f) === path.posix.dirname(dir)) && /_guard\.ts$/.test(f));
      const text = [file, ...related].map(source).join("\n");
      expect(text, policy.path).toMatch(/getStaffForRoute\(\)/);
      if (policy.access !== "agent") expect(text, policy.path).toMatch(new RegExp(`hasRole\\([^)]*"${policy.access}"\\)`));
    }
  });

  it("staff server actions call requireStaff, and higher roles are enforced where the table says", () => {
    for (const policy of ACTION_POLICIES.filter((p) => p.access !== "everyone" && p.access !== "customer")) {
      const file = policy.action.split("#")[0]!;
      if (policy.enforcedIn) {
        expect(source(file), policy.action).toMatch(/requireStaff\(/);
        const domain = readFileSync(path.join(process.cwd(), policy.enforcedIn), "utf8");
        expect(domain, policy.action).toMatch(new RegExp(`hasRole\\([^)]*"${policy.access}"\\)`));
      } else {
        expect(source(file), policy.action).toMatch(staffGuard(policy.access));
      }
    }
  });

  it("customer actions take the tracking token from the posted form as their only key", () => {
    for (const policy of ACTION_POLICIES.filter((p) => p.access === "customer")) {
      const [file, name] = policy.action.split("#") as [string, string];
      // The token comes from the posted form's hidden field, first thing: never a bound argument
      // (app/(public)/track/[token]/actions.ts says why), never anything else that names the case.
      expect(source(file), policy.action).toMatch(new RegExp(`export async function ${name}\\([^)]*form: FormData\\)[^{]*\\{\\s*const token = field\\(form, "token"\\);`));
    }
  });
});

describe("allows", () => {
  it("follows the role ladder and keeps customers to their own token", () => {
    const table = Object.fromEntries(
      (["everyone", "customer", "agent", "supervisor", "owner"] as const).map((access) => [access, AUDIENCES.filter((a) => allows(access, a))]),
    );
    expect(table).toEqual({
      everyone: ["anonymous", "customer", "agent", "supervisor", "owner"],
      customer: ["customer"],
      agent: ["agent", "supervisor", "owner"],
      supervisor: ["supervisor", "owner"],
      owner: ["owner"],
    });
  });
});

describe("pageAccess", () => {
  it("finds the access a page path needs, parameters and trailing slashes included", () => {
    expect(pageAccess("/settings/business")).toBe("owner");
    expect(pageAccess("/settings/outbox/0b4c1c62-4bd8-4a8f-9d39-8f0f3c1d2e3a")).toBe("owner");
    expect(pageAccess("/settings/email-templates/acknowledgement?x=1")).toBe("owner");
    expect(pageAccess("/cases/CR-2345-6789/")).toBe("agent");
    expect(pageAccess("/cases/new?q=kowalska")).toBe("agent");
    expect(pageAccess("/complain")).toBe("everyone");
    expect(pageAccess("/no/such/page")).toBeNull();
  });
});

describe("the proxy's staff paths", () => {
  it("come from the policy table: the first segment of every staff page", () => {
    expect([...STAFF_PATH_PREFIXES].sort()).toEqual(["/account", "/analytics", "/cases", "/due", "/forbidden", "/improvements", "/settings"]);
    const proxy = readFileSync(path.join(process.cwd(), "proxy.ts"), "utf8");
    expect(proxy).toMatch(/import \{ isStaffPath \} from "@\/lib\/auth\/policy";/);
    expect(proxy).not.toMatch(/["']\/cases["']|["']\/settings["']/); // no list of its own
  });

  it.each(ROUTE_POLICIES.filter((p) => p.kind === "page").map((p) => [p.path, p.access] as const))(
    "%s (%s) is staff-only in the proxy exactly when the policy says so",
    (pagePath, access) => {
      const sample = pagePath.replace(/\[[^\]]+\]/g, "x");
      expect(isStaffPath(sample)).toBe(access !== "everyone" && access !== "customer");
    },
  );

  it("does not catch paths that only start with the same letters", () => {
    expect(isStaffPath("/cases")).toBe(true);
    expect(isStaffPath("/casesx")).toBe(false);
    expect(isStaffPath("/due/")).toBe(true);
  });
});

