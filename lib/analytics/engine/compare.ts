/**
 * Where two reports' figures differ: equal everywhere, numbers to 12 significant digits (the
 * engines sum and divide floating-point values in different orders; the page shows at most three
 * digits). Used by the exactness tests and by `npm run bench`, which checks every figure of both
 * engines at scale.
 */
export function figureDifferences(actual: unknown, expected: unknown, path = "report", out: string[] = []): string[] {
  if (typeof expected === "number" && typeof actual === "number") {
    const scale = Math.max(1, Math.abs(expected));
    if (!(Math.abs(actual - expected) / scale < 1e-12)) out.push(`${path}: ${actual} instead of ${expected}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) out.push(`${path}: not a list`);
    else if (actual.length !== expected.length) out.push(`${path}: ${actual.length} items instead of ${expected.length}`);
    else expected.forEach((e, i) => figureDifferences(actual[i], e, `${path}[${i}]`, out));
  } else if (expected && typeof expected === "object") {
    if (!actual || typeof actual !== "object") out.push(`${path}: not an object`);
    else {
      const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
      for (const key of keys) figureDifferences((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`, out);
    }
  } else if (actual !== expected) out.push(`${path}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`);
  return out;
}
