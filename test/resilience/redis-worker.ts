/**
 * One worker process of `redis-workers.test.ts`: a CopilotClient whose throttle is shared
 * through Redis (`throttle.redis`), sending reads and writes to the test's loopback server.
 * Protocol: prints `ready` once connected to Redis, waits for `go` on stdin, then sends
 * READS reads (abandoned after READ_PHASE_MS) and WRITES writes concurrently, prints one JSON
 * line of outcomes, closes the client, prints `closed` and ends by itself: if anything the
 * client opened were left, the process would not exit.
 */
import { setMaxListeners } from "node:events";
import { CopilotClient } from "../../src/client.js";

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const client = new CopilotClient({
  auth: "worker-token",
  baseUrl: env("API_URL"),
  validation: "off",
  retry: false,
  throttle: {
    pointsPerMinute: Number(env("POINTS_PER_MINUTE")),
    redis: { url: env("REDIS_URL"), id: env("LIMITER_ID"), onUnavailable: "fail" },
  },
});

await (client.limiter as unknown as { ready(): Promise<void> }).ready();
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
process.stdin.pause();

const readPhase = AbortSignal.timeout(Number(env("READ_PHASE_MS")));
// One signal for all the reads: each waiting call listens to it.
setMaxListeners(Number(env("READS")) * 4, readPhase);
const outcome = (call: Promise<unknown>) =>
  call.then(
    () => "ok",
    (error: Error) => error.name,
  );
const reads = Array.from({ length: Number(env("READS")) }, () =>
  outcome(
    client.request(
      "get",
      "/orgs/{org}/copilot/billing",
      { org: "octo-org" },
      { signal: readPhase },
    ),
  ),
);
const writes = Array.from({ length: Number(env("WRITES")) }, (_, i) =>
  outcome(
    client.request("post", "/orgs/{org}/copilot/billing/selected_users", {
      org: "octo-org",
      selected_usernames: [`user-${process.pid}-${i}`],
    }),
  ),
);
process.stdout.write(
  `${JSON.stringify({ reads: await Promise.all(reads), writes: await Promise.all(writes) })}\n`,
);
await client.close();
process.stdout.write("closed\n");
