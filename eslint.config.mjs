import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
    },
  },
  {
    // Scripts, configs and tests set up the environment themselves.
    files: ["scripts/**", "test/**", "e2e/**", "**/*.test.ts", "*.config.*", "lib/env.ts", "playwright.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  // Every build output folder (.next, .next-test, .next-bench…), not only the default one.
  globalIgnores([".next*/**", "node_modules/**", ".data/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
