/** An error answered the way Stripe answers it: `{ error: { type, code, message, param } }` with its HTTP status. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: 'invalid_request_error' | 'idempotency_error' | 'card_error' | 'api_error',
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }

  body() {
    return { error: { type: this.type, code: this.code, message: this.message, param: this.param } };
  }
}

/** Refused while reading the parameters, before anything ran: Stripe keeps no idempotent result for these. */
export class ParamError extends StripeApiError {
  constructor(message: string, param: string, code = 'parameter_invalid') {
    super(400, 'invalid_request_error', message, code, param);
  }
}

export const notFound = (object: string, id: string, param = 'id') =>
  new StripeApiError(404, 'invalid_request_error', `No such ${object}: '${id}'`, 'resource_missing', param);

export const badRequest = (message: string, code?: string, param?: string) => new StripeApiError(400, 'invalid_request_error', message, code, param);
