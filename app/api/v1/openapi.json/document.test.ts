import { readdirSync, readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { API_ERRORS } from "@/lib/complaints/api";
import { INTAKE_FIELDS } from "@/lib/complaints/intake-schema";
import { openApiDocument } from "./document";

/** Where the API's answers are built: its handlers, the outage answer and the production server's time limit. */
const ANSWERING_SOURCES = ["lib/complaints/api.ts", "lib/resilience/outage.ts", "scripts/server.mjs", ...readdirSync("app/api/v1", { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith("route.ts"))
  .map((file) => `app/api/v1/${file}`)];

/** Every `error: "…"` literal in those files. */
function errorCodesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of ANSWERING_SOURCES) {
    for (const match of readFileSync(file, "utf8").matchAll(/\berror: "([^"]+)"/g)) found.set(match[1]!, file);
  }
  return found;
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(openApiDocument)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("documents every error code the API can return, under its status", () => {
    const post = openApiDocument.paths["/api/v1/complaints"].post;
    const inSchemas = new Set<string>([...openApiDocument.components.schemas.Error.properties.error.enum, "validation_failed"]);
    for (const [code, { status }] of Object.entries(API_ERRORS)) {
      expect(inSchemas.has(code), code).toBe(true);
      const response = post.responses[String(status) as keyof typeof post.responses] as { description: string } | undefined;
      expect(response?.description, `${code} under ${status}`).toContain(`\`${code}\``);
    }
  });

  it("lists exactly the codes the handlers answer with: a new error literal must be added to API_ERRORS", () => {
    const inSource = errorCodesInSource();
    for (const [code, file] of inSource) expect(Object.keys(API_ERRORS), `"${code}" in ${file}`).toContain(code);
    expect([...inSource.keys()].sort()).toEqual(Object.keys(API_ERRORS).sort());
  });

  it("describes the fields the API accepts, generated from the intake schema", () => {
    const schema = openApiDocument.components.schemas.NewComplaint as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties).sort()).toEqual(INTAKE_FIELDS.filter((field) => field !== "attachments").sort());
    expect([...schema.required].sort()).toEqual(["description", "name", "processId"]);
    expect(schema.properties.description).toMatchObject({ type: "string", minLength: 20, maxLength: 10_000 });
    expect(schema.properties.email).toMatchObject({ type: ["string", "null"], format: "email" });
  });
});
