export const LOCAL_POSTGRES: string;
export function findPostgres(env?: Record<string, string | undefined>, options?: { quiet?: boolean }): Promise<string | null>;
export type CreatedDatabase = { name: string; url: string; drop: () => Promise<void> };
export function createDatabase(serverUrl: string, prefix: string): Promise<CreatedDatabase>;
