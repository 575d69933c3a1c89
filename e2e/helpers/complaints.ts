import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";

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
  return expectFiledComplaintStored(request, response);
}

/**
 * For every 201 a browser test receives from POST /api/v1/complaints: the complaint it names
 * exists, i.e. its tracking link opens a page with its reference. (The API once answered 201 for
 * a complaint it had thrown away; lib tests check the same through test/api-intake.ts.)
 */
export async function expectFiledComplaintStored(request: APIRequestContext, response: APIResponse): Promise<FiledComplaint> {
  expect(response.status(), await response.text()).toBe(201);
  const filed = (await response.json()) as FiledComplaint;
  expect(filed.trackingUrl, "a 201 carries the tracking link").toEqual(expect.any(String));
  const tracking = await request.get(filed.trackingUrl!);
  expect(tracking.status(), `tracking page of ${filed.reference}`).toBe(200);
  expect(await tracking.text()).toContain(filed.reference);
  return filed;
}
