/**
 * `followAbort`: the listener it adds to a long-lived signal reaches the request's callback
 * only until `unfollow()`. A listener removed from an `AbortSignal` keeps its callback (Node's
 * EventTarget unlinks it and nothing more), so a callback that closed over the request would
 * keep the request alive from wherever the removed listener lingers (V8's old generation).
 */
import { getEventListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { followAbort } from "../../src/internal/resilience/abort.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** A callback whose closure holds `state` (as a request's callback holds its request). */
function callbackHolding(state: object): (reason: unknown) => void {
  return () => void state;
}

/** Collects garbage once the current job is over (a new WeakRef keeps its target until then). */
async function collect(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
}

describe("followAbort", () => {
  it("calls back with the signal's reason, once", () => {
    const controller = new AbortController();
    const reasons: unknown[] = [];
    followAbort(controller.signal, (reason) => reasons.push(reason));
    controller.abort("stop");
    controller.abort("again");
    expect(reasons).toEqual(["stop"]);
  });

  it("calls nothing after unfollow, and leaves no listener", () => {
    const controller = new AbortController();
    let called = false;
    const unfollow = followAbort(controller.signal, () => {
      called = true;
    });
    unfollow();
    controller.abort();
    expect(called).toBe(false);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("a listener kept after unfollow no longer keeps the request's state alive", async () => {
    const signal = new AbortController().signal;
    let state: object | undefined = { page: new Array(1000).fill("seat") };
    const ref = new WeakRef(state);
    const unfollow = followAbort(signal, callbackHolding(state));
    // What a removed listener lingering in the old generation would still hold.
    const [lingering] = getEventListeners(signal, "abort");
    state = undefined;
    await collect();
    expect(ref.deref()).toBeDefined();
    unfollow();
    await collect();
    expect(ref.deref()).toBeUndefined();
    expect(lingering).toBeTypeOf("function");
  });
});
