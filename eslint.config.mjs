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
      "no-restricted-syntax": [
        "error",
        {
          // A bind made while a client component renders gives React a new bound-arguments promise
          // each render; posted without JavaScript, the server renderer waits on it for ever.
          selector: "CallExpression[callee.name='useActionState'] CallExpression[callee.property.name='bind']",
          message: "Do not bind a server action given to useActionState: it hangs the server when the form is posted without JavaScript. Send the value in a hidden field.",
        },
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
