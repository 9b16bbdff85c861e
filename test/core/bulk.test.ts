import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  BulkOperationError,
  CopilotClient,
  RequestValidationError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { toBatches } from "../../src/internal/operations/bulk.js";
import { API, TOKEN, useMsw } from "../support/msw.js";

const { server, seen } = useMsw();
// Writes are spaced 1 s apart by default; these tests are about batching, not throttling.
const client = () => new CopilotClient({ auth: TOKEN, throttle: false, retry: false });
const names = (n: number, prefix = "user") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("bulk seat mutations", () => {
  it("toBatches deduplicates, keeps order and cuts at 100", () => {
    const batches = toBatches([...names(150), "user3", ...names(60, "x")]);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 10]);
    expect(batches[0]?.[0]).toBe("user0");
    expect(batches.flat().filter((n) => n === "user3")).toHaveLength(1);
  });

  it("one batch returns GitHub's body as is", async () => {
    server.use(
      http.post(`${API}/orgs/octo/copilot/billing/selected_users`, () =>
        HttpResponse.json({ seats_created: 2 }, { status: 201 }),
      ),
    );
    await expect(
      client().seats.add({ org: "octo", selected_usernames: ["a", "b"] }),
    ).resolves.toEqual({ seats_created: 2, unchanged: 0 });
    expect(seen[0]?.body).toEqual({ selected_usernames: ["a", "b"] });
  });

  it("250 names go as 100 + 100 + 50, in order, serially, and the counts are summed", async () => {
    let active = 0;
    let peak = 0;
    server.use(
      http.delete(`${API}/orgs/octo/copilot/billing/selected_users`, async ({ request }) => {
        active++;
        peak = Math.max(peak, active);
        const body = (await request.json()) as { selected_usernames: string[] };
        await new Promise((r) => setTimeout(r, 5));
        active--;
        return HttpResponse.json({ seats_cancelled: body.selected_usernames.length });
      }),
    );
    await expect(
      client().seats.remove({ org: "octo", selected_usernames: names(250) }),
    ).resolves.toEqual({ seats_cancelled: 250, unchanged: 0 });
    expect(
      seen.map((r) => (r.body as { selected_usernames: string[] }).selected_usernames.length),
    ).toEqual([100, 100, 50]);
    expect(
      (seen[1]?.body as { selected_usernames: string[] } | undefined)?.selected_usernames[0],
    ).toBe("user100");
    expect(peak).toBe(1);
  });

  it("a failing second batch throws BulkOperationError with completed, failed and remaining", async () => {
    let n = 0;
    server.use(
      http.post(`${API}/orgs/octo/copilot/billing/selected_users`, () =>
        ++n === 2
          ? HttpResponse.json({ message: "Validation Failed" }, { status: 422 })
          : HttpResponse.json({ seats_created: 100 }, { status: 201 }),
      ),
    );
    const error = await client()
      .seats.add({ org: "octo", selected_usernames: names(320) })
      .catch((e) => e);
    expect(error).toBeInstanceOf(BulkOperationError);
    expect(error.completed).toHaveLength(1);
    expect(error.completed[0]).toMatchObject({ status: "done", result: { seats_created: 100 } });
    expect(error.failed).toMatchObject({ status: "failed", names: names(200).slice(100) });
    expect(error.failed?.error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.remaining).toEqual(names(320).slice(200));
    expect(error.batches.map((b: { status: string }) => b.status)).toEqual([
      "done",
      "failed",
      "not-sent",
      "not-sent",
    ]);
    expect(seen).toHaveLength(2);
  });

  it("teams and enterprise teams batch on their own name fields", async () => {
    server.use(
      http.post(`${API}/orgs/octo/copilot/billing/selected_teams`, () =>
        HttpResponse.json({ seats_created: 7 }, { status: 201 }),
      ),
      http.delete(`${API}/enterprises/acme/copilot/billing/selected_enterprise_teams`, () =>
        HttpResponse.json({ message: "Processing" }, { status: 202 }),
      ),
    );
    await expect(client().teams.add({ org: "octo", selected_teams: ["eng"] })).resolves.toEqual({
      seats_created: 7,
    });
    await expect(
      client().teams.removeForEnterprise({
        enterprise: "acme",
        selected_enterprise_teams: ["ent:eng"],
      }),
    ).resolves.toEqual({ message: "Processing", countUnknown: ["ent:eng"] });
    expect(seen.map((r) => r.body)).toEqual([
      { selected_teams: ["eng"] },
      { selected_enterprise_teams: ["ent:eng"] },
    ]);
  });
});

describe("bulk dry runs", () => {
  it("dryRun: true returns the exact batches and sends nothing", async () => {
    const plan = await client().seats.remove({
      org: "octo",
      selected_usernames: [...names(230), "user7"],
      dryRun: true,
    });
    expect(plan).toEqual({ dryRun: true, batches: toBatches(names(230)) });
    await expect(
      client().teams.add({ org: "octo", selected_teams: [], dryRun: true }),
    ).rejects.toThrow(RequestValidationError);
    await expect(
      client().seats.add({ org: "bad/org", selected_usernames: ["a"], dryRun: true }),
    ).rejects.toThrow(RequestValidationError);
    expect(seen).toHaveLength(0);
  });
});
