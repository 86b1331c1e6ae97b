import { print, type DocumentNode } from 'graphql';
import { config } from '$lib/server/env';

/** A GraphQL or transport failure, with the API's `extensions.code` (e.g. BAD_USER_INPUT). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    readonly path?: readonly (string | number)[]
  ) {
    super(message);
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
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
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

/**
 * The one GraphQL client of the web app. Pass the `fetch` of the load event so SvelteKit can track
 * the request. Throws `ApiError` on transport failures and on any GraphQL error.
 */
export async function query<TResult, TVariables extends Record<string, unknown>>(
  fetch: typeof globalThis.fetch,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(config().apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
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
    throw new ApiError(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first.message, response.status, first.path);
  }
  if (!response.ok || body.data == null) {
    throw new ApiError('BAD_RESPONSE', `GraphQL API answered HTTP ${response.status} without data`, response.status);
  }
  return body.data;
}
