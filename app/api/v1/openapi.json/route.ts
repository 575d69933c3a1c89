import { openApiDocument } from "./document";

/** The API's description in OpenAPI 3.1, for client generators and API explorers. */
export function GET(): Response {
  return Response.json(openApiDocument, { headers: { "Cache-Control": "public, max-age=300" } });
}
