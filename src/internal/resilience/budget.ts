/**
 * A client-wide retry budget: a token bucket that lets retries smooth over blips but stops a
 * retry storm when GitHub (or the network) is down for everyone. Each retry pays tokens,
 * each success earns one back. Rate-limit waits are not paid for: GitHub asked for them.
 *
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html (the same design, "retry quota")
 */

/** Token-bucket sizes; see `RetryOptions.budget`. */
export interface RetryBudgetOptions {
  /** Tokens when full. Default `500`. */
  capacity?: number;
  /** Cost of a retry after a 5xx or connection error. Default `5`. */
  retryCost?: number;
  /** Cost of a retry after a timeout. Default `10`. */
  timeoutCost?: number;
  /** Tokens earned back per successful attempt. Default `1`. */
  successRefill?: number;
}

/** A token bucket of retries shared by every call of one client. */
export class RetryBudget {
  readonly capacity: number;
  readonly retryCost: number;
  readonly timeoutCost: number;
  readonly successRefill: number;
  #tokens: number;

  constructor(options: RetryBudgetOptions = {}) {
    this.capacity = options.capacity ?? 500;
    this.retryCost = options.retryCost ?? 5;
    this.timeoutCost = options.timeoutCost ?? 10;
    this.successRefill = options.successRefill ?? 1;
    this.#tokens = this.capacity;
  }

  /** Tokens left. */
  get tokens(): number {
    return this.#tokens;
  }

  /**
   * Pays for one retry.
   *
   * @param timeout - whether the failure being retried was a timeout (costs `timeoutCost`).
   * @returns `false`, paying nothing, when the bucket cannot cover the cost.
   */
  tryPay(timeout: boolean): boolean {
    const cost = timeout ? this.timeoutCost : this.retryCost;
    if (this.#tokens < cost) return false;
    this.#tokens -= cost;
    return true;
  }

  /** Earns `successRefill` tokens back, up to `capacity`. */
  recordSuccess(): void {
    if (this.#tokens < this.capacity) {
      this.#tokens = Math.min(this.capacity, this.#tokens + this.successRefill);
    }
  }
}
