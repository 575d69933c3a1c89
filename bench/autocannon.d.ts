// The part of autocannon 9's API the bench uses (the package ships no type declarations).
declare module "autocannon" {
  type Options = {
    url: string;
    method?: "GET" | "POST";
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    body?: string;
    idReplacement?: boolean;
    /** Seconds before a request counts as timed out (autocannon's default is 10). */
    timeout?: number;
    /** One request description repeated; onResponse sees each answer's body. */
    requests?: Array<{ onResponse?: (status: number, body: string) => void }>;
  };
  type Result = { requests: { total: number; average: number }; non2xx: number; errors: number; timeouts: number };
  type Instance = { on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void };
  function autocannon(options: Options, done: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
