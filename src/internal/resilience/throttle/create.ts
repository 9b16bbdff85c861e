/** Picks the throttle a client's `throttle` option asks for. */
import type { Logger, ThrottleOptions } from "../../../core/options.js";
import { ClusteredLimiter } from "./clustered-limiter.js";
import { HoldingLimiter, isLimiter, type Limiter } from "./limiter.js";
import { LocalLimiter } from "./local-limiter.js";

/**
 * Builds the limiter for `throttle`:
 * - `false`: no throttling, only the rate-limit hold ({@link HoldingLimiter});
 * - `{ limiter }`: that limiter, shared with the client it came from (other limits ignored);
 * - `{ redis }`: a {@link ClusteredLimiter} shared across processes through Redis;
 * - otherwise a fresh in-process {@link LocalLimiter} (default limits 4 reads, writes 1 s
 *   apart, 800 points per minute per endpoint).
 *
 * @returns the limiter, and whether the caller owns it (and must close it).
 * @throws TypeError when `throttle.limiter` is not a limiter of this SDK.
 */
export function createLimiter(
  throttle: ThrottleOptions | false | undefined,
  now: () => number,
  logger?: Logger,
): { limiter: Limiter; owned: boolean } {
  if (throttle === false) return { limiter: new HoldingLimiter(now), owned: true };
  if (throttle?.limiter !== undefined) {
    if (!isLimiter(throttle.limiter)) {
      throw new TypeError("throttle.limiter must be the `limiter` of another CopilotClient");
    }
    return { limiter: throttle.limiter, owned: false };
  }
  const limits = {
    maxConcurrentReads: throttle?.maxConcurrentReads,
    writeIntervalMs: throttle?.writeIntervalMs,
    pointsPerMinute: throttle?.pointsPerMinute,
    now,
  };
  if (throttle?.redis) {
    return {
      limiter: new ClusteredLimiter({ ...limits, redis: throttle.redis, logger }),
      owned: true,
    };
  }
  return { limiter: new LocalLimiter(limits), owned: true };
}
