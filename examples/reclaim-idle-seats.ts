/**
 * Reclaim idle seats with an allowlist: cancel the seats of users idle for more than N days,
 * in one organization or across an enterprise, never touching the people on the allowlist.
 * A dry run unless `--apply`.
 *
 *   npx tsx examples/reclaim-idle-seats.ts                                   # embedded mock, dry run
 *   npx tsx examples/reclaim-idle-seats.ts --enterprise octo-enterprise --exclude mona,hubot
 *   npx tsx examples/reclaim-idle-seats.ts --apply --simulate-failure        # mock: faults mid-way
 *   npx tsx examples/reclaim-idle-seats.ts --resume                          # send what is left
 *   GITHUB_TOKEN=… npx tsx examples/reclaim-idle-seats.ts --org octo-org --days 60 [--apply]
 *
 * `seats.reclaim` decides per user (an enterprise bills a user once, however many
 * organizations grant them a seat) and sends each seat to the call that owns it. The client
 * runs with `retry: { writes: "verify" }`: when a batch's answer is lost, the SDK reads the
 * seats back and resends only what did not apply, never undoing another administrator's
 * change. When a batch is refused, the `BulkOperationError` record (`toJSON`) is saved to
 * `--resume-file`, and `--resume` sends exactly the names that were refused or never sent.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import {
  type BatchRecord,
  BulkOperationError,
  type CopilotClient,
  type SeatTarget,
} from "../src/index.js";
import type { MockServer } from "../src/mock/index.js";
import { connect, run } from "./shared/client.js";

const { values } = parseArgs({
  options: {
    org: { type: "string" },
    enterprise: { type: "string" },
    days: { type: "string", default: "30" },
    exclude: { type: "string", default: "" },
    apply: { type: "boolean", default: false },
    resume: { type: "boolean", default: false },
    "resume-file": { type: "string", default: ".cache/reclaim-resume.json" },
    "simulate-failure": { type: "boolean", default: false },
  },
});
const resumeFile = values["resume-file"];

function preview(names: string[]): string {
  return names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")}, …`;
}

const owner = (target: SeatTarget | undefined) =>
  !target ? "?" : "org" in target ? `org ${target.org}` : `enterprise ${target.enterprise}`;

/** Saves the record and says what a resume will send. */
async function saveRecord(error: BulkOperationError): Promise<void> {
  const record = error.toJSON() as { batches: BatchRecord[] };
  for (const [i, batch] of record.batches.entries()) {
    console.log(
      `  batch ${i + 1}: ${batch.status.padEnd(9)} ${batch.names.length} logins (${owner(batch.target)})`,
    );
  }
  await mkdir(dirname(resumeFile), { recursive: true });
  await writeFile(resumeFile, `${JSON.stringify(record, null, 2)}\n`);
  const toSend = record.batches.filter((b) => b.status === "failed" || b.status === "not-sent");
  console.log(
    `${error.completed.length} batch(es) applied; ${toSend.reduce((n, b) => n + b.names.length, 0)} logins to resend.`,
  );
  console.log(`Cause: ${error.message}`);
  console.log(`Saved to ${resumeFile}. Fix the cause, then run again with --resume.`);
  process.exitCode = 1;
}

/**
 * Sends the refused and never-sent batches of a saved record, each to its owner. A batch
 * recorded `uncertain` is not resent: read those seats back first.
 */
async function resume(client: CopilotClient): Promise<void> {
  const record = JSON.parse(await readFile(resumeFile, "utf8")) as { batches: BatchRecord[] };
  let sent = 0;
  let cancelled = 0;
  for (const batch of record.batches) {
    if (batch.status === "uncertain") {
      console.log(`  ${batch.names.length} uncertain logins: not resent, check them first`);
      continue;
    }
    if ((batch.status !== "failed" && batch.status !== "not-sent") || !batch.target) continue;
    const selected_usernames = batch.names;
    const result =
      "org" in batch.target
        ? await client.seats.remove({ org: batch.target.org, selected_usernames })
        : await client.seats.removeForEnterprise({
            enterprise: batch.target.enterprise,
            selected_usernames,
          });
    sent += selected_usernames.length;
    cancelled += result.seats_cancelled;
  }
  console.log(`Resumed: ${sent} logins sent, seats_cancelled ${cancelled}.`);
  await writeFile(resumeFile, `${JSON.stringify({ batches: [] })}\n`);
}

/**
 * Mock only: the answer to the 2nd DELETE is lost after the mock applied it (the SDK reads the
 * seats back), and the 3rd DELETE is refused with a 403, as if the token had lost its scope.
 */
function injectFaults(mock: MockServer): void {
  mock.mock.faults.next(
    { drop: true, afterApply: true, match: { method: "DELETE" }, skip: 1 },
    {
      status: 403,
      body: { message: "Resource not accessible by personal access token", status: "403" },
      match: { method: "DELETE" },
    },
  );
}

run(async () => {
  const ctx = await connect({
    org: values.org,
    enterprise: values.enterprise,
    scope: values.enterprise ? "enterprise" : "org",
    client: { retry: { writes: "verify" } },
  });
  const { client } = ctx;
  try {
    if (values.resume) return await resume(client);
    const days = Number(values.days);
    const exclude = values.exclude ? values.exclude.split(",") : [];
    const scope = ctx.enterprise ? { enterprise: ctx.enterprise } : { org: ctx.org };
    if (values["simulate-failure"] && ctx.mock) injectFaults(ctx.mock);

    const plan = await client.seats.reclaim({ ...scope, days, exclude, dryRun: !values.apply });
    if (plan.staleActivity) console.log(`Warning: ${plan.staleActivity.message}`);
    const { teamAssigned, pendingCancellation, noAssignee, excluded } = plan.skipped;
    console.log(
      `Skipped: ${excluded.length} on the allowlist, ${teamAssigned.length} team-held, ${pendingCancellation.length} already pending, ${noAssignee.length} without a user.`,
    );
    for (const { team, login } of teamAssigned.slice(0, 3))
      console.log(`  ${login} holds a seat through team ${team}: remove them from the team`);
    for (const [i, batch] of plan.batches.entries()) {
      const result = plan.results?.[i];
      const verified = result?.verification
        ? ` (read back: ${result.verification.confirmed.length} confirmed, ${result.verification.resent.length} resent)`
        : "";
      const outcome = result
        ? `${result.status}, seats_cancelled ${result.count ?? "unknown"}${verified}`
        : "dry run";
      const names = batch.selected_usernames;
      console.log(
        `  batch ${i + 1}: ${names.length} logins of ${owner(batch.target)} (${preview(names)}) — ${outcome}`,
      );
    }
    if (plan.dryRun && plan.batches.length > 0) console.log("Dry run: pass --apply to cancel.");
  } catch (error) {
    if (!(error instanceof BulkOperationError)) throw error;
    console.log(`Reclaim stopped part-way (${error.operation}):`);
    for (const batch of error.batches.filter((b) => b.verification)) {
      const v = batch.verification;
      console.log(
        `  read back after a lost answer: ${v?.confirmed.length} confirmed, ${v?.resent.length} resent, ${v?.changedByOthers.length} changed by others`,
      );
    }
    await saveRecord(error);
  } finally {
    await ctx.close();
  }
});
