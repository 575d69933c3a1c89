// Types for trust-proxy.mjs (plain JavaScript so that scripts/server.mjs can run it without a compiler).

export type Range = { family: 4 | 6; network: bigint; prefix: number };
export type TrustProxy = { hops: number; ranges: Range[]; text: string };

export declare class TrustProxyError extends Error {}
export declare const TRUST_NOBODY: Readonly<TrustProxy>;
export declare function normalizeAddress(text: string | undefined | null): string | null;
export declare function parseTrustProxy(text: string | undefined | null): TrustProxy;
export declare function resolveClientAddress(
  peer: string | undefined | null,
  forwardedFor: string | string[] | undefined | null,
  trust: TrustProxy,
): string;
export declare function trustsPeer(peer: string | undefined | null, trust: TrustProxy): boolean;
