/** Timing of one named operation: runs after warm-up, in milliseconds. */
export type Timing = { name: string; runs: number; p50: number; p95: number; min: number; max: number };

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Runs `fn` `warmup` times untimed, then `runs` times one after another, and reports p50/p95. */
export async function measure(name: string, fn: () => Promise<unknown>, runs = 20, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { name, runs, p50: percentile(times, 50), p95: percentile(times, 95), min: times[0]!, max: times[times.length - 1]! };
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** A plain-text table: the app's query beside the plain SQL doing the same aggregate, and the copy's, when there are. */
export function timingTable(rows: Array<{ app: Timing; plain?: Timing; copy?: Timing }>): string {
  const withCopy = rows.some((r) => r.copy);
  const lines = [["query", "app p50", "app p95", "plain SQL p50", "plain SQL p95", ...(withCopy ? ["copy p50", "copy p95"] : [])]];
  for (const { app, plain, copy } of rows) {
    lines.push([app.name, ms(app.p50), ms(app.p95), plain ? ms(plain.p50) : "", plain ? ms(plain.p95) : "", ...(withCopy ? [copy ? ms(copy.p50) : "", copy ? ms(copy.p95) : ""] : [])]);
  }
  return textTable(lines);
}

/** Lines of cells as a plain-text table: the first line is the heading, the first column left-aligned. */
export function textTable(lines: string[][]): string {
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  const fmt = (l: string[]) => l.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [fmt(lines[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...lines.slice(1).map(fmt)].join("\n");
}

/** p50/p95 of a list of durations in milliseconds. */
export function percentiles(times: number[]): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export { ms as formatMs };
