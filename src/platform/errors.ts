// The one error currency of the platform. Services throw AppError with a kind; the HTTP error
// handler maps kinds to RFC 9457 problem details and the CLI maps them to exit codes.

export type ErrorKind =
  | 'invalid'
  | 'unauthorised'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable';

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly errors: FieldError[] | undefined;

  constructor(kind: ErrorKind, detail: string, errors?: FieldError[]) {
    super(detail);
    this.name = 'AppError';
    this.kind = kind;
    this.errors = errors;
  }
}

export const statusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorised: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export const titleOfKind: Record<ErrorKind, string> = {
  invalid: 'Invalid request',
  unauthorised: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  too_large: 'Request too large',
  rate_limited: 'Too many requests',
  unavailable: 'Service unavailable',
};

/** Exit codes the CLI promises to scripts: 0 success, 1 failure, 2 bad input, 3 not allowed, 4 not found. */
export const exitCodeOfKind: Record<ErrorKind, number> = {
  invalid: 2,
  unauthorised: 3,
  forbidden: 3,
  not_found: 4,
  conflict: 5,
  too_large: 2,
  rate_limited: 1,
  unavailable: 1,
};
