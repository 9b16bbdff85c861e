/**
 * Slots held in Redis by redis-semaphore: a semaphore for reads, a mutex for mutations. A held
 * slot is a lease of `leaseMs`, renewed every `0.8 × leaseMs` by the library while the request
 * runs, so a process that dies frees its slots after `leaseMs`. No setting is stored: every
 * acquire carries the limit, so expired or deleted keys simply mean "all slots free".
 *
 * redis-semaphore's renewal runs on a timer whose failure (Redis gone) would be an unhandled
 * rejection; here a failed renewal counts as a lost lease, which the lease's own expiry frees.
 *
 * @see https://github.com/swarthy/redis-semaphore#readme
 */
import type { Redis } from "ioredis";

/** One slot, held or not yet: `tryAcquire` is one round trip, `release` frees it. */
export interface Lease {
  tryAcquire(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * A lease on one of `limit` slots named `key` (`limit` 1: a mutex). Every process sharing the
 * key must use the same `limit` and `leaseMs`: an entry older than the asker's `leaseMs` counts
 * as expired.
 */
export type CreateLease = (client: Redis, key: string, limit: number, leaseMs: number) => Lease;

const ignoreLoss = () => {};

/**
 * Loads redis-semaphore (only `throttle.redis` needs it: it is not loaded with the SDK) and
 * returns the lease factory.
 */
export async function loadLeases(): Promise<CreateLease> {
  const { Mutex, Semaphore } = await import("redis-semaphore");

  class RenewingSemaphore extends Semaphore {
    protected override async _refresh(): Promise<boolean> {
      return super._refresh().catch(() => false);
    }
  }

  class RenewingMutex extends Mutex {
    protected override async _refresh(): Promise<boolean> {
      return super._refresh().catch(() => false);
    }
  }

  return (client, key, limit, leaseMs) => {
    const options = {
      lockTimeout: leaseMs,
      // One round trip per tryAcquire: the limiter does the waiting, abortably.
      acquireAttemptsLimit: 1,
      acquireTimeout: leaseMs,
      retryInterval: 0,
      onLockLost: ignoreLoss,
    };
    return limit === 1
      ? new RenewingMutex(client, key, options)
      : new RenewingSemaphore(client, key, limit, options);
  };
}
