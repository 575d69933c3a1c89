import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * The analytics copy's DuckDB, run in a child process (duckdb-host.mjs) at a lower CPU priority,
 * so that an owner's report never takes the cores from an agent's page on the same instance, and
 * a crash of the native engine ends that child, not the server (decision record 0013).
 *
 * Each call is one message on the IPC channel, answered in turn; rows come back as structured
 * clones (numbers, bigints, strings, dates), so the copy's code reads them as it did in process.
 */

/** Niceness of the engine's process: low enough that the web server's threads come first. */
const ENGINE_NICENESS = 10;
// Relative to the project root: the server's bundles live elsewhere, the host script stays here.
const HOST_SCRIPT = path.join(process.cwd(), "lib", "analytics", "engine", "duckdb-host.mjs");

type Row = Record<string, unknown>;
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Answer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export type EngineConnection = { run(text: string): Promise<void>; close(): Promise<void> };

export class DuckDBProcess {
  private readonly pending = new Map<number, Pending>();
  private lastId = 0;
  private ended: Error | null = null;

  private constructor(private readonly child: ChildProcess) {}

  /**
   * Starts the engine's process and opens an in-memory database in it. `onExit` hears of the
   * process ending other than by `close()` (a crash): every call in flight then fails.
   */
  static async start(options: { memoryLimit: string; threads: number; onExit?: (error: Error) => void }): Promise<DuckDBProcess> {
    // What `fork` does, spelled out: Turbopack's build takes fork's first argument for a module to
    // bundle and fails on it (vercel/next.js#97952). Plain node, with none of the parent's loader
    // flags (tsx, vitest): the host is plain JavaScript.
    const child = spawn(process.execPath, [HOST_SCRIPT, String(ENGINE_NICENESS)], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const engine = new DuckDBProcess(child);
    await new Promise<void>((resolve, reject) => {
      const early = (code: number | null, signal: string | null) => reject(new Error(`the analytics engine's process could not start (exit ${code ?? signal})`));
      child.once("error", reject);
      child.once("exit", early);
      child.once("message", () => {
        child.off("exit", early);
        resolve();
      });
    });
    child.on("message", (answer: Answer) => engine.settle(answer));
    child.on("exit", (code, signal) => {
      const closing = engine.ended !== null;
      engine.ended ??= new Error(`the analytics engine's process ended (${signal ?? `exit ${code}`})`);
      for (const { reject } of engine.pending.values()) reject(engine.ended);
      engine.pending.clear();
      if (!closing) options.onExit?.(engine.ended);
    });
    engine.idle();
    await engine.call("open", { options: { memory_limit: options.memoryLimit, threads: String(options.threads) } });
    return engine;
  }

  /** The process id, for tests and the bench. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** A connection of its own, for statements that must run in order (a transaction). */
  async connect(): Promise<EngineConnection> {
    const id = (await this.call("connect", {})) as number;
    return {
      run: async (text) => {
        await this.call("run", { connection: id, text });
      },
      close: async () => {
        await this.call("disconnect", { connection: id });
      },
    };
  }

  /** Runs one query on a fresh connection and returns its rows as plain objects. */
  async read<T extends Row>(text: string, params: unknown[]): Promise<T[]> {
    return (await this.call("read", { text, params })) as T[];
  }

  /** The engine process's resident memory, in bytes. */
  async rss(): Promise<number> {
    return (await this.call("rss", {})) as number;
  }

  close(): void {
    if (this.ended) return;
    this.ended = new Error("the analytics engine was closed");
    this.child.kill();
  }

  private call(op: string, body: object): Promise<unknown> {
    if (this.ended) return Promise.reject(this.ended);
    const id = ++this.lastId;
    const answer = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    // A call in flight keeps the server's event loop alive; an idle engine does not (see idle()).
    this.child.channel?.ref();
    this.child.send({ id, op, ...body });
    return answer;
  }

  private settle(answer: Answer): void {
    const waiting = this.pending.get(answer.id);
    if (!waiting) return;
    this.pending.delete(answer.id);
    if (answer.ok) waiting.resolve(answer.result);
    else waiting.reject(new Error(answer.error));
    if (this.pending.size === 0) this.idle();
  }

  /** Lets a script that is otherwise done (a test, the bench) exit while the engine waits. */
  private idle(): void {
    this.child.unref();
    this.child.channel?.unref();
  }
}
