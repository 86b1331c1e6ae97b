import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_SECRET_HEADER } from '../../src/common/rate-limit/client-address.js';
import { loadConfig, repoRoot } from '../../src/config/env.js';
import type { RuntimeConfig } from '../../src/config/runtime-config.js';
import { ObjectStorage } from '../../src/infra/storage/object-storage.js';
import { createDomainContext } from '../../src/seed/domain-context.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

/** One line of the API's log (pino JSON): level 30 info, 40 warn, 50 error; `reqId` inside a request. */
export interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  context?: string;
  [field: string]: unknown;
}

export interface TestApp {
  /** Base URL of the API under test, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The API's Prometheus listener, e.g. http://127.0.0.1:41235/metrics */
  metricsUrl: string;
  /** Process id of the API under test (its memory, signals). */
  pid: number;
  config: RuntimeConfig;
  dataSource: DataSource;
  storage: ObjectStorage;
  /** The app's own services, in this process (test data goes in through the DataSource: factories.ts). */
  get<T>(type: abstract new (...args: any[]) => T): T;
  /**
   * A GraphQL call; `token` calls as that account; `ip` as a visitor at that address, vouched for the
   * way the storefront's server does it (CLIENT_ADDRESS_SECRET); `headers` are sent as they are.
   */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: { token?: string; ip?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  /** Runs fn and returns how many SQL statements the API process sent meanwhile (its karya_db_statements_total). */
  countQueries(fn: () => Promise<unknown>): Promise<number>;
  /** The API's last log lines (at most LOG_LINES_KEPT), oldest first. */
  logs(): LogLine[];
  /** Kills the API process with SIGKILL, as a crash or an OOM kill would: no shutdown hook runs. */
  killApi(): Promise<void>;
  /** Starts the API process again on the same port, database and bucket (after killApi). */
  restartApi(): Promise<void>;
  close(): Promise<void>;
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is missing: run the e2e tests through jest (the global setup starts PostgreSQL and S3)`);
  return value;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The real API, built (`dist/main.js`) and started as its own process the way production starts it,
 * on its own database (cloned from the migrated template) and its own bucket.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const adminUrl = requireEnv('TEST_PG_ADMIN_URL');
  const suffix = randomBytes(6).toString('hex');
  const database = `test_${suffix}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database} TEMPLATE karya_template`);
  await admin.end();

  const port = await freePort();
  const metricsPort = await freePort();
  // Its own account on the Stripe test server: the webhooks of its payments go to this API and no other.
  const stripeUrl = requireEnv('TEST_STRIPE_API_URL');
  const stripeAccount = await createStripeTestAccount(stripeUrl, `http://127.0.0.1:${port}/webhooks/stripe`);
  const variables: Record<string, string> = {
    NODE_ENV: 'test',
    API_PORT: String(port),
    METRICS_PORT: String(metricsPort),
    DATABASE_URL: adminUrl.replace(/\/postgres$/, `/${database}`),
    S3_ENDPOINT: requireEnv('TEST_S3_ENDPOINT'),
    S3_ACCESS_KEY: requireEnv('TEST_S3_ACCESS_KEY'),
    S3_SECRET_KEY: requireEnv('TEST_S3_SECRET_KEY'),
    S3_BUCKET: `test-${suffix}`,
    STRIPE_API_URL: stripeUrl,
    STRIPE_SECRET_KEY: stripeAccount.secretKey,
    STRIPE_WEBHOOK_SECRET: stripeAccount.webhookSecret,
    CLIENT_ADDRESS_SECRET: randomBytes(32).toString('base64url'),
    ...env,
  };
  const config = loadConfig(variables) as RuntimeConfig;

  // The API process works the jobs; the test's own copy of the services only sends them.
  const fixtures: INestApplicationContext = await createDomainContext(config);
  let api = await startApi(variables, port);
  const url = `http://127.0.0.1:${port}`;
  const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  const statementsSent = async () => {
    const text = await (await fetch(metricsUrl)).text();
    const line = /^karya_db_statements_total (\d+)$/m.exec(text);
    if (!line) throw new Error(`karya_db_statements_total is missing from ${metricsUrl}`);
    return Number(line[1]);
  };

  return {
    url,
    metricsUrl,
    get pid() {
      return api.pid;
    },
    config,
    dataSource: fixtures.get(DataSource),
    storage: fixtures.get(ObjectStorage),
    get: (type) => fixtures.get(type),
    async gql(query, queryVariables, as = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...as.headers };
      if (as.token) headers.authorization = `Bearer ${as.token}`;
      if (as.ip) Object.assign(headers, { [CLIENT_ADDRESS_HEADER]: as.ip, [CLIENT_ADDRESS_SECRET_HEADER]: variables.CLIENT_ADDRESS_SECRET });
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables: queryVariables }) });
      const body = (await response.json()) as { data?: unknown; errors?: GraphQLResponse['errors'] };
      return { status: response.status, headers: response.headers, data: (body.data ?? null) as never, errors: body.errors };
    },
    async countQueries(fn) {
      const before = await statementsSent();
      await fn();
      return (await statementsSent()) - before;
    },
    logs: () => api.logs(),
    async killApi() {
      await api.kill();
    },
    async restartApi() {
      api = await startApi(variables, port);
    },
    async close() {
      await api.stop();
      await fixtures.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A fresh account on the local Stripe test server (POST /_test/accounts), with its own keys and webhook endpoint. */
export async function createStripeTestAccount(stripeUrl: string, webhookUrl: string | null): Promise<{ secretKey: string; webhookSecret: string }> {
  const response = await fetch(`${stripeUrl}/_test/accounts`, { method: 'POST', body: new URLSearchParams(webhookUrl ? { webhook_url: webhookUrl } : {}) });
  if (!response.ok) throw new Error(`The Stripe test server refused a new account: ${response.status} ${await response.text()}`);
  const account = (await response.json()) as { secret_key: string; webhook_secret: string };
  return { secretKey: account.secret_key, webhookSecret: account.webhook_secret };
}

/** Log lines kept per API process, for tests that read the log (a soak test makes thousands). */
const LOG_LINES_KEPT = 2000;

async function startApi(variables: Record<string, string>, port: number): Promise<{ pid: number; logs(): LogLine[]; kill(): Promise<void>; stop(): Promise<void> }> {
  const main = path.join(repoRoot(), 'apps', 'api', 'dist', 'main.js');
  const child: ChildProcess = spawn(process.execPath, [main], { env: { ...process.env, ...variables }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop()!;
    for (const line of complete) {
      lines.push(line);
      if (lines.length > LOG_LINES_KEPT) lines.shift();
      // The API's own errors belong in the test output: an INTERNAL_SERVER_ERROR alone explains nothing.
      if (/"level":(50|60)\b/.test(line)) process.stderr.write(`[api] ${line}\n`);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    lines.push(chunk.toString());
    process.stderr.write(`[api] ${chunk.toString()}`);
  });
  const output = () => lines.join('\n');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited while starting:\n${output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API did not become ready in 30 s:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    pid: child.pid!,
    logs: () => lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    }),
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      // Already gone when a test killed it.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
