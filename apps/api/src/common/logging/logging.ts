import { randomUUID } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogConfig } from '../../config/env.js';

let root: Logger | undefined;

/**
 * The process's one pino logger, also used before Nest starts: JSON lines on stdout for a log
 * collector, or pino-pretty's readable lines (LOG_FORMAT). Made on first use.
 */
export function rootLogger(config: LogConfig): Logger {
  root ??= pino(
    {
      name: 'api',
      level: config.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // A failed query's error carries its parameters: phone numbers, password hashes, tokens.
      redact: { paths: ['err.parameters', 'err.cause.parameters'], censor: '[redacted]' },
    },
    config.format === 'pretty' ? pretty({ translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,context', messageFormat: '{if context}[{context}] {end}{msg}', singleLine: true }) : undefined,
  );
  return root;
}

interface LoggedRequest {
  url?: string;
  /** Set by the requestId middleware (app.module.ts) before this one runs. */
  requestId?: string;
  /** Set by GraphQLMetricsPlugin once the operation is known. */
  graphqlOperation?: string;
}

/**
 * Nest's logger is pino (nestjs-pino): a line per request, and every line logged while a request is
 * served (Nest, TypeORM, GraphQL errors) carries its `reqId`, the `x-request-id` the caller sent or got.
 */
export function loggingModule(config: LogConfig): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      logger: rootLogger(config),
      genReqId: (req) => (req as LoggedRequest).requestId ?? randomUUID(),
      // Lines inside a request carry only its id; the request line carries method, path and status.
      quietReqLogger: true,
      // No headers (tokens, the client address secret) and no query string (GET variables).
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      customProps: (req) => {
        const operation = (req as LoggedRequest).graphqlOperation;
        return operation ? { operation } : {};
      },
      // Probes every few seconds would drown the log.
      autoLogging: { ignore: (req) => (req as LoggedRequest).url?.startsWith('/health') ?? false },
    },
  });
}
