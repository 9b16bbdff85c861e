/**
 * The control API of the loopback mock server, for test suites in any language:
 *
 * - `GET /_mock/state`: the enterprise, each organization (seat count, seat policy) and the
 *   faults still queued;
 * - `POST /_mock/faults`: queue one fault or an array of faults (the `mock.faults.next` shape,
 *   `match` included) → 201 `{ pending }`, 400 `{ message }` for a malformed fault;
 *   `DELETE /_mock/faults` clears faults, latency and the secondary-limit mode → 204;
 * - `GET /_mock/requests`: the requests received, oldest first, `authorization` redacted;
 * - `POST /_mock/reset`: regenerate the state from the seed, clear requests and faults → 204.
 *
 * Paths are under the API base URL (`${server.url}/_mock/...`); these requests are not recorded.
 */
import type { MockFault } from "./faults.js";
import type { CopilotMock } from "./mock.js";

/** The path prefix of the control API. */
export const CONTROL_PREFIX = "/_mock/";

/** An answer of the control API: status and JSON body (none for 204). */
export interface ControlAnswer {
  status: number;
  body?: unknown;
}

function isFault(value: unknown): value is MockFault {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const fault = value as Record<string, unknown>;
  if (fault.drop === true || fault.malformedJson === true) return true;
  return (
    Number.isInteger(fault.status) &&
    (fault.status as number) >= 100 &&
    (fault.status as number) <= 599
  );
}

function state(mock: CopilotMock): unknown {
  const { enterprise, orgs } = mock.state;
  return {
    enterprise: enterprise.slug,
    orgs: [...orgs.values()].map((org) => ({
      login: org.login,
      plan_type: org.planType,
      seat_management_setting: org.seatManagementSetting,
      seats: org.seats.length,
    })),
    faults: { pending: mock.faults.pending, queued: mock.faults.queued },
    requests: mock.requests.length,
  };
}

function requests(mock: CopilotMock): unknown {
  return mock.requests.map((request) => ({
    ...request,
    headers: {
      ...request.headers,
      ...(request.headers.authorization ? { authorization: "<redacted>" } : {}),
    },
  }));
}

function addFaults(mock: CopilotMock, body: unknown): ControlAnswer {
  const faults = Array.isArray(body) ? body : [body];
  if (faults.length === 0 || !faults.every(isFault)) {
    return {
      status: 400,
      body: {
        message:
          'a fault is { "status": 100-599, ... }, { "drop": true } or { "malformedJson": true }, with optional "target" and "match": { "method", "path", "operation" }; send one or an array',
      },
    };
  }
  try {
    mock.faults.next(...faults);
  } catch (error) {
    return { status: 400, body: { message: (error as Error).message } };
  }
  return { status: 201, body: { pending: mock.faults.pending } };
}

/**
 * Answers a control request, `undefined` when `path` (relative to the base URL) is not one.
 * `bodyText` is the request body (JSON for `POST /_mock/faults`).
 */
export function control(
  mock: CopilotMock,
  method: string,
  path: string,
  bodyText: string,
): ControlAnswer | undefined {
  if (!path.startsWith(CONTROL_PREFIX)) return undefined;
  const route = `${method} ${path.slice(CONTROL_PREFIX.length - 1)}`;
  switch (route) {
    case "GET /state":
      return { status: 200, body: state(mock) };
    case "GET /requests":
      return { status: 200, body: requests(mock) };
    case "POST /faults": {
      let body: unknown;
      try {
        body = JSON.parse(bodyText);
      } catch {
        return { status: 400, body: { message: "the body is not JSON" } };
      }
      return addFaults(mock, body);
    }
    case "DELETE /faults":
      mock.faults.clear();
      return { status: 204 };
    case "POST /reset":
      mock.reset();
      return { status: 204 };
    default:
      return { status: 404, body: { message: `no control endpoint ${route}` } };
  }
}
