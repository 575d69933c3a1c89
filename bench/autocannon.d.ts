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
  };
  type Result = { requests: { total: number; average: number }; non2xx: number; errors: number; timeouts: number };
  type Instance = { on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void };
  function autocannon(options: Options, done: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
