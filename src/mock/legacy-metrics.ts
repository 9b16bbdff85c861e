/**
 * Days of the legacy `/copilot/metrics` endpoints (`copilot-usage-metrics-day`
 * schema). GitHub closed these endpoints down on 2026-04-02; the mock keeps
 * serving them for clients that still migrate. Teams with fewer than five
 * seated members get no days, as GitHub withholds their metrics.
 */
import { dayCounts, isActive, parseEditor, type ScopeUser } from "./activity.js";
import { addDays } from "./dates.js";
import { createRandom, hash32 } from "./random.js";

const LANGUAGES = ["typescript", "python", "go", "java", "ruby"];

/** One `copilot-usage-metrics-day` for `users` on `day`. */
export function legacyMetricsDay(
  seed: number,
  users: ScopeUser[],
  day: string,
): Record<string, unknown> {
  const active = users.filter((user) => isActive(seed, user, day));
  const random = createRandom(hash32(`${seed}|legacy|${day}|${users.length}`));
  const editors = new Map<string, number>();
  let suggestions = 0;
  let acceptances = 0;
  let chats = 0;
  for (const user of active) {
    const counts = dayCounts(seed, user.userId, day);
    suggestions += counts.code_generation_activity_count;
    acceptances += counts.code_acceptance_activity_count;
    chats += counts.user_initiated_interaction_count;
    const ide = parseEditor(user.seat.lastActivityEditor).ide;
    editors.set(ide, (editors.get(ide) ?? 0) + 1);
  }
  const engaged = active.length;
  const chatEngaged = Math.round(engaged * 0.7);
  const model = (extra: Record<string, unknown>) => ({
    name: "default",
    is_custom_model: false,
    custom_model_training_date: null,
    ...extra,
  });
  const languages = LANGUAGES.map((name, i) => {
    const share = i === 0 ? 0.4 : 0.15;
    return {
      name,
      total_engaged_users: Math.round(engaged * share),
      total_code_suggestions: Math.round(suggestions * share),
      total_code_acceptances: Math.round(acceptances * share),
      total_code_lines_suggested: Math.round(suggestions * share * 4),
      total_code_lines_accepted: Math.round(acceptances * share * 3),
    };
  });
  return {
    date: day,
    total_active_users: engaged + random.int(0, Math.ceil(engaged / 10)),
    total_engaged_users: engaged,
    copilot_ide_code_completions: {
      total_engaged_users: engaged,
      languages: languages.map(({ name, total_engaged_users }) => ({ name, total_engaged_users })),
      editors: [...editors].map(([name, count]) => ({
        name,
        total_engaged_users: count,
        models: [model({ total_engaged_users: count, languages })],
      })),
    },
    copilot_ide_chat: {
      total_engaged_users: chatEngaged,
      editors: [...editors].map(([name, count]) => ({
        name,
        total_engaged_users: Math.round(count * 0.7),
        models: [
          model({
            total_engaged_users: Math.round(count * 0.7),
            total_chats: Math.round((chats * count) / Math.max(engaged, 1)),
            total_chat_insertion_events: random.int(0, count * 3),
            total_chat_copy_events: random.int(0, count * 4),
          }),
        ],
      })),
    },
    copilot_dotcom_chat: {
      total_engaged_users: Math.round(engaged * 0.2),
      models: [
        model({
          total_engaged_users: Math.round(engaged * 0.2),
          total_chats: random.int(0, engaged * 2),
        }),
      ],
    },
    copilot_dotcom_pull_requests: {
      total_engaged_users: Math.round(engaged * 0.1),
      repositories: [],
    },
  };
}

/** The `count` days ending the day before `today` (GitHub's metrics lag one day), oldest first. */
export function legacyDays(today: string, count: number): string[] {
  const days: string[] = [];
  for (let i = count; i >= 1; i--) days.push(addDays(today, -i));
  return days;
}
