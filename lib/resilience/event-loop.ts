import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

/**
 * How late this process's event loop runs, for /api/health. A loop kept busy by one request
 * (a runaway render, a huge synchronous parse, an embedded-database query) delays every other
 * request; a load balancer should hear about it. The histogram is sampled every RESOLUTION_MS
 * and started over every WINDOW_MS; a reading covers the last full window and the current one,
 * so it always speaks of the last 5–10 seconds.
 *
 * A loop that stays blocked cannot answer at all, not even this: scripts/server.mjs's watchdog
 * restarts such a process, and a load balancer counts the unanswered health check as a failure.
 */

const RESOLUTION_MS = 20;
const WINDOW_MS = 5_000;
const NS_PER_MS = 1e6;

type Window = { p99Ms: number; maxMs: number; samples: number };
type Monitor = { histogram: IntervalHistogram; previous: Window | null };

// One monitor per process, however many bundles (instrumentation, route handlers) import this.
const KEY = Symbol.for("caseroot.eventLoopMonitor");
const holder = globalThis as { [KEY]?: Monitor };

function read(histogram: IntervalHistogram): Window {
  // The histogram records the whole time between samples, the resolution included.
  const late = (ns: number) => Math.max(0, Math.round(ns / NS_PER_MS - RESOLUTION_MS));
  return { p99Ms: histogram.count ? late(histogram.percentile(99)) : 0, maxMs: histogram.count ? late(histogram.max) : 0, samples: histogram.count };
}

/** Starts measuring (idempotent); instrumentation.ts calls it at start so the first reading has data. */
export function startEventLoopMonitor(): Monitor {
  const existing = holder[KEY];
  if (existing) return existing;
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const monitor: Monitor = { histogram, previous: null };
  setInterval(() => {
    monitor.previous = read(histogram);
    histogram.reset();
  }, WINDOW_MS).unref();
  holder[KEY] = monitor;
  return monitor;
}

export type EventLoopDelay = {
  /** 99th-percentile delay in milliseconds over the last 5–10 s. */
  delayP99Ms: number;
  /** Longest delay in milliseconds over the same time: the longest the loop was blocked. */
  delayMaxMs: number;
  windowSeconds: number;
};

export function eventLoopDelay(): EventLoopDelay {
  const monitor = startEventLoopMonitor();
  const current = read(monitor.histogram);
  const previous = monitor.previous ?? current;
  return {
    delayP99Ms: Math.max(previous.p99Ms, current.p99Ms),
    delayMaxMs: Math.max(previous.maxMs, current.maxMs),
    windowSeconds: ((monitor.previous ? WINDOW_MS : 0) + WINDOW_MS) / 1000,
  };
}
