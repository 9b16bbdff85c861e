/**
 * Billing and seat reads:
 * GET /orgs/{org}/copilot/billing, GET /orgs/{org}/copilot/billing/seats,
 * GET /orgs/{org}/members/{username}/copilot, GET /enterprises/{enterprise}/copilot/billing/seats,
 * GET /enterprises/{enterprise}/members/{username}/copilot
 * (https://docs.github.com/en/rest/copilot/copilot-user-management).
 */
import { json, linkHeaders, notFound, pageWindow } from "../http.js";
import { renderSeat } from "../render.js";
import { fromSpec, type Route } from "../router.js";
import {
  enterpriseDistinctSeats,
  enterpriseRowCount,
  enterpriseSeatLists,
  purgeExpired,
  seatBreakdown,
  sliceEnterpriseSeats,
} from "../seats.js";
import type { MockState } from "../types.js";
import { findEnterprise, findOrg, findUser } from "./lookup.js";

function purgeAll(state: MockState, now: Date): void {
  for (const list of enterpriseSeatLists(state)) purgeExpired(state, list.seats, now);
}

/** Seat and billing read routes. */
export const seatRoutes: Route[] = [
  {
    ...fromSpec("copilot/get-copilot-organization-details"),
    handle(ctx) {
      const org = findOrg(ctx);
      if (!org) return notFound(this.docs);
      purgeExpired(ctx.state, org.seats, ctx.now);
      return json(200, {
        seat_breakdown: seatBreakdown(org, ctx.now),
        seat_management_setting: org.seatManagementSetting,
        ...org.policies,
        plan_type: org.planType,
      });
    },
  },
  {
    ...fromSpec("copilot/list-copilot-seats"),
    handle(ctx) {
      const org = findOrg(ctx);
      if (!org) return notFound(this.docs);
      purgeExpired(ctx.state, org.seats, ctx.now);
      const window = pageWindow(ctx.url, org.seats.length, 50);
      const seats = org.seats
        .slice(window.start, window.end)
        .map((seat) => renderSeat(ctx.render, ctx.state, org, seat, false));
      return json(200, { total_seats: org.seats.length, seats }, linkHeaders(window));
    },
  },
  {
    ...fromSpec("copilot/get-copilot-seat-details-for-user"),
    handle(ctx) {
      const org = findOrg(ctx);
      const user = findUser(ctx, ctx.params.username ?? "");
      if (!org || !user) return notFound(this.docs);
      purgeExpired(ctx.state, org.seats, ctx.now);
      const seat = org.seats.find((s) => s.userId === user.id);
      if (!seat) return notFound(this.docs);
      return json(200, renderSeat(ctx.render, ctx.state, org, seat, false));
    },
  },
  {
    ...fromSpec("copilot/list-copilot-seats-for-enterprise"),
    handle(ctx) {
      if (!findEnterprise(ctx)) return notFound(this.docs);
      purgeAll(ctx.state, ctx.now);
      // One row per organization (or enterprise team) granting the user a seat;
      // `total_seats` counts each user once, so it can be below the row count.
      const window = pageWindow(ctx.url, enterpriseRowCount(ctx.state), 50);
      const seats = sliceEnterpriseSeats(ctx.state, window.start, window.end).map(({ org, seat }) =>
        renderSeat(ctx.render, ctx.state, org, seat, true),
      );
      return json(
        200,
        { total_seats: enterpriseDistinctSeats(ctx.state, ctx.now), seats },
        linkHeaders(window),
      );
    },
  },
  {
    ...fromSpec("copilot/get-copilot-seat-details-for-enterprise-user"),
    handle(ctx) {
      const user = findUser(ctx, ctx.params.username ?? "");
      if (!findEnterprise(ctx) || !user) return notFound(this.docs);
      purgeAll(ctx.state, ctx.now);
      const seats = enterpriseSeatLists(ctx.state).flatMap(({ org, seats: list }) =>
        list
          .filter((seat) => seat.userId === user.id)
          .map((seat) => renderSeat(ctx.render, ctx.state, org, seat, true)),
      );
      if (seats.length === 0) return notFound(this.docs);
      return json(200, { total_seats: 1, seats });
    },
  },
];
