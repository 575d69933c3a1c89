import { expect } from "vitest";
import type { Logger } from "./copy";

export const silentLog: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * Asserts two reports show the same figures: equal everywhere, numbers to 12 significant digits
 * (the engines sum and divide floating-point values in different orders; the page shows at most
 * three digits).
 */
export function expectSameFigures(actual: unknown, expected: unknown, path = "report"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    const scale = Math.max(1, Math.abs(expected));
    expect(Math.abs(actual - expected) / scale, `${path}: ${actual} vs ${expected}`).toBeLessThan(1e-12);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is a list`).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectSameFigures((actual as unknown[])[i], e, `${path}[${i}]`));
    return;
  }
  if (expected && typeof expected === "object") {
    expect(actual && typeof actual === "object", `${path} is an object`).toBeTruthy();
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual as object)]);
    for (const key of keys) expectSameFigures((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}
