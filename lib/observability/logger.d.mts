// Types for logger.mjs (plain JavaScript so that scripts/server.mjs can run it without a compiler).
import type { DestinationStream, Logger } from "pino";

export declare const REQUEST_ID_HEADER: "x-request-id";
export declare function createLogger(level: string, destination?: DestinationStream): Logger;
export declare function requestIdFor(incoming: string | string[] | undefined, fromTrustedProxy: boolean): string;
