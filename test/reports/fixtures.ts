/** Report records and file bodies shaped like GitHub's documented examples. */
import type { DayTotals, UserDayRecord } from "../../src/internal/reports/record-schemas.js";

export const API = "https://api.github.com";
export const FILES = "https://copilot-reports.githubusercontent.test";
export const SIGNED = "?X-Amz-Signature=deadbeefcafe&X-Amz-Expires=300";

export function userDay(user_id: number, day: string, extra: Partial<UserDayRecord> = {}) {
  return {
    day,
    user_id,
    user_login: `user${user_id}`,
    organization_id: "999",
    enterprise_id: "13213",
    user_initiated_interaction_count: user_id,
    code_generation_activity_count: 10,
    code_acceptance_activity_count: 4,
    loc_suggested_to_add_sum: 20,
    loc_suggested_to_delete_sum: 0,
    loc_added_sum: 8,
    loc_deleted_sum: 1,
    used_agent: false,
    used_chat: true,
    ai_credits_used: 1.25,
    totals_by_ide: [{ ide: "vscode", code_generation_activity_count: 10 }],
    ...extra,
  };
}

export function dayTotals(day: string, extra: Partial<DayTotals> = {}) {
  return {
    day,
    organization_id: "999",
    user_initiated_interaction_count: 5,
    code_generation_activity_count: 20,
    code_acceptance_activity_count: 7,
    loc_suggested_to_add_sum: 40,
    loc_suggested_to_delete_sum: 0,
    loc_added_sum: 30,
    loc_deleted_sum: 2,
    daily_active_users: 3,
    weekly_active_users: 4,
    monthly_active_users: 6,
    pull_requests: { total_created: 2, median_minutes_to_merge: 2.5 },
    totals_by_feature: [{ feature: "code_completion", code_generation_activity_count: 20 }],
    ...extra,
  };
}

export function ndjson(records: unknown[]): string {
  return `${records.map((r) => JSON.stringify(r)).join("\n")}\n`;
}

/** A body stream that delivers `bytes` in the given chunk sizes (the last size repeats). */
export function chunked(bytes: Uint8Array, sizes: number[]): ReadableStream<Uint8Array> {
  let offset = 0;
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      const size = sizes[Math.min(index++, sizes.length - 1)]!;
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
