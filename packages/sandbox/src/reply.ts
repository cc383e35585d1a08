// What a handler answers: a status, a JSON body and headers. (Faults add resets and hangs on top.)

export interface Reply {
  status: number;
  /** Serialised as JSON (a string with a non-JSON `content-type` header is sent as it is); absent for an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? (status >= 500 ? "Server Error" : "Client Error");
}

/** Thrown by a handler for a request its schema accepts but its data does not (an unknown contact, a bad date): a 400. */
export class BadData extends Error {}
