import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustProxy, resolveClientAddress, TRUST_NOBODY, TrustProxyError } from "./trust-proxy.mjs";

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:5123", "203.0.113.7"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::FFFF:7f00:1", "127.0.0.1"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::1", "::1"],
    ["::", "::"],
    ["1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"],
    ["64:ff9b::192.0.2.33", "64:ff9b::c000:221"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });

  it.each(["", "unknown", "_hidden", "256.1.1.1", "1.2.3", "01.2.3.4", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "x".repeat(5000), "1.2.3.4, 5.6.7.8"])(
    "%j is not an address",
    (input) => {
      expect(normalizeAddress(input)).toBeNull();
    },
  );
});

describe("parseTrustProxy", () => {
  it("trusts nobody when unset, empty or false", () => {
    for (const text of [undefined, null, "", "  ", "false", "0"]) {
      const trust = parseTrustProxy(text);
      expect(trust.hops).toBe(0);
      expect(trust.ranges).toEqual([]);
    }
  });

  it("reads a hop count, addresses, ranges and names together", () => {
    const trust = parseTrustProxy("1, 10.0.0.0/8 192.168.1.5,fd00::/8, loopback");
    expect(trust.hops).toBe(1);
    // 10/8, 192.168.1.5/32, fd00::/8, and loopback's two ranges
    expect(trust.ranges).toHaveLength(5);
  });

  it.each([
    ["true", /every client choose its own address/],
    ["*", /every client choose its own address/],
    ["1,2", /one hop count at most/],
    ["99", /at most 16/],
    ["10.0.0.0/33", /not a hop count, an IP address, a CIDR range/],
    ["proxy.internal", /"proxy.internal" is not a hop count/],
    ["10.0.0.0/", /not a hop count/],
    ["-1", /not a hop count/],
  ])("refuses %j with a message that says why", (text, message) => {
    expect(() => parseTrustProxy(text)).toThrow(TrustProxyError);
    expect(() => parseTrustProxy(text)).toThrow(message);
  });
});

describe("resolveClientAddress", () => {
  const cases: Array<{ name: string; trust: string; peer: string | undefined; xff?: string | string[]; expected: string }> = [
    { name: "default: the socket, whatever the header says", trust: "", peer: "198.51.100.9", xff: "203.0.113.1", expected: "198.51.100.9" },
    { name: "default on a dual-stack socket", trust: "", peer: "::ffff:198.51.100.9", xff: "203.0.113.1", expected: "198.51.100.9" },
    { name: "no socket address", trust: "", peer: undefined, expected: "unknown" },
    { name: "an untrusted peer's header is ignored", trust: "10.0.0.0/8", peer: "198.51.100.9", xff: "203.0.113.1", expected: "198.51.100.9" },
    { name: "a trusted proxy that appends: the forged prefix is ignored", trust: "10.0.0.0/8", peer: "10.0.0.2", xff: "203.0.113.1, 198.51.100.9", expected: "198.51.100.9" },
    { name: "two trusted proxies", trust: "10.0.0.0/8", peer: "10.0.0.2", xff: "203.0.113.1, 198.51.100.9, 10.0.0.3", expected: "198.51.100.9" },
    { name: "a trusted proxy given as IPv4, peer on a dual-stack socket", trust: "127.0.0.1", peer: "::ffff:127.0.0.1", xff: "203.0.113.1, 198.51.100.9", expected: "198.51.100.9" },
    { name: "a trusted proxy given as mapped IPv6", trust: "::ffff:127.0.0.1", peer: "127.0.0.1", xff: "198.51.100.9", expected: "198.51.100.9" },
    { name: "IPv6 ranges", trust: "fd00::/8", peer: "fd00::5", xff: "2001:db8::1, 2001:DB8::7", expected: "2001:db8::7" },
    { name: "one hop: the peer is the proxy", trust: "1", peer: "198.51.100.200", xff: "203.0.113.1, 198.51.100.9", expected: "198.51.100.9" },
    { name: "two hops", trust: "2", peer: "198.51.100.200", xff: "203.0.113.1, 198.51.100.9, 192.0.2.4", expected: "198.51.100.9" },
    { name: "hops and ranges together", trust: "1, 10.0.0.0/8", peer: "192.0.2.200", xff: "203.0.113.1, 198.51.100.9, 10.1.1.1", expected: "198.51.100.9" },
    { name: "a trusted peer without the header", trust: "loopback", peer: "127.0.0.1", expected: "127.0.0.1" },
    { name: "every hop trusted: the furthest", trust: "loopback", peer: "127.0.0.1", xff: "127.0.0.2, 127.0.0.3", expected: "127.0.0.2" },
    { name: "junk from a trusted proxy counts as the proxy's", trust: "10.0.0.0/8", peer: "10.0.0.2", xff: "203.0.113.1, nonsense", expected: "10.0.0.2" },
    { name: "ports and brackets in the header", trust: "10.0.0.0/8", peer: "10.0.0.2", xff: "[2001:db8::1]:443, 198.51.100.9:5000", expected: "198.51.100.9" },
    { name: "several header lines are one chain", trust: "10.0.0.0/8", peer: "10.0.0.2", xff: ["203.0.113.1", "198.51.100.9, 10.0.0.3"], expected: "198.51.100.9" },
    { name: "empty entries are skipped", trust: "10.0.0.0/8", peer: "10.0.0.2", xff: "203.0.113.1,, 198.51.100.9 ,", expected: "198.51.100.9" },
  ];

  it.each(cases)("$name", ({ trust, peer, xff, expected }) => {
    expect(resolveClientAddress(peer, xff, parseTrustProxy(trust))).toBe(expected);
  });

  it("never returns an address a client wrote before the first trusted proxy, however it rotates it", () => {
    const trust = parseTrustProxy("10.0.0.0/8");
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      // What an attacker can vary: any prefix, any length, junk or addresses.
      const forged = Array.from({ length: i % 5 }, (_, j) => (j % 2 ? `203.0.${i}.${j}` : `x${i}`)).join(", ");
      seen.add(resolveClientAddress("10.0.0.2", forged ? `${forged}, 198.51.100.9` : "198.51.100.9", trust));
      seen.add(resolveClientAddress("198.51.100.9", forged || `203.0.113.${i}`, trust));
      seen.add(resolveClientAddress("198.51.100.9", forged || `203.0.113.${i}`, TRUST_NOBODY));
    }
    expect([...seen]).toEqual(["198.51.100.9"]);
  });
});
