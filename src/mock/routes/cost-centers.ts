/**
 * Cost centers of the mock enterprise (https://docs.github.com/rest/billing/cost-centers):
 * list, get, create, rename, archive, and adding or removing users, organizations,
 * repositories and enterprise teams. A resource added to one cost center leaves the one that
 * held it (reported in `reassigned_resources`), as on GitHub.
 */
import {
  billingOf,
  type MockCostCenter,
  type MockCostCenterResource,
  mockUuid,
} from "../billing/state.js";
import { error, json, notFound } from "../http.js";
import { type Route, type RouteContext, specRoute } from "../router.js";
import { findEnterprise, readObject } from "./lookup.js";

const DOCS = "https://docs.github.com/rest/billing/cost-centers";
const _READ = ["manage_billing:enterprise", "read:enterprise"];
const _WRITE = ["manage_billing:enterprise"];
const BASE = "/enterprises/{enterprise}/settings/billing/cost-centers";

const KINDS: Record<string, MockCostCenterResource["type"]> = {
  users: "User",
  organizations: "Org",
  repositories: "Repo",
  enterprise_teams: "EnterpriseTeam",
};

/** A cost center in GitHub's wire shape. */
export function renderCostCenter(center: MockCostCenter): Record<string, unknown> {
  return {
    id: center.id,
    name: center.name,
    state: center.state,
    azure_subscription: null,
    resources: center.resources.map((r) => ({ type: r.type, name: r.name })),
    ai_credit_pool_enabled: center.aiCreditPoolEnabled,
  };
}

function centerOf(ctx: RouteContext): MockCostCenter | undefined {
  if (!findEnterprise(ctx)) return undefined;
  return billingOf(ctx.state).costCenters.get(ctx.params.cost_center_id ?? "");
}

function validName(name: unknown): name is string {
  return typeof name === "string" && name.trim() !== "" && name.length <= 255;
}

function nameTaken(ctx: RouteContext, name: string, except?: string): boolean {
  return [...billingOf(ctx.state).costCenters.values()].some(
    (c) => c.id !== except && c.state === "active" && c.name.toLowerCase() === name.toLowerCase(),
  );
}

/** Reads `{ users?, organizations?, repositories?, enterprise_teams? }` (at least one entry). */
async function readResources(
  ctx: RouteContext,
): Promise<{ ok: true; resources: MockCostCenterResource[] } | { ok: false; response: Response }> {
  const read = await readObject(ctx, DOCS);
  if (!read.ok) return read;
  const resources: MockCostCenterResource[] = [];
  for (const [field, type] of Object.entries(KINDS)) {
    const names = read.body[field];
    if (names === undefined) continue;
    if (!Array.isArray(names) || names.some((n) => typeof n !== "string")) {
      return { ok: false, response: error(400, `${field} must be an array of strings`, DOCS) };
    }
    for (const name of names as string[]) resources.push({ type, name });
  }
  if (resources.length === 0)
    return { ok: false, response: error(400, "No resources were provided.", DOCS) };
  const unknown = resources.filter(
    (r) => r.type === "User" && !ctx.state.usersByLogin.has(r.name.toLowerCase()),
  );
  if (unknown.length > 0) {
    const names = unknown.map((r) => r.name).join(", ");
    return {
      ok: false,
      response: error(400, `The following users could not be found: ${names}`, DOCS),
    };
  }
  return { ok: true, resources };
}

const same = (a: MockCostCenterResource, b: MockCostCenterResource) =>
  a.type === b.type && a.name.toLowerCase() === b.name.toLowerCase();

