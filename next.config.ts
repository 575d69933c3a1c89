import type { NextConfig } from "next";
// Relative, not "@/": the config is loaded before the app's path aliases exist.
import { API_POLICY } from "./lib/security/csp";

const isProduction = process.env.NODE_ENV === "production";

// Headers every response carries. No Content-Security-Policy here: each kind of response gets one
// complete policy from lib/security/csp.ts (pages from proxy.ts, files from their routes), and
// API answers get theirs below.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  // Lets tests build into their own folder without disturbing a running portal.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite finds its WASM and data files relative to its own module; bundling breaks that.
  // DuckDB (the analytics copy) is a native addon loaded from its own package.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@duckdb/node-api", "@duckdb/node-bindings"],
  poweredByHeader: false,
  experimental: {
    // Attachments: up to 5 files of 10 MB plus the form fields.
    serverActions: { bodySizeLimit: "52mb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_POLICY }] },
    ];
  },
};

export default nextConfig;
