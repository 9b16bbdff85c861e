/**
 * The record a bulk seat change keeps (issue 18): a 2xx is applied whatever its body, an
 * interruption before a batch is sent still gives the exact `BulkOperationError`, the record
 * survives `JSON.stringify`, and a removal that changed nothing says so.
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  BulkOperationError,
  type ClientOptions,
  CopilotApiError,
  CopilotClient,
} from "../../src/index.js";
import { sendBatches } from "../../src/internal/operations/bulk.js";
import { isAmbiguousFailure, markUncertain } from "../../src/internal/resilience/outcome.js";
import { API, TOKEN, useMsw } from "../support/msw.js";

const { server, seen } = useMsw();
const client = (options: ClientOptions = {}) =>
  new CopilotClient({ auth: TOKEN, throttle: false, retry: false, ...options });
const names = (n: number) => Array.from({ length: n }, (_, i) => `user${i}`);
const SELECTED_USERS = `${API}/orgs/octo/copilot/billing/selected_users`;
const sent = () => seen.map((r) => (r.body as { selected_usernames: string[] }).selected_usernames);

/** Answers the n-th POST with `nth(n)` when it returns a Response, else 201 with the count. */
function adds(nth: (n: number) => Response | undefined) {
  let n = 0;
  server.use(
    http.post(SELECTED_USERS, async ({ request }) => {
      const body = (await request.json()) as { selected_usernames: string[] };
      return (
        nth(++n) ??
        HttpResponse.json({ seats_created: body.selected_usernames.length }, { status: 201 })
      );
    }),
  );
}

describe("a 2xx counts as applied whatever its body", () => {
  const answer201 = (body: string, type: string) => () =>
    new HttpResponse(body, { status: 201, headers: { "content-type": type } });
  it.each([
    ["an HTML page", answer201("<html>ok</html>", "text/html")],
    ["a cut-off JSON body", answer201('{"seats_crea', "application/json")],
    ["an off-schema body", () => HttpResponse.json({ created: true }, { status: 201 })],
  ])(
    "250 names, batch 2 answered 201 with %s: applied, count unknown, never failed or resent",
    async (_label, body) => {
      adds((n) => (n === 2 ? body() : undefined));
      const result = await client().seats.add({ org: "octo", selected_usernames: names(250) });
      expect(result).toEqual({ seats_created: 150, countUnknown: names(200).slice(100) });
      expect(sent().map((b) => b.length)).toEqual([100, 100, 50]);
    },
  );
});

