// One error vocabulary for the whole app: each code has its HTTP status. Messages are sentences a
// person can act on; they never carry a key, a stack trace or a private URL.

const ERROR_STATUS = {
  bad_request: 400,
  unsupported_combination: 400,
  unauthorized: 401,
  forbidden: 403,
  cross_site: 403,
  not_found: 404,
  backend_not_found: 404,
  path_not_allowed: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media: 415,
  range_not_satisfiable: 416,
  host_not_allowed: 421,
  rate_limited: 429,
  upstream_rejected: 400,
  backend_unreachable: 502,
  upstream_error: 502,
  upstream_timeout: 504,
  database_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  /** errorId: the request's id, which the server's log line about it carries too. */
  error: { code: ErrorCode; message: string; errorId?: string };
}

export class PlaygroundError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Headers the refusal needs, e.g. Retry-After, WWW-Authenticate or Allow. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, message: string, status?: number, headers: Record<string, string> = {}) {
    super(message);
    this.name = "PlaygroundError";
    this.code = code;
    this.status = status ?? ERROR_STATUS[code];
    this.headers = headers;
  }

  toBody(errorId?: string): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(errorId ? { errorId } : {}) } };
  }

  // The database lives on globalThis, once per process, but the dev server can load this module once
  // per route: an error made by another copy of the class still counts as one of ours.
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === "PlaygroundError" && isErrorCode((value as { code?: unknown }).code);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && value in ERROR_STATUS;
}

/** Reads an error response of our API back into a typed error (used by the browser). */
export async function errorFromResponse(response: Response): Promise<PlaygroundError> {
  const fallback = `The server answered ${response.status} ${response.statusText || ""}`.trim() + ".";
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    const code = body.error?.code;
    const message = body.error?.message ?? fallback;
    return new PlaygroundError(isErrorCode(code) ? code : "internal", message, response.status);
  } catch {
    return new PlaygroundError("internal", fallback, response.status);
  }
}
