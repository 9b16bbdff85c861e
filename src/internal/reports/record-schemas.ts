/**
 * zod schemas of the records inside usage-metrics report files (the files behind
 * `download_links`, not the link responses). Written from GitHub's field reference and
 * example payloads; loose on purpose: unknown fields are kept, enum-like fields (`feature`,
 * `ide`, `language`, `model`) are plain strings because GitHub adds values without notice,
 * and fields GitHub introduced later (`totals_by_cli`, `pull_requests`, `ai_credits_used`,
 * `ai_adoption_phase`, ...) are optional.
 *
 * @see https://docs.github.com/en/copilot/reference/copilot-usage-metrics/copilot-usage-metrics
 * @see https://docs.github.com/en/copilot/reference/copilot-usage-metrics/example-schema
 * @see https://docs.github.com/en/copilot/reference/copilot-usage-metrics/team-level-metrics
 */
import type { z as Zod } from "zod";

/**
 * Builds the record schemas with the given zod. The runtime calls it on first use (records
 * are checked by the predicates generated from these schemas, generated/record-checks.ts, and
 * zod explains a refusal); the generator calls it to derive those predicates.
 */
export function buildRecordSchemas(zod: typeof Zod) {
  // Named apart from the type import: declaration bundlers rename `Zod` to `z`.
  const z = zod;
  /** `YYYY-MM-DD`. */
  const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
  /** Counts are integers in every example GitHub publishes. */
  const count = z.number().int();
  /** Medians, averages and AI credits are floats. */
  const float = z.number();
  /** Enterprise and organization ids are strings in the report files (`"enterprise_id": "1"`). */
  const entityId = z.string();

  /** The activity counters every record level carries (day totals, user rows, breakdown rows). */
  const activity = {
    user_initiated_interaction_count: count,
    code_generation_activity_count: count,
    code_acceptance_activity_count: count,
    loc_suggested_to_add_sum: count,
    loc_suggested_to_delete_sum: count,
    loc_added_sum: count,
    loc_deleted_sum: count,
  };

  /** Same counters, optional: breakdown rows omit the ones that do not apply (e.g. language rows). */
  const optionalActivity = Object.fromEntries(
    Object.entries(activity).map(([key, schema]) => [key, schema.optional()]),
  ) as { [K in keyof typeof activity]: Zod.ZodOptional<(typeof activity)[K]> };

  const versionSample = z.looseObject({ sampled_at: z.string().optional() });

  /** One element of `totals_by_feature` (`feature`: `code_completion`, `chat_panel_agent_mode`, ...). */
  const FeatureTotalsSchema = z.looseObject({ feature: z.string(), ...optionalActivity });
  /** One element of `totals_by_ide` (`ide`: `vscode`, `jetbrains`, ...), with last known versions on user rows. */
  const IdeTotalsSchema = z.looseObject({
    ide: z.string(),
    ...optionalActivity,
    last_known_ide_version: versionSample.extend({ ide_version: z.string().optional() }).nullish(),
    last_known_plugin_version: versionSample
      .extend({ plugin: z.string().optional(), plugin_version: z.string().optional() })
      .nullish(),
  });
  /** One element of `totals_by_language_feature`. */
  const LanguageFeatureTotalsSchema = z.looseObject({
    language: z.string(),
    feature: z.string(),
    ...optionalActivity,
  });
  /** One element of `totals_by_language_model` (chat activity only). */
  const LanguageModelTotalsSchema = z.looseObject({
    language: z.string().optional(),
    model: z.string().optional(),
    ...optionalActivity,
  });
  /** One element of `totals_by_model_feature` (chat activity only). */
  const ModelFeatureTotalsSchema = z.looseObject({
    model: z.string().optional(),
    feature: z.string().optional(),
    ...optionalActivity,
  });
  /** `totals_by_cli`: Copilot CLI sessions, requests and token usage. */
  const CliTotalsSchema = z.looseObject({
    session_count: count.optional(),
    request_count: count.optional(),
    prompt_count: count.optional(),
    token_usage: z
      .looseObject({
        avg_tokens_per_request: float.optional(),
        output_tokens_sum: count.optional(),
        prompt_tokens_sum: count.optional(),
      })
      .optional(),
    last_known_cli_version: versionSample.extend({ cli_version: z.string().optional() }).nullish(),
  });
  /** `pull_requests`: pull request activity of the day (totals and Copilot's part); medians in minutes. */
  const PullRequestTotalsSchema = z.looseObject({
    total_created: count.optional(),
    total_reviewed: count.optional(),
    total_merged: count.optional(),
    total_created_by_copilot: count.optional(),
    total_reviewed_by_copilot: count.optional(),
    total_merged_created_by_copilot: count.optional(),
    total_merged_reviewed_by_copilot: count.optional(),
    total_suggestions: count.optional(),
    total_applied_suggestions: count.optional(),
    total_copilot_suggestions: count.optional(),
    total_copilot_applied_suggestions: count.optional(),
    median_minutes_to_merge: float.nullish(),
    median_minutes_to_merge_copilot_authored: float.nullish(),
    median_minutes_to_merge_copilot_reviewed: float.nullish(),
  });

  const breakdowns = {
    totals_by_feature: z.array(FeatureTotalsSchema).optional(),
    totals_by_ide: z.array(IdeTotalsSchema).optional(),
    totals_by_language_feature: z.array(LanguageFeatureTotalsSchema).optional(),
    totals_by_language_model: z.array(LanguageModelTotalsSchema).optional(),
    totals_by_model_feature: z.array(ModelFeatureTotalsSchema).optional(),
    totals_by_cli: CliTotalsSchema.optional(),
  };

  /**
   * Totals of one day for a whole organization or enterprise: the flat object of an
   * `organization-1-day`/`enterprise-1-day` file, and each element of `day_totals` in a
   * 28-day file. Active-user counts are distinct users; `monthly_*` are calendar-month to date.
   */
  const DayTotalsSchema = z.looseObject({
    day,
    enterprise_id: entityId.optional(),
    organization_id: entityId.optional(),
    ...activity,
    daily_active_users: count,
    weekly_active_users: count.optional(),
    monthly_active_users: count.optional(),
    monthly_active_chat_users: count.optional(),
    monthly_active_agent_users: count.optional(),
    daily_active_cli_users: count.optional(),
    pull_requests: PullRequestTotalsSchema.optional(),
    totals_by_ai_adoption_phase: z.array(z.looseObject({})).optional(),
    ...breakdowns,
  });
  /** Day totals of an organization (`organization-1-day`, `organization-28-day`). */
  const OrgDayTotalsSchema = DayTotalsSchema;
  /** Day totals of an enterprise (`enterprise-1-day`, `enterprise-28-day`). */
  const EnterpriseDayTotalsSchema = DayTotalsSchema;

  /** `ai_adoption_phase` of a user row: the cohort GitHub places the user in over the last 28 days. */
  const AiAdoptionPhaseSchema = z.looseObject({
    phase_number: count.optional(),
    phase: z.string().optional(),
    version: z.string().optional(),
  });

  /**
   * One user's activity on one day (`users-1-day`, `users-28-day`). One row per
   * `(user_id, day, organization_id | enterprise_id)`; a large report split across several
   * files can repeat a row, so consumers deduplicate on that key.
   */
  const UserDayRecordSchema = z.looseObject({
    day,
    user_id: count,
    user_login: z.string(),
    enterprise_id: entityId.optional(),
    organization_id: entityId.optional(),
    ...activity,
    used_agent: z.boolean().optional(),
    used_chat: z.boolean().optional(),
    used_cli: z.boolean().optional(),
    /** AI credits the user consumed that day, across all surfaces (a metric, not a billed total). */
    ai_credits_used: float.nullish(),
    ai_adoption_phase: AiAdoptionPhaseSchema.nullish(),
    ...breakdowns,
  });

  /**
   * One `(user, team)` membership on one day (`user-teams-1-day`). Teams with fewer than five
   * seated Copilot users on that day are left out of the report by GitHub.
   */
  const UserTeamRecordSchema = z.looseObject({
    day,
    user_id: count,
    user_login: z.string().optional(),
    team_id: count,
    slug: z.string(),
    enterprise_id: entityId.optional(),
    organization_id: entityId.optional(),
  });

  /**
   * One repository's pull request activity on one day (`repos-1-day`). GitHub documents this
   * report only as "one entry per repository" with Copilot coding agent and code review
   * breakdowns, so beyond `day` and `pull_requests` every field is kept as received.
   */
  const RepoDayRecordSchema = z.looseObject({
    day: day.optional(),
    enterprise_id: entityId.optional(),
    organization_id: entityId.optional(),
    pull_requests: PullRequestTotalsSchema.optional(),
  });

  return {
    FeatureTotalsSchema,
    IdeTotalsSchema,
    LanguageFeatureTotalsSchema,
    LanguageModelTotalsSchema,
    ModelFeatureTotalsSchema,
    CliTotalsSchema,
    PullRequestTotalsSchema,
    DayTotalsSchema,
    OrgDayTotalsSchema,
    EnterpriseDayTotalsSchema,
    AiAdoptionPhaseSchema,
    UserDayRecordSchema,
    UserTeamRecordSchema,
    RepoDayRecordSchema,
  };
}

/** The record schemas, by name. */
export type RecordSchemas = ReturnType<typeof buildRecordSchemas>;

/** Totals of one day, organization or enterprise. */
export type DayTotals = Zod.infer<RecordSchemas["DayTotalsSchema"]>;
/** Totals of one day for an organization. */
export type OrgDayTotals = Zod.infer<RecordSchemas["OrgDayTotalsSchema"]>;
/** Totals of one day for an enterprise. */
export type EnterpriseDayTotals = Zod.infer<RecordSchemas["EnterpriseDayTotalsSchema"]>;
/** One user's activity on one day. */
export type UserDayRecord = Zod.infer<RecordSchemas["UserDayRecordSchema"]>;
/** One user-team membership on one day. */
export type UserTeamRecord = Zod.infer<RecordSchemas["UserTeamRecordSchema"]>;
/** One repository's pull request activity on one day. */
export type RepoDayRecord = Zod.infer<RecordSchemas["RepoDayRecordSchema"]>;
/** `pull_requests` of a day. */
export type PullRequestTotals = Zod.infer<RecordSchemas["PullRequestTotalsSchema"]>;
/** `totals_by_cli` of a day or user row. */
export type CliTotals = Zod.infer<RecordSchemas["CliTotalsSchema"]>;
