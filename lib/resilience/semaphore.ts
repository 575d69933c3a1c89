/** At most `limit` holders at once; the others wait their turn, in arrival order. */
export class Semaphore {
  private holders = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  /** Waits for a turn and returns its release; releasing twice releases once. */
  async acquire(): Promise<() => void> {
    if (this.holders >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.holders++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The turn passes straight to the next in line, so no newcomer can overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.holders--;
    };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }

  /** How many wait for a turn now. */
  get queued(): number {
    return this.waiting.length;
  }
}
