import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests drive the production build in the machine's Chromium. We never download a
 * browser: set CHROMIUM_PATH, or install Debian's package (`apt-get install -y chromium`).
 */
const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const executablePath = CANDIDATES.find((p): p is string => Boolean(p && fs.existsSync(p)));
if (!executablePath) {
  throw new Error(
    "No Chromium found for the browser tests. Install one with `sudo apt-get install -y chromium` " +
      "(or point CHROMIUM_PATH at a Chromium/Chrome binary). Browsers are never downloaded.",
  );
}

const port = Number(process.env.E2E_PORT || 3100);
// Auth.js builds absolute URLs with "localhost"; session cookies are host-only, so stay on it.
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `node scripts/e2e-server.mjs`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
    // SIGTERM, not Playwright's default SIGKILL: scripts/e2e-server.mjs then drops its throwaway
    // PostgreSQL database (or embedded directory) instead of leaving one behind on every run.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
