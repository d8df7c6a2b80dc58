// RFC 9457 problem details for every error the API returns. Validation errors carry per-field
// `errors`; 5xx answers never reveal internals and are logged with the request id.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, statusOfKind, titleOfKind, type FieldError } from '../errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldError[];
}

const titles: Record<number, string> = {
  400: 'Invalid request', 401: 'Sign-in required', 403: 'Not allowed', 404: 'Not found',
  405: 'Method not allowed', 406: 'Not acceptable', 409: 'Conflict', 413: 'Request too large',
  415: 'Unsupported media type', 429: 'Too many requests', 500: 'Internal server error', 503: 'Service unavailable',
};

export function sendProblem(reply: FastifyReply, request: FastifyRequest, status: number, detail: string,
  errors?: FieldError[]): FastifyReply {
  const body: Problem = {
    type: status === 400 && errors ? 'https://wcc.nhs.example/problems/validation' : 'about:blank',
    title: titles[status] ?? 'Error',
    status,
    detail,
    instance: request.url.split('?')[0] ?? request.url,
  };
  if (errors) body.errors = errors;
  return reply.code(status).type('application/problem+json').send(body);
}

function validationErrors(error: FastifyError): FieldError[] {
  const where = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    let path = `${where}${v.instancePath}`;
    let message = v.message ?? 'is invalid';
    if (v.keyword === 'additionalProperties') {
      path = `${path}/${String(params.additionalProperty)}`;
      message = 'is not a known field';
    } else if (v.keyword === 'required') {
      path = `${path}/${String(params.missingProperty)}`;
      message = 'is required';
    }
    return { path, message };
  });
}

export function errorHandler(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const status = statusOfKind[error.kind];
    return sendProblem(reply, request, status, error.message || titleOfKind[error.kind], error.errors);
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const errors = validationErrors(fe);
    return sendProblem(reply, request, 400, `The request is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);
  }
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const detail = fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
      ? 'The request body is not valid JSON.'
      : fe.message;
    return sendProblem(reply, request, status, detail);
  }
  request.log.error({ err: error, reqId: request.id }, 'unhandled error');
  return sendProblem(reply, request, 500, `Something went wrong on our side (request ${request.id}).`);
}
