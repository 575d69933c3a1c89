// Adds lockfile entries for platform-specific optional packages the registry mirror lacks,
// so `npm ci` sees a complete lock. They are never fetched on linux-x64 (platform mismatch).
// Maintenance: run after `npm install` changes the lock (node scripts/lock-fill-platforms.mjs).
import fs from "node:fs";
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
const pk = lock.packages;
function platform(name) {
  const n = name.split("/").pop();
  const os = ["darwin","win32","linux","freebsd","android","openharmony","netbsd","openbsd","sunos","aix"].find(o => n.includes(o));
  let cpu = null;
  for (const c of ["arm64","x64","ia32","arm","loong64","ppc64","riscv64","s390x","wasm32","mips64el"]) { if (new RegExp(`(^|-)${c}($|-)`).test(n) || n.includes(`-${c}`)) { cpu = c; break; } }
  const libc = os === "linux" ? (n.includes("musl") ? "musl" : n.includes("gnu") ? "glibc" : null) : null;
  return { os: os ?? null, cpu, libc };
}
const added = [];
for (const [path, meta] of Object.entries(pk)) {
  for (const [dep, range] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = path ? path + "/node_modules/" + dep : "node_modules/" + dep;
    if (pk[base] || pk["node_modules/" + dep]) continue;
    const version = range.replace(/^[\^~=]/, "");
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) { console.error("cannot pin", dep, range); continue; }
    const { os, cpu, libc } = platform(dep);
    const short = dep.split("/").pop();
    const entry = { version, resolved: `https://registry.npmjs.org/${dep}/-/${short}-${version}.tgz`, optional: true };
    if (cpu) entry.cpu = [cpu];
    if (os && cpu !== "wasm32") entry.os = [os];
    if (libc) entry.libc = [libc];
    pk["node_modules/" + dep] = entry; added.push(`${dep}@${version} ${JSON.stringify({os,cpu,libc})}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(pk).sort(([a],[b]) => a === "" ? -1 : b === "" ? 1 : a.localeCompare(b)));
fs.writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
console.log(added.join("\n"));
