// Which address a request came from, given the connection's peer, the X-Forwarded-For chain and
// the TRUST_PROXY setting. Plain JavaScript (with trust-proxy.d.mts beside it) because the HTTP
// server in scripts/server.mjs runs it before Next sees a request, with no TypeScript compiler
// at hand; lib/env.ts validates TRUST_PROXY with the same parser. No Node-only imports: Next may
// bundle it into any server runtime.

/** Named ranges an operator may write instead of CIDRs (as Express's `trust proxy` offers). */
const NAMED_RANGES = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
};

/** The most X-Forwarded-For entries walked: a longer chain is junk (and Node caps headers at 16 KB). */
const MAX_CHAIN = 64;

/** A hop count above this is a typo, not a deployment. */
const MAX_HOPS = 16;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** @param {string} text @returns {bigint | null} the 32-bit value of a dotted IPv4 address */
function parseIPv4(text) {
  const match = IPV4.exec(text);
  if (!match) return null;
  let value = 0n;
  for (const part of match.slice(1)) {
    // "010" is octal to some parsers and decimal to others: refuse the ambiguity.
    if (part.length > 1 && part.startsWith("0")) return null;
    const byte = Number(part);
    if (byte > 255) return null;
    value = (value << 8n) | BigInt(byte);
  }
  return value;
}

/** @param {string} text @returns {bigint | null} the 128-bit value of an IPv6 address */
function parseIPv6(text) {
  let rest = text;
  const zone = rest.indexOf("%");
  if (zone !== -1) rest = rest.slice(0, zone); // fe80::1%eth0: the zone names an interface, not an address
  /** @type {number[]} */
  let tailIPv4 = [];
  const lastColon = rest.lastIndexOf(":");
  if (rest.includes(".", lastColon)) {
    const v4 = parseIPv4(rest.slice(lastColon + 1));
    if (v4 === null) return null;
    tailIPv4 = [Number(v4 >> 16n), Number(v4 & 0xffffn)];
    rest = rest.slice(0, lastColon + 1) + "0"; // placeholder group, replaced below
  }
  const halves = rest.split("::");
  if (halves.length > 2) return null;
  const groups = (/** @type {string} */ half) => (half === "" ? [] : half.split(":"));
  const head = groups(halves[0] ?? "");
  const tail = halves.length === 2 ? groups(halves[1] ?? "") : [];
  if (tailIPv4.length) {
    (halves.length === 2 ? tail : head).pop();
  }
  const written = head.length + tail.length + tailIPv4.length;
  if (halves.length === 2 ? written > 7 : written !== 8) return null;
  const zeros = halves.length === 2 ? 8 - written : 0;
  /** @type {number[]} */
  const values = [];
  for (const group of [...head, ...Array(zeros).fill("0"), ...tail]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    values.push(parseInt(group, 16));
  }
  values.push(...tailIPv4);
  if (values.length !== 8) return null;
  return values.reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
}

/**
 * @typedef {{ family: 4 | 6, value: bigint }} Ip
 * @param {string} text
 * @returns {Ip | null}
 */
function parseIp(text) {
  const v4 = parseIPv4(text);
  if (v4 !== null) return { family: 4, value: v4 };
  if (!text.includes(":")) return null;
  const v6 = parseIPv6(text);
  if (v6 === null) return null;
  // ::ffff:a.b.c.d is an IPv4 client on a dual-stack socket: the same client as a.b.c.d.
  if (v6 >> 32n === 0xffffn) return { family: 4, value: v6 & 0xffffffffn };
  return { family: 6, value: v6 };
}

/** @param {Ip} ip @returns {string} the canonical text: dotted IPv4, RFC 5952 IPv6 */
function formatIp(ip) {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((ip.value >> shift) & 0xffn)).join(".");
  const groups = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip.value >> BigInt(i * 16)) & 0xffffn));
  // The longest run of two or more zero groups becomes "::" (the first, on a tie).
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

/**
 * An address as a proxy or socket may write it ("203.0.113.7", "203.0.113.7:5123",
 * "[2001:db8::1]:443", "::ffff:127.0.0.1", upper or lower case), in canonical form; null when it
 * is not an IP address at all (e.g. "unknown", an nginx obfuscated name, junk).
 * @param {string | undefined | null} text
 * @returns {string | null}
 */