describe("an interrupted bulk change still throws the exact record", () => {
  it("the token provider throws before batch 3: BulkOperationError, batches 1-2 completed, batch 3 in remaining", async () => {
    adds(() => undefined);
    let calls = 0;
    const auth = () => {
      if (++calls === 3) throw new Error("vault unreachable");
      return TOKEN;
    };
    const error = (await client({ auth })
      .seats.add({ org: "octo", selected_usernames: names(250) })
      .catch((e: unknown) => e)) as BulkOperationError;
    expect(error).toBeInstanceOf(BulkOperationError);
    expect(error.batches.map((b) => b.status)).toEqual(["done", "done", "not-sent"]);
    expect(error.completed.map((b) => b.result)).toEqual([
      { seats_created: 100 },
      { seats_created: 100 },
    ]);
    expect(error.failed).toBeUndefined();
    expect(error.remaining).toEqual(names(250).slice(200));
    expect(error.message).toMatch(/stopped before batch 3 of 3 .*vault unreachable/);
    expect(seen).toHaveLength(2);
  });

  it("a token provider's error that quotes the token never carries it into the record", async () => {
    adds(() => undefined);
    let calls = 0;
    const auth = () => {
      if (++calls === 2) throw new Error(`refresh failed for ${TOKEN}`);
      return TOKEN;
    };
    const error = await client({ auth })
      .seats.add({ org: "octo", selected_usernames: names(150) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkOperationError);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect((error as Error).message).not.toContain(TOKEN);
    expect(String((error as Error).cause)).not.toContain(TOKEN);
  });

  it("the signal aborts between batches: BulkOperationError with the unsent names in remaining", async () => {
    const controller = new AbortController();
    // Batch 2 waits 200 ms in the throttle (writes are spaced); the abort comes during that wait.
    adds((n) => {
      if (n === 1) setTimeout(() => controller.abort(), 20);
      return undefined;
    });
    const error = (await client({ throttle: { writeIntervalMs: 200 } })
      .seats.add({ org: "octo", selected_usernames: names(250) }, { signal: controller.signal })
      .catch((e: unknown) => e)) as BulkOperationError;
    expect(error).toBeInstanceOf(BulkOperationError);
    expect(error.batches.map((b) => b.status)).toEqual(["done", "not-sent", "not-sent"]);
    expect(error.cause).toMatchObject({ name: "RequestAbortedError" });
    expect(error.remaining).toEqual(names(250).slice(100));
    expect(seen).toHaveLength(1);
  });

  it("toJSON is a plain record a job can persist and resume from, with no token in it", async () => {
    adds((n) =>
      n === 2 ? HttpResponse.json({ message: "Validation Failed" }, { status: 422 }) : undefined,
    );
    const error = (await client()
      .seats.add({ org: "octo", selected_usernames: names(250) })
      .catch((e: unknown) => e)) as BulkOperationError;
    const text = JSON.stringify(error);
    expect(text).not.toContain(TOKEN);
    const record = JSON.parse(text) as {
      name: string;
      remaining: string[];
      failed: { names: string[]; status: string; error: { name: string; status: number } };
      batches: { status: string }[];
    };
    expect(record.name).toBe("BulkOperationError");
    expect(record.batches.map((b) => b.status)).toEqual(["done", "failed", "not-sent"]);
    expect(record.failed).toMatchObject({
      status: "failed",
      error: { name: "UnprocessableEntityError", status: 422 },
    });
    expect(record.remaining).toEqual(names(250).slice(200));
    // Resume: what was refused plus what was never sent.
    seen.length = 0;
    adds(() => undefined);
    await expect(
      client().seats.add({
        org: "octo",
        selected_usernames: [...record.failed.names, ...record.remaining],
      }),
    ).resolves.toMatchObject({ seats_created: 150 });
  });
});

describe("a removal that changed nothing says so", () => {
  it("3 logins sent, 1 seat cancelled: unchanged 2", async () => {
    server.use(http.delete(SELECTED_USERS, () => HttpResponse.json({ seats_cancelled: 1 })));
    await expect(
      client().seats.remove({ org: "octo", selected_usernames: ["mona", "hubot", "octocat"] }),
    ).resolves.toEqual({ seats_cancelled: 1, unchanged: 2 });
  });
});

describe("logins GitHub could not have issued are refused before anything is sent", () => {
  it.each([
    ["a leading space", " mona"],
    ["a trailing space", "mona "],
    ["a tab", "mona\t"],
    ["unicode letters", "mönä"],
    ["a zero-width space", "mo\u200bna"],
    ["an RTL override", "\u202emona"],
    ["40 characters", "a".repeat(40)],
    ["100 000 characters", "a".repeat(100_000)],
    ["a leading hyphen", "-mona"],
    ["an underscore without a shortcode", "mona_"],
    ["a dot", "mona.lisa"],
    ["an empty string", ""],
  ])("%s", async (_label, login) => {
    const error = await client()
      .seats.remove({ org: "octo", selected_usernames: ["hubot", login] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "RequestValidationError" });
    expect((error as Error).message.length).toBeLessThan(400);
    expect(seen).toHaveLength(0);
  });

  it("accepts Enterprise Managed Users' _shortcode logins and de-duplicates case-insensitively", async () => {
    server.use(http.delete(SELECTED_USERS, () => HttpResponse.json({ seats_cancelled: 2 })));
    await client().seats.remove({
      org: "octo",
      selected_usernames: ["mona_octo", "Mona_Octo", "hubot-2", "HUBOT-2"],
    });
    expect(sent()).toEqual([["mona_octo", "hubot-2"]]);
  });

  it("an organization name with spaces or other characters is refused too", async () => {
    for (const org of [" octo", "octo org", "octo/x", "-octo"]) {
      await expect(client().seats.add({ org, selected_usernames: ["mona"] })).rejects.toMatchObject(
        { name: "RequestValidationError" },
      );
    }
    expect(seen).toHaveLength(0);
  });

  it("dryRun takes any boolean, not only the literal", async () => {
    const dryRun: boolean = Math.random() >= 0;
    const plan = await client().seats.remove({ org: "octo", selected_usernames: ["mona"], dryRun });
    expect(plan).toEqual({ dryRun: true, batches: [["mona"]] });
    expect(seen).toHaveLength(0);
  });
});

describe("a redirect without Location (thrown by the pipeline as a 3xx CopilotApiError)", () => {
  const redirect = (status: number) => {
    const error = new CopilotApiError({ status, method: "POST", url: SELECTED_USERS });
    // The policy marks what may have applied; a 303 is the answer that follows an applied POST.
    if (isAmbiguousFailure(error)) markUncertain(error);
    return error;
  };

  it.each([
    [302, "uncertain"],
    [303, "uncertain"],
    [307, "failed"],
  ])("%i on batch 2 of 3: recorded %s, never done, batch 3 not sent", async (status, recorded) => {
    let n = 0;
    const error = await sendBatches("seats.add", [["a"], ["b"], ["c"]], async (names) => {
      if (++n === 2) throw redirect(status);
      return { seats_created: names.length };
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkOperationError);
    expect((error as BulkOperationError).batches.map((b) => b.status)).toEqual([
      "done",
      recorded,
      "not-sent",
    ]);
  });
});
