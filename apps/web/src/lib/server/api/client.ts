import { print, type DocumentNode } from 'graphql';
import { config } from '$lib/server/env';
import { currentRequestId } from '$lib/server/log';

/** A GraphQL or transport failure, with the API's `extensions.code` (e.g. BAD_USER_INPUT). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    readonly path?: readonly (string | number)[],
    readonly extensions: Readonly<Record<string, unknown>> = {}
  ) {
    super(message);
  }

  /** The input the API blamed, e.g. `input.phone` (BAD_USER_INPUT). */
  get field(): string | undefined {
    return typeof this.extensions.field === 'string' ? this.extensions.field : undefined;
  }

  /** How long to wait before trying again (TOO_MANY_REQUESTS). */
  get retryAfterSeconds(): number | undefined {
    const value = this.extensions.retryAfterSeconds;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  get isBadUserInput(): boolean {
    return this.code === 'BAD_USER_INPUT' || this.code === 'GRAPHQL_VALIDATION_FAILED';
  }
}

/** Structurally the codegen's TypedDocumentNode (result and variables types ride on the document). */
export interface TypedDocumentNode<TResult = unknown, TVariables = Record<string, unknown>> extends DocumentNode {
  __apiType?: (variables: TVariables) => TResult;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } & Record<string, unknown> }[];
}

// Printed once per document, not once per request.
const printed = new WeakMap<DocumentNode, string>();
function source(document: DocumentNode): string {
  let text = printed.get(document);
  if (!text) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

const TIMEOUT_MS = 10_000;

/** Who is calling, for requests made on a person's behalf. */
export interface QueryOptions {
  /** Session token from the HTTP-only cookie: sent as `Authorization: Bearer …`, never to the browser. */
  token?: string | null;
}

/**
 * The one GraphQL client of the web app. Pass the `fetch` of the load event so SvelteKit can track
 * the request (and so that hooks `handleFetch` tells the API the visitor's address); pass `options`
 * (see `caller(event)`) for calls that act for the signed-in person. Throws `ApiError` on transport failures and on any GraphQL error.
 */
export async function query<TResult, TVariables extends Record<string, unknown>>(
  fetch: typeof globalThis.fetch,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: QueryOptions = {}
): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  // The API logs this call under the id of the visitor's request (hooks.server.ts).
  const requestId = currentRequestId();
  if (requestId) headers['x-request-id'] = requestId;

  let response: Response;
  try {
    response = await fetch(config().apiUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: source(document), variables }),
      signal: AbortSignal.timeout(TIMEOUT_MS)
    });
  } catch (cause) {
    throw new ApiError('API_UNREACHABLE', `GraphQL API not reachable: ${(cause as Error).message}`);
  }

  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError('BAD_RESPONSE', `GraphQL API answered HTTP ${response.status} without JSON`, response.status);
  }

  const first = body.errors?.[0];
  if (first) {
    const { code, ...extensions } = first.extensions ?? {};
    throw new ApiError(code ?? 'INTERNAL_SERVER_ERROR', first.message, response.status, first.path, extensions);
  }
  if (!response.ok || body.data == null) {
    throw new ApiError('BAD_RESPONSE', `GraphQL API answered HTTP ${response.status} without data`, response.status);
  }
  return body.data;
}