export function normalizeAddress(text) {
  if (!text) return null;
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1] ?? "";
  else if (/^[\d.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const ip = parseIp(value);
  return ip ? formatIp(ip) : null;
}

/**
 * @typedef {{ family: 4 | 6, network: bigint, prefix: number }} Range
 * @typedef {{ hops: number, ranges: Range[], text: string }} TrustProxy
 */

/** @param {string} token @returns {Range | null} */
function parseRange(token) {
  const slash = token.indexOf("/");
  const address = slash === -1 ? token : token.slice(0, slash);
  const ip = parseIp(address);
  if (!ip) return null;
  // An IPv4-mapped range (::ffff:10.0.0.0/104) is the IPv4 range it maps.
  const mapped = ip.family === 4 && address.includes(":");
  const bits = ip.family === 4 ? 32 : 128;
  let prefix = bits;
  if (slash !== -1) {
    const written = token.slice(slash + 1);
    if (!/^\d{1,3}$/.test(written)) return null;
    prefix = Number(written) - (mapped ? 96 : 0);
    if (prefix < 0 || prefix > bits) return null;
  }
  const mask = prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
  return { family: ip.family, network: ip.value & mask, prefix };
}

/** @param {Range} range @param {Ip} ip */
function contains(range, ip) {
  if (range.family !== ip.family) return false;
  const bits = ip.family === 4 ? 32 : 128;
  const mask = range.prefix === 0 ? 0n : ((1n << BigInt(range.prefix)) - 1n) << BigInt(bits - range.prefix);
  return (ip.value & mask) === range.network;
}

/** TRUST_PROXY was set to something this module cannot read; the message says what and how. */
export class TrustProxyError extends Error {}

/** Nobody is trusted: the address is the connection's, whatever X-Forwarded-For says. */
export const TRUST_NOBODY = Object.freeze({ hops: 0, ranges: /** @type {Range[]} */ ([]), text: "" });

/**
 * Reads TRUST_PROXY: a comma- or space-separated list of at most one hop count (how many proxies
 * stand in front of the app, each of which appends to X-Forwarded-For) and any number of proxy
 * addresses, CIDR ranges and the names loopback, private and linklocal. Unset or empty: nobody.
 * @param {string | undefined | null} text
 * @returns {TrustProxy}
 */
export function parseTrustProxy(text) {
  const raw = (text ?? "").trim();
  if (raw === "" || raw.toLowerCase() === "false") return TRUST_NOBODY;
  let hops = 0;
  let sawHops = false;
  /** @type {Range[]} */
  const ranges = [];
  for (const token of raw.split(/[\s,]+/).filter(Boolean)) {
    const lower = token.toLowerCase();
    if (/^\d+$/.test(token)) {
      if (sawHops) throw new TrustProxyError(`TRUST_PROXY: give one hop count at most (found "${hops}" and "${token}").`);
      hops = Number(token);
      sawHops = true;
      if (hops > MAX_HOPS) throw new TrustProxyError(`TRUST_PROXY: a hop count of ${token} is more proxies than any deployment has (at most ${MAX_HOPS}).`);
      continue;
    }
    if (lower === "true" || lower === "all" || lower === "*") {
      throw new TrustProxyError(
        `TRUST_PROXY: "${token}" would let every client choose its own address. Give the number of proxies in front of the app (e.g. 1) or their addresses (e.g. 10.0.0.0/8).`,
      );
    }
    if (lower in NAMED_RANGES) {
      for (const cidr of NAMED_RANGES[/** @type {keyof typeof NAMED_RANGES} */ (lower)]) ranges.push(/** @type {Range} */ (parseRange(cidr)));
      continue;
    }
    const range = parseRange(token);
    if (!range) {
      throw new TrustProxyError(
        `TRUST_PROXY: "${token}" is not a hop count, an IP address, a CIDR range (e.g. 10.0.0.0/8, fd00::/8) or one of ${Object.keys(NAMED_RANGES).join(", ")}.`,
      );
    }
    ranges.push(range);
  }
  return { hops, ranges, text: raw };
}

/**
 * Whether TRUST_PROXY trusts the connection's peer: then headers it adds about the request
 * (X-Forwarded-For, X-Request-Id) are its word, not a client's.
 * @param {string | undefined | null} peer the socket's remote address
 * @param {TrustProxy} trust
 */
export function trustsPeer(peer, trust) {
  const address = normalizeAddress(peer);
  if (address === null) return false;
  const ip = /** @type {Ip} */ (parseIp(address));
  return trust.hops > 0 || trust.ranges.some((range) => contains(range, ip));
}

/**
 * The client's address. Walks from the connection's peer leftwards through X-Forwarded-For
 * (each proxy appends the address it received the request from): a hop is a trusted proxy when
 * it is one of the first `hops` hops or inside a trusted range, and the first hop that is not
 * is the client. So the header counts only when the peer is trusted, and whatever a client
 * wrote into the header before the first trusted proxy is never reached.
 * @param {string | undefined | null} peer the socket's remote address
 * @param {string | string[] | undefined | null} forwardedFor the X-Forwarded-For header(s)
 * @param {TrustProxy} trust
 * @returns {string} a canonical address, or "unknown" when the socket had none
 */
export function resolveClientAddress(peer, forwardedFor, trust) {
  let current = normalizeAddress(peer);
  if (current === null) return "unknown";
  if (trust.hops === 0 && trust.ranges.length === 0) return current;
  const joined = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "";
  const chain = joined
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .slice(-MAX_CHAIN)
    .reverse();
  for (let hop = 0; ; hop++) {
    const ip = /** @type {Ip} */ (parseIp(current));
    const trusted = hop < trust.hops || trust.ranges.some((range) => contains(range, ip));
    if (!trusted) return current;
    const next = chain[hop];
    // Every hop trusted: the furthest one recorded is the best we know.
    if (next === undefined) return current;
    const address = normalizeAddress(next);
    // A trusted proxy handed on something that is not an address: count the request as that
    // proxy's rather than let the junk (which a client may have written) pick the bucket.
    if (address === null) return current;
    current = address;
  }
}