/** Cost-center routes. */
export const costCenterRoutes: Route[] = [
  {
    ...specRoute("GET", BASE),
    handle(ctx) {
      if (!findEnterprise(ctx)) return notFound(this.docs);
      const state = ctx.url.searchParams.get("state");
      const centers = [...billingOf(ctx.state).costCenters.values()].filter(
        (c) => state === null || c.state === state,
      );
      return json(200, { costCenters: centers.map(renderCostCenter) });
    },
  },
  {
    ...specRoute("POST", BASE),
    async handle(ctx) {
      if (!findEnterprise(ctx)) return notFound(this.docs);
      const read = await readObject(ctx, this.docs);
      if (!read.ok) return read.response;
      const { name, ai_credit_pool_enabled: pool } = read.body;
      if (!validName(name))
        return error(400, "name is required (at most 255 characters).", this.docs);
      if (nameTaken(ctx, name))
        return error(409, `A cost center named ${name} already exists.`, this.docs);
      const center: MockCostCenter = {
        id: mockUuid(ctx.state.randomSeed, `cost-center-${ctx.state.nextId++}`),
        name,
        state: "active",
        resources: [],
        aiCreditPoolEnabled: pool === true,
      };
      billingOf(ctx.state).costCenters.set(center.id, center);
      ctx.state.version++;
      return json(200, renderCostCenter(center));
    },
  },
  {
    ...specRoute("GET", `${BASE}/{cost_center_id}`),
    handle(ctx) {
      const center = centerOf(ctx);
      return center ? json(200, renderCostCenter(center)) : notFound(this.docs);
    },
  },
  {
    ...specRoute("PATCH", `${BASE}/{cost_center_id}`),
    async handle(ctx) {
      const center = centerOf(ctx);
      if (center?.state !== "active") return notFound(this.docs);
      const read = await readObject(ctx, this.docs);
      if (!read.ok) return read.response;
      const { name, ai_credit_pool_enabled: pool } = read.body;
      if (name === undefined && pool === undefined)
        return error(400, "Provide name or ai_credit_pool_enabled.", this.docs);
      if (name !== undefined && !validName(name)) return error(400, "Invalid name.", this.docs);
      if (typeof name === "string" && nameTaken(ctx, name, center.id))
        return error(409, `A cost center named ${name} already exists.`, this.docs);
      if (typeof name === "string") center.name = name;
      if (typeof pool === "boolean") center.aiCreditPoolEnabled = pool;
      ctx.state.version++;
      return json(200, renderCostCenter(center));
    },
  },
  {
    ...specRoute("DELETE", `${BASE}/{cost_center_id}`),
    handle(ctx) {
      const center = centerOf(ctx);
      if (center?.state !== "active") return notFound(this.docs);
      center.state = "deleted";
      center.resources = [];
      ctx.state.version++;
      return json(200, {
        message: "Cost center successfully deleted.",
        id: center.id,
        name: center.name,
        costCenterState: "CostCenterArchived",
      });
    },
  },
  {
    ...specRoute("POST", `${BASE}/{cost_center_id}/resource`),
    async handle(ctx) {
      const center = centerOf(ctx);
      if (center?.state !== "active") return notFound(this.docs);
      const read = await readResources(ctx);
      if (!read.ok) return read.response;
      const reassigned: { resource_type: string; name: string; previous_cost_center: string }[] =
        [];
      for (const resource of read.resources) {
        for (const other of billingOf(ctx.state).costCenters.values()) {
          if (other === center || !other.resources.some((r) => same(r, resource))) continue;
          other.resources = other.resources.filter((r) => !same(r, resource));
          reassigned.push({
            resource_type: resource.type,
            name: resource.name,
            previous_cost_center: other.name,
          });
        }
        if (!center.resources.some((r) => same(r, resource))) center.resources.push(resource);
      }
      ctx.state.version++;
      return json(200, {
        message: "Resources successfully added to the cost center.",
        reassigned_resources: reassigned,
      });
    },
  },
  {
    ...specRoute("DELETE", `${BASE}/{cost_center_id}/resource`),
    async handle(ctx) {
      const center = centerOf(ctx);
      if (center?.state !== "active") return notFound(this.docs);
      const read = await readResources(ctx);
      if (!read.ok) return read.response;
      center.resources = center.resources.filter((r) => !read.resources.some((x) => same(x, r)));
      ctx.state.version++;
      return json(200, { message: "Resources successfully removed from the cost center." });
    },
  },
];
