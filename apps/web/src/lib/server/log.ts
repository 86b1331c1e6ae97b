import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { config, type WebConfig } from '$lib/server/env';

const requests = new AsyncLocalStorage<{ requestId: string }>();

/** What the API accepts as a request id (anything else it replaces, and we would lose the thread). */
const REQUEST_ID = /^[\w-]{1,64}$/;

/** The id of this request: the one a proxy in front sent, when well-formed, else a new one. */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get('x-request-id');
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Runs the handling of one request: every line logged inside, and every API call, carries its id. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requests.run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return requests.getStore()?.requestId;
}

/** pino for the web server: JSON lines (LOG_FORMAT=json, the default in production) or readable ones, each with `reqId` inside a request. */
export function createLogger(options: Pick<WebConfig, 'logLevel' | 'logFormat'>, destination?: DestinationStream): Logger {
  const stream = destination ?? (options.logFormat === 'pretty' ? pretty({ translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: true }) : undefined);
  return pino(
    {
      name: 'web',
      level: options.logLevel,
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { reqId: requestId } : {};
      }
    },
    stream
  );
}

let root: Logger | undefined;

/** The web server's logger, made on first use from the configuration. */
export function log(): Logger {
  root ??= createLogger(config());
  return root;
}
