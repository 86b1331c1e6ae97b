import { AsyncLocalStorage } from 'node:async_hooks';
import { GraphQLError } from 'graphql';

/**
 * The work one HTTP request started: whether its client is still there, and which PostgreSQL
 * backends are running its statements right now. Carried by AsyncLocalStorage, so repositories and
 * DataLoaders need no extra argument.
 */
export class RequestWork {
  private readonly controller = new AbortController();
  readonly signal: AbortSignal = this.controller.signal;
  /** Set for read-only operations: a write (a mutation, a webhook) always runs to its end. */
  stoppable = false;
  /** The connection of each statement in flight, by the query runner that sent it. */
  readonly running = new Map<object, RunningConnection>();

  /** The client hung up before the response was sent. */
  clientLeft(): void {
    this.controller.abort();
  }

  get abandoned(): boolean {
    return this.stoppable && this.signal.aborted;
  }
}

/** A pg client while it runs one statement: closing it stops that statement. */
export interface RunningConnection {
  end(): Promise<void>;
}

const storage = new AsyncLocalStorage<RequestWork>();

export const currentRequestWork = (): RequestWork | undefined => storage.getStore();

/** What resolvers and SQL of an abandoned request answer; nobody is left to read it. */
export const clientLeftError = () =>
  new GraphQLError('The client closed the request.', { extensions: { code: 'CLIENT_CLOSED_REQUEST' } });

interface ClosableResponse {
  writableFinished: boolean;
  once(event: 'close', listener: () => void): unknown;
}

/** Express middleware: the rest of the request runs inside its RequestWork, which learns when the client leaves. */
export function trackRequestWork(_req: unknown, res: ClosableResponse, next: () => void): void {
  const work = new RequestWork();
  // 'close' also follows a finished response; only a close before the end means the client left.
  res.once('close', () => {
    if (!res.writableFinished) work.clientLeft();
  });
  storage.run(work, next);
}
