/**
 * The run's time budget (`--max-duration`). At the deadline no new page is started; pages in
 * flight finish (each bounded by the fetch timeout), and the close writes everything. What was not
 * attempted is the backlog, worked down by the next runs.
 *
 * The budget is shared fairly: each agency gets the time left divided by the agencies left, so a
 * large first agency (a first crawl of state.gov) never starves the ones after it, and the time an
 * agency does not use goes to the next.
 */

/** `<n>s`, `<n>m` or `<n>h`. */
const DURATION = /^(\d+)(s|m|h)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/**
 * Parses a duration as the command line writes it.
 *
 * @throws Error naming the value when it is not `<n>s`, `<n>m` or `<n>h` with n ≥ 1.
 * @example
 * parseDuration('90m') // => 5_400_000
 */
export function parseDuration(text: string): number {
  const m = DURATION.exec(text.trim());
  if (!m || Number(m[1]) < 1) throw new Error(`"${text}" is not a duration: write <n>s, <n>m or <n>h (e.g. 90m), n at least 1`);
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

/** One agency's share of the budget. */
export interface Deadline {
  /** True once no new page may start. */
  expired(): boolean;
}

export const NO_DEADLINE: Deadline = { expired: () => false };

export class Budget {
  readonly #end: number | null;
  readonly #clock: () => number;

  /**
   * @param maxMs The whole run's budget; undefined for none.
   * @param clock Milliseconds on a monotonic clock (tests pass their own).
   */
  constructor(maxMs: number | undefined, clock: () => number = () => performance.now()) {
    this.#clock = clock;
    this.#end = maxMs === undefined ? null : clock() + maxMs;
  }

  /** The next agency's deadline: an equal share of the time left among `agenciesLeft` (this one included). */
  share(agenciesLeft: number): Deadline {
    if (this.#end === null) return NO_DEADLINE;
    const end = this.#clock() + Math.max(0, this.#end - this.#clock()) / Math.max(1, agenciesLeft);
    return { expired: () => this.#clock() >= end };
  }
}
