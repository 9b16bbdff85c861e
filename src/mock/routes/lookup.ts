/** Shared lookups and request-body checks of the route handlers. */
import { error } from "../http.js";
import { BadJsonError, type RouteContext } from "../router.js";
import type { MockEnterprise, MockOrg, MockUser } from "../types.js";

/** The organization of `{org}` (case-insensitive), or undefined. */
export function findOrg(ctx: RouteContext): MockOrg | undefined {
  return ctx.state.orgs.get((ctx.params.org ?? "").toLowerCase());
}

/** The enterprise of `{enterprise}` (slug, case-insensitive, or numeric id), or undefined. */
export function findEnterprise(ctx: RouteContext): MockEnterprise | undefined {
  const wanted = (ctx.params.enterprise ?? "").toLowerCase();
  const enterprise = ctx.state.enterprise;
  return enterprise.slug.toLowerCase() === wanted || String(enterprise.id) === wanted
    ? enterprise
    : undefined;
}

/** A user by login (case-insensitive), or undefined. */
export function findUser(ctx: RouteContext, login: string): MockUser | undefined {
  return ctx.state.usersByLogin.get(login.toLowerCase());
}

/** Result of reading a string-array body field: the values, or the error response to send. */
export type ListField = { ok: true; values: string[] } | { ok: false; response: Response };

/**
 * Reads `body[field]` as a non-empty array of at most 100 strings, answering like
 * GitHub's request-schema validation (422 `Invalid request.` + the rule) otherwise.
 */
export async function readNameList(
  ctx: RouteContext,
  field: string,
  docs: string,
): Promise<ListField> {
  let body: unknown;
  try {
    body = await ctx.json();
  } catch (cause) {
    if (cause instanceof BadJsonError)
      return { ok: false, response: error(400, "Problems parsing JSON", docs) };
    throw cause;
  }
  const invalid = (rule: string): ListField => ({
    ok: false,
    response: error(422, `Invalid request.\n\n${rule}`, docs),
  });
  if (typeof body !== "object" || body === null || !(field in body)) {
    return invalid(`"${field}" wasn't supplied.`);
  }
  const values = (body as Record<string, unknown>)[field];
  if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) {
    return invalid(
      `For 'properties/${field}', ${JSON.stringify(values)} is not an array of strings.`,
    );
  }
  if (values.length === 0)
    return invalid(`For 'properties/${field}', [] is too short (minItems 1).`);
  if (values.length > 100) {
    return invalid(`For 'properties/${field}', the array is too long (maxItems 100).`);
  }
  return { ok: true, values: values as string[] };
}

/** Reads a JSON object body; a 400/422 response when it is not one. */
export async function readObject(
  ctx: RouteContext,
  docs: string,
): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; response: Response }> {
  try {
    const body = await ctx.json();
    if (typeof body === "object" && body !== null && !Array.isArray(body)) {
      return { ok: true, body: body as Record<string, unknown> };
    }
    return {
      ok: false,
      response: error(422, "Invalid request.\n\nThe body must be a JSON object.", docs),
    };
  } catch (cause) {
    if (cause instanceof BadJsonError)
      return { ok: false, response: error(400, "Problems parsing JSON", docs) };
    throw cause;
  }
}
