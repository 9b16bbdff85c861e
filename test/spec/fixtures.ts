import type { OfficialSource } from "../../scripts/spec/compare.js";
import type { JsonObject, SpecDocument } from "../../scripts/spec/types.js";

/** Wraps a literal OpenAPI object as a checker document. */
export function spec(root: JsonObject, label = "ours", componentPrefix = ""): SpecDocument {
  return { root, label, componentPrefix };
}

/** An official source covering every path of `root`. */
export function official(
  root: JsonObject,
  label = "official",
  componentPrefix = "",
): OfficialSource {
  return { document: spec(root, label, componentPrefix), select: () => true };
}

/** A one-operation document: `GET /orgs/{org}/seats` answering `body` with 200 (plus a 404). */
export function seatsApi(
  body: unknown,
  schemas: JsonObject = {},
  extra: JsonObject = {},
): JsonObject {
  return {
    openapi: "3.1.0",
    paths: {
      "/orgs/{org}/seats": {
        get: {
          operationId: "copilot/list-seats",
          parameters: [{ name: "org", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "OK", content: { "application/json": { schema: body } } },
            "404": { description: "Not found" },
          },
          ...extra,
        },
      },
    },
    components: { schemas },
  };
}
