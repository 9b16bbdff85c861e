/**
 * Runs `fn` over `items` with at most `concurrency` calls in flight and yields the results in
 * the order of `items`. Stopping the iteration (or a failure) aborts the signal given to the
 * calls still running; a failure is thrown when its turn comes.
 */
export async function* mapOrdered<I, O>(
  items: Iterable<I>,
  concurrency: number,
  fn: (item: I, signal: AbortSignal) => Promise<O>,
  signal?: AbortSignal,
): AsyncGenerator<O> {
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", abort, { once: true });
  const iterator = items[Symbol.iterator]();
  const queue: Promise<O>[] = [];
  const fill = () => {
    while (queue.length < concurrency && !controller.signal.aborted) {
      const next = iterator.next();
      if (next.done) return;
      const running = fn(next.value, controller.signal);
      // Failures surface when their turn comes; this only keeps them from being "unhandled".
      running.catch(() => undefined);
      queue.push(running);
    }
  };
  try {
    fill();
    while (queue.length > 0) {
      const value = await queue.shift()!;
      fill();
      yield value;
    }
  } finally {
    controller.abort();
    signal?.removeEventListener("abort", abort);
  }
}
