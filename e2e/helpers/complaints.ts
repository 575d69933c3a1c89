import { expect, type APIRequestContext } from "@playwright/test";

export type FiledComplaint = { reference: string; trackingUrl: string | null };

/** Files a complaint through the public API, so a test has its own case to look at (on `origin`, or the test's server). */
export async function fileComplaint(
  request: APIRequestContext,
  overrides: Record<string, unknown> = {},
  origin = "",
): Promise<FiledComplaint> {
  const response = await request.post(`${origin}/api/v1/complaints`, {
    data: {
      name: "Dana Example",
      email: `dana.${Date.now()}@example.com`,
      processId: "not_sure",
      description: "The parcel arrived two weeks late and the box was crushed on one side.",
      desiredOutcome: "A replacement for the broken mug, please.",
      orderReference: "ORD-55120",
      ...overrides,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as FiledComplaint;
}
