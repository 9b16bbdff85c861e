/**
 * Reclaim idle seats: cancel the seats of directly assigned users idle for more than N days.
 * A dry run unless `--apply`.
 *
 *   npx tsx examples/reclaim-idle-seats.ts                          # embedded mock, dry run
 *   npx tsx examples/reclaim-idle-seats.ts --apply --simulate-failure   # mock: batch 2 is refused
 *   npx tsx examples/reclaim-idle-seats.ts --resume                 # send what the failed run left
 *   GITHUB_TOKEN=… npx tsx examples/reclaim-idle-seats.ts --org octo-org --days 60 [--apply]
 *
 * GitHub takes at most 100 logins per DELETE /orgs/{org}/copilot/billing/selected_users, so
 * `seats.reclaim` sends batches one after the other. When one fails, the `BulkOperationError`
 * says which batches were applied (`completed`), which one failed or may have been applied
 * (`failed`, status `failed` or `uncertain`) and which logins were never sent (`remaining`).
 * This script saves the logins to resend in `--resume-file` for `--resume`. Re-running the
 * reclaim is also safe: seats already cancelled are pending and skipped.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { BulkOperationError, type CopilotClient } from "../src/index.js";
import type { MockServer } from "../src/mock/index.js";
import { connect, run } from "./shared/client.js";

const { values } = parseArgs({
  options: {
    org: { type: "string" },
    days: { type: "string", default: "30" },
    apply: { type: "boolean", default: false },
    resume: { type: "boolean", default: false },
    "resume-file": { type: "string", default: ".cache/reclaim-resume.json" },
    "simulate-failure": { type: "boolean", default: false },
  },
});
const resumeFile = values["resume-file"];

/** What a failed run leaves for `--resume`. */
interface ResumeState {
  org: string;
  /** Logins whose cancellation was refused or never sent. */
  usernames: string[];
  /** Logins of a batch that may or may not have been applied: check before resending. */
  uncertain: string[];
}

function preview(names: string[]): string {
  return names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")}, …`;
}

async function reportFailure(org: string, error: BulkOperationError): Promise<void> {
  for (const [i, batch] of error.batches.entries()) {
    console.log(`  batch ${i + 1}: ${batch.status.padEnd(9)} ${batch.names.length} logins`);
  }
  const refused = error.failed.status === "failed" ? error.failed.names : [];
  const state: ResumeState = {
    org,
    usernames: [...refused, ...error.remaining],
    uncertain: error.failed.status === "uncertain" ? error.failed.names : [],
  };
  await mkdir(dirname(resumeFile), { recursive: true });
  await writeFile(resumeFile, `${JSON.stringify(state, null, 2)}\n`);
  console.log(
    `${error.completed.length} batch(es) applied; ${state.usernames.length} logins to resend (${refused.length} refused, ${error.remaining.length} never sent), ${state.uncertain.length} uncertain.`,
  );
  const cause = error.failed.error;
  console.log(`Cause: ${cause?.name ?? "unknown"}${cause?.hint ? ` — ${cause.hint}` : ""}`);
  console.log(`Saved to ${resumeFile}. Fix the cause, then:`);
  console.log(`  npx tsx examples/reclaim-idle-seats.ts --org ${org} --resume`);
  process.exitCode = 1;
}

async function resume(client: CopilotClient, org: string): Promise<void> {
  const state = JSON.parse(await readFile(resumeFile, "utf8")) as ResumeState;
  if (state.org !== org) throw new Error(`${resumeFile} is for ${state.org}, not ${org}`);
  if (state.uncertain.length > 0) {
    console.log(
      `${state.uncertain.length} uncertain logins: resent too (cancelling twice is harmless).`,
    );
  }
  const usernames = [...state.uncertain, ...state.usernames];
  const { seats_cancelled } = await client.seats.remove({ org, selected_usernames: usernames });
  console.log(`Resumed: ${usernames.length} logins sent, seats_cancelled ${seats_cancelled}.`);
  await writeFile(resumeFile, `${JSON.stringify({ org, usernames: [], uncertain: [] })}\n`);
}

/** Mock only: the mock refuses the second DELETE with a 403, as if the token had lost its scope. */
function failSecondBatch(getMock: () => MockServer | undefined) {
  let deletes = 0;
  return {
    onAttempt: (event: { method: string }) => {
      if (event.method !== "DELETE" || ++deletes !== 1) return;
      getMock()?.mock.faults.next({
        status: 403,
        target: "api",
        body: { message: "Resource not accessible by personal access token", status: "403" },
      });
    },
  };
}

run(async () => {
  let mockServer: MockServer | undefined;
  const simulate = values["simulate-failure"] && !process.env.GITHUB_TOKEN;
  const ctx = await connect({
    org: values.org,
    client: simulate ? { hooks: failSecondBatch(() => mockServer) } : {},
  });
  mockServer = ctx.mock;
  const { client, org } = ctx;
  try {
    if (values.resume) return await resume(client, org);
    const days = Number(values.days);

    const report = await client.seats.findInactive({ org, days });
    console.log(
      `${org}: ${report.active.length} active, ${report.inactive.length} inactive for more than ${days} days, ${report.grace.length} new and unused (as of ${report.asOf})`,
    );

    const plan = await client.seats.reclaim({ org, days, dryRun: !values.apply });
    const { teamAssigned, pendingCancellation, noAssignee } = plan.skipped;
    console.log(
      `Skipped: ${teamAssigned.length} team-held (remove them from their team), ${pendingCancellation.length} already pending, ${noAssignee.length} without a user.`,
    );
    for (const [i, names] of plan.batches.entries()) {
      const result = plan.results?.[i];
      const outcome = result
        ? `${result.status}, seats_cancelled ${result.seats_cancelled ?? 0}`
        : "dry run";
      console.log(`  batch ${i + 1}: ${names.length} logins (${preview(names)}) — ${outcome}`);
    }
    if (plan.dryRun && plan.batches.length > 0) console.log("Dry run: pass --apply to cancel.");
  } catch (error) {
    if (!(error instanceof BulkOperationError)) throw error;
    console.log(`Reclaim stopped part-way (${error.operation}):`);
    await reportFailure(org, error);
  } finally {
    await ctx.close();
  }
});
