// The analytics copy's DuckDB, in a process of its own (started by duckdb-process.ts; decision
// record 0013, "The copy in its own process"). Two reasons for the separate process:
// - priority: it lowers its own CPU priority before DuckDB starts a thread, so while an owner's
//   report is computed, agents' pages on the same instance get the cores first;
// - isolation: a crash in the native engine ends this process, not the web server.
// Plain JavaScript so that Node runs it as it is, in development, tests and production alike.
// It speaks one small protocol over the IPC channel: { id, op, ... } in, { id, ok, result | error } out.
import os from "node:os";

const niceness = Number(process.argv[2] ?? 0);
// On Linux this sets the calling thread's priority; every thread started after it inherits it,
// which is why it comes before DuckDB is even loaded.
try {
  if (niceness > 0) os.setPriority(niceness);
} catch {
  // Not permitted here (some containers): the copy still works, at normal priority.
}

const { DuckDBInstance } = await import("@duckdb/node-api");

/** @type {import("@duckdb/node-api").DuckDBInstance | null} */
let instance = null;
/** @type {Map<number, import("@duckdb/node-api").DuckDBConnection>} */
const connections = new Map();
let lastConnection = 0;

function open() {
  if (!instance) throw new Error("the analytics engine is not open");
  return instance;
}

function connection(id) {
  const found = connections.get(id);
  if (!found) throw new Error(`no analytics engine connection ${id}`);
  return found;
}

async function handle(message) {
  switch (message.op) {
    case "open":
      instance = await DuckDBInstance.create(":memory:", message.options);
      return null;
    case "connect": {
      const id = ++lastConnection;
      connections.set(id, await open().connect());
      return id;
    }
    case "run":
      await connection(message.connection).run(message.text);
      return null;
    case "disconnect":
      connection(message.connection).closeSync();
      connections.delete(message.connection);
      return null;
    case "read": {
      // Each read on a connection of its own, so reads never wait on the writer's transaction.
      const reader = await open().connect();
      try {
        return (await reader.runAndReadAll(message.text, message.params)).getRowObjectsJS();
      } finally {
        reader.closeSync();
      }
    }
    case "rss":
      return process.memoryUsage().rss;
    default:
      throw new Error(`unknown analytics engine operation ${String(message.op)}`);
  }
}

process.on("message", (message) => {
  handle(message).then(
    (result) => reply({ id: message.id, ok: true, result }),
    (error) => reply({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});

function reply(answer) {
  // The server may have gone meanwhile; then there is no one to answer.
  if (process.connected) process.send(answer, () => {});
}

// The server ended (or dropped the channel): so does its copy.
process.on("disconnect", () => process.exit(0));
process.send({ ready: true });
