import { expect } from "vitest";
import { figureDifferences } from "./compare";
import type { Logger } from "./copy";

export const silentLog: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Asserts two reports show the same figures (see figureDifferences), naming the first few that differ. */
export function expectSameFigures(actual: unknown, expected: unknown): void {
  expect(figureDifferences(actual, expected).slice(0, 10)).toEqual([]);
}
