/** Hand-written helpers: dates, seat workflows, usage arithmetic. */
export * from "../internal/dates.js";
export * from "./reclaim.js";
export * from "./seats.js";
export * from "./usage.js";
