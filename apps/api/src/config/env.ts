import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one place that reads process.env. Every bad variable is reported in one error so an operator
 * fixes the configuration in one go; with nothing set the API runs on embedded PostgreSQL and S3.
 */
export interface S3Config {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  /** Base URL browsers use to fetch public objects (`<publicUrl>/<bucket>/<key>`). */
  publicUrl: string;
}

/** Stripe, or another server that speaks its API (the local Stripe test server). */
export interface StripeConfig {
  secretKey: string;
  /** Signs the webhooks Stripe sends to POST /webhooks/stripe (whsec_…). */
  webhookSecret: string;
  /** Where the SDK sends requests instead of api.stripe.com; null: Stripe itself. */
  apiBase: { protocol: 'http' | 'https'; host: string; port: number } | null;
}

/** What one GraphQL operation may ask for; anything beyond is refused before a resolver runs. */
export interface GraphQLLimits {
  /** Levels of nested fields. */
  maxDepth: number;
  /** Cost points (see common/graphql/complexity.plugin.ts): a search or a count costs far more than a field. */
  maxComplexity: number;
  maxAliases: number;
  /** Lexical tokens in the document: a bound on parsing and validation work. */
  maxTokens: number;
  /** Fields asked at the top of the operation (each is its own resolver and SQL). */
  maxRootFields: number;
  maxDirectives: number;
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

export interface LogConfig {
  level: (typeof LOG_LEVELS)[number];
  /** json: one JSON object a line, for a log collector; pretty: readable lines for a person at a terminal. */
  format: 'json' | 'pretty';
}

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** Listen address: 0.0.0.0 in a container; the embedded start binds 127.0.0.1 (only the storefront's server calls the API there). */
  host: string;
  /** null → start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | null;
  /** null → start the embedded S3-compatible server under dataDir. */
  s3: S3Config | null;
  /** null → start the local Stripe test server (no real money). */
  stripe: StripeConfig | null;
  dataDir: string;
  embeddedPostgresPort: number;
  embeddedS3Port: number;
  embeddedStripePort: number;
  seedDemoData: boolean;
  graphqlLimits: GraphQLLimits;
  /** PostgreSQL statement_timeout for the API's own queries, in ms (0: none). */
  dbStatementTimeoutMs: number;
  /** Log every SQL statement (development). */
  logSql: boolean;
  log: LogConfig;
  /**
   * Port of the Prometheus listener (GET /metrics), on the API's address: a port of its own so that
   * only what reaches the pod or machine directly can scrape it, never the ingress that routes /graphql.
   */
  metricsPort: number;
  /** Work background jobs (photo variants) in this process. */
  jobWorker: boolean;
  /**
   * Express `trust proxy`: the network proxies in front of the API (an ingress) whose X-Forwarded-For
   * is believed; false (the default) believes nobody, so the caller's address is the socket's peer.
   */
  trustProxy: false | string[];
  /**
   * Shared with the storefront's server, which calls the API for its visitors and vouches for each
   * visitor's address with it (see common/rate-limit/client-address.ts); null: nobody can vouch.
   */
  clientAddressSecret: string | null;
  /** DEV_OUTBOX_LOCAL: outside production, devOutbox also answers a caller on this machine (loopback socket), not only ADMIN. */
  devOutboxLocal: boolean;
  /** Searches (`products` with filter.search) per client address per minute. */
  searchLimitPerMinute: number;
  /** Where buyers reach the storefront: Stripe's hosted page sends them back there after paying. */
  storefrontUrl: string;
  /** The platform's account buyers transfer to (shown with the amount and its deadline). */
  bankAccount: BankAccount;
}

export interface BankAccount {
  bank: string;
  number: string;
  holder: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Variables that the production-like stacks (compose, k8s) must provide: embedded defaults are for one machine only. */
export const PRODUCTION_REQUIRED_VARIABLES = [
  'NODE_ENV',
  'DATABASE_URL',
  'S3_ENDPOINT',
  'S3_ACCESS_KEY',
  'S3_SECRET_KEY',
  'S3_BUCKET',
  'S3_PUBLIC_URL',
] as const;

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_BUCKET'] as const;
const STRIPE_VARIABLES = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] as const;

export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const nodeEnv = read('NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  }

  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const port = integer('API_PORT', 4000, 1, 65535);
  const metricsPort = integer('METRICS_PORT', 9464, 1, 65535);
  if (metricsPort === port) problems.push(`METRICS_PORT must differ from API_PORT (both ${port})`);
  const embeddedPostgresPort = integer('EMBEDDED_POSTGRES_PORT', 54329, 1, 65535);
  const embeddedS3Port = integer('EMBEDDED_S3_PORT', 4569, 1, 65535);
  const embeddedStripePort = integer('EMBEDDED_STRIPE_PORT', 12111, 1, 65535);
  const graphqlLimits: GraphQLLimits = {
    maxDepth: integer('GRAPHQL_MAX_DEPTH', 8, 2, 50),
    maxComplexity: integer('GRAPHQL_MAX_COMPLEXITY', 5000, 100, 1_000_000),
    maxAliases: integer('GRAPHQL_MAX_ALIASES', 15, 0, 1000),
    maxTokens: integer('GRAPHQL_MAX_TOKENS', 1000, 100, 100_000),
    maxRootFields: integer('GRAPHQL_MAX_ROOT_FIELDS', 10, 1, 1000),
    maxDirectives: integer('GRAPHQL_MAX_DIRECTIVES', 10, 0, 1000),
  };
  const dbStatementTimeoutMs = integer('DB_STATEMENT_TIMEOUT_MS', 5000, 0, 3_600_000);
  const searchLimitPerMinute = integer('SEARCH_LIMIT_PER_MINUTE', 60, 1, 100_000);

  const host = read('API_HOST') ?? '0.0.0.0';
  if (isIP(host) === 0 && host !== 'localhost') problems.push(`API_HOST must be an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0 (got "${host}")`);
  const trustProxy = parseTrustProxy(read('TRUST_PROXY'), problems);
  const clientAddressSecret = read('CLIENT_ADDRESS_SECRET') ?? null;
  if (clientAddressSecret !== null && clientAddressSecret.length < 32) {
    problems.push('CLIENT_ADDRESS_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  }

  const databaseUrl = read('DATABASE_URL') ?? null;
  if (databaseUrl !== null) {
    try {
      const url = new URL(databaseUrl);
      if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
        problems.push(`DATABASE_URL must start with postgres:// or postgresql:// (got "${url.protocol}//…")`);
      }
    } catch {
      problems.push('DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)');
    }
  }

  let s3: S3Config | null = null;
  const setS3 = S3_VARIABLES.filter((name) => read(name) !== undefined);
  if (setS3.length > 0 && setS3.length < S3_VARIABLES.length) {
    const missing = S3_VARIABLES.filter((name) => read(name) === undefined);
    problems.push(`${missing.join(', ')} must be set together with ${setS3.join(', ')} (or leave all S3_* unset for the embedded store)`);
  } else if (setS3.length === S3_VARIABLES.length) {
    const endpoint = parseHttpUrl('S3_ENDPOINT', read('S3_ENDPOINT')!, problems);
    const bucket = read('S3_BUCKET')!;
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
      problems.push(`S3_BUCKET must be 3–63 lowercase letters, digits, dots or hyphens (got "${bucket}")`);
    }
    const publicUrl = read('S3_PUBLIC_URL');
    if (publicUrl !== undefined) parseHttpUrl('S3_PUBLIC_URL', publicUrl, problems);
    if (endpoint) {
      s3 = {
        endPoint: endpoint.hostname,
        port: endpoint.port ? Number(endpoint.port) : endpoint.protocol === 'https:' ? 443 : 80,
        useSSL: endpoint.protocol === 'https:',
        accessKey: read('S3_ACCESS_KEY')!,
        secretKey: read('S3_SECRET_KEY')!,
        bucket,
        region: read('S3_REGION') ?? 'us-east-1',
        publicUrl: (publicUrl ?? endpoint.origin).replace(/\/+$/, ''),
      };
    }
  }

  const stripe = parseStripe(read, problems);
  const storefrontUrl = (read('STOREFRONT_URL') ?? `http://localhost:${read('WEB_PORT') ?? '3000'}`).replace(/\/+$/, '');
  parseHttpUrl('STOREFRONT_URL', storefrontUrl, problems, 'https://karyaibu.id');
  const bankAccount = parseBankAccount(read('BANK_TRANSFER_ACCOUNT'), problems);

  const booleanVar = (name: string, fallback: boolean) => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (raw !== 'true' && raw !== 'false') problems.push(`${name} must be true or false (got "${raw}")`);
    return raw === 'true';
  };
  const logSql = booleanVar('LOG_SQL', false);
  const jobWorker = booleanVar('JOB_WORKER', true);
  const seedDemoData = booleanVar('SEED_DEMO_DATA', databaseUrl === null);
  const devOutboxLocal = booleanVar('DEV_OUTBOX_LOCAL', false);

  const logLevel = read('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  const logFormat = read('LOG_FORMAT') ?? (nodeEnv === 'development' ? 'pretty' : 'json');
  if (logFormat !== 'json' && logFormat !== 'pretty') problems.push(`LOG_FORMAT must be json or pretty (got "${logFormat}")`);

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    nodeEnv: nodeEnv as AppConfig['nodeEnv'],
    port,
    host,
    databaseUrl,
    s3,
    stripe,
    dataDir: path.resolve(read('DATA_DIR') ?? path.join(repoRoot(), '.data')),
    embeddedPostgresPort,
    embeddedS3Port,
    embeddedStripePort,
    seedDemoData,
    logSql,
    log: { level: logLevel as LogConfig['level'], format: logFormat as LogConfig['format'] },
    metricsPort,
    trustProxy,
    clientAddressSecret,
    devOutboxLocal,
    searchLimitPerMinute,
    storefrontUrl,
    bankAccount,
    jobWorker,
    graphqlLimits,
    dbStatementTimeoutMs,
  };
}

/**
 * STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET together, or neither (the local test server). STRIPE_API_URL
 * points the SDK at another Stripe-compatible server; it takes test keys only, since a live key must
 * never be sent anywhere but Stripe. Secrets are never echoed, only their prefix.
 */
function parseStripe(read: (name: string) => string | undefined, problems: string[]): StripeConfig | null {
  const set = STRIPE_VARIABLES.filter((name) => read(name) !== undefined);
  const apiUrl = read('STRIPE_API_URL');
  if (set.length === 0) {
    if (apiUrl !== undefined) problems.push('STRIPE_API_URL needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (the keys of that server)');
    return null;
  }
  if (set.length < STRIPE_VARIABLES.length) {
    const missing = STRIPE_VARIABLES.filter((name) => read(name) === undefined);
    problems.push(`${missing.join(', ')} must be set together with ${set.join(', ')} (or leave both unset for the local Stripe test server)`);
    return null;
  }
  const secretKey = read('STRIPE_SECRET_KEY')!;
  const webhookSecret = read('STRIPE_WEBHOOK_SECRET')!;
  const prefix = (secret: string) => `${/^[a-z]+_(?:(?:test|live)_)?/.exec(secret)?.[0] ?? ''}…`;
  const validKey = /^(sk|rk)_(test|live)_[A-Za-z0-9]{16,}$/.test(secretKey);
  if (!validKey) {
    // A publishable key is the usual slip; a cut-off one (a copy short of its end) is the other.
    const why = secretKey.startsWith('pk_') ? 'not a publishable pk_ key' : 'the whole key as Stripe shows it';
    problems.push(`STRIPE_SECRET_KEY must be a secret or restricted key (sk_test_…, sk_live_…, rk_live_…), ${why} (got "${prefix(secretKey)}")`);
  }
  if (!/^whsec_[A-Za-z0-9+/=_-]{16,}$/.test(webhookSecret)) {
    const why = webhookSecret.startsWith('whsec_') ? 'the whole secret as Stripe shows it' : 'whsec_…';
    problems.push(`STRIPE_WEBHOOK_SECRET must be the endpoint's signing secret, ${why} (got "${prefix(webhookSecret)}")`);
  }
  let apiBase: StripeConfig['apiBase'] = null;
  if (apiUrl !== undefined) {
    const url = parseHttpUrl('STRIPE_API_URL', apiUrl, problems, 'http://127.0.0.1:12111');
    if (url && (url.pathname !== '/' || url.search !== '')) problems.push(`STRIPE_API_URL must be a server's address without a path, e.g. http://127.0.0.1:12111 (got "${apiUrl}")`);
    if (validKey && secretKey.includes('_live_')) problems.push('STRIPE_API_URL takes test keys only: a live STRIPE_SECRET_KEY goes to Stripe itself, nowhere else');
    if (url) {
      const protocol = url.protocol === 'https:' ? 'https' : 'http';
      apiBase = { protocol, host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : protocol === 'https' ? 443 : 80 };
    }
  }
  return { secretKey, webhookSecret, apiBase };
}

/** A placeholder for the demo; production sets the real one. */
const DEMO_BANK_ACCOUNT: BankAccount = { bank: 'Bank Contoh (demo)', number: '000-000-0000', holder: 'Karya Ibu (demo)' };

/** BANK_TRANSFER_ACCOUNT: `bank|number|holder`, e.g. `BRI|0123-01-000123-30-1|Yayasan Karya Ibu`. */
function parseBankAccount(raw: string | undefined, problems: string[]): BankAccount {
  if (raw === undefined) return DEMO_BANK_ACCOUNT;
  const [bank, number, holder, ...rest] = raw.split('|').map((part) => part.trim());
  if (!bank || !number || !holder || rest.length) {
    problems.push('BANK_TRANSFER_ACCOUNT must be bank|number|holder, e.g. BRI|0123-01-000123-30-1|Yayasan Karya Ibu');
    return DEMO_BANK_ACCOUNT;
  }
  return { bank, number, holder };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: unset → trust no proxy; else a comma list of addresses, subnets (CIDR) and Express's
 * names (loopback, linklocal, uniquelocal). `true` and hop counts are refused: they trust whoever
 * connects, so any caller reaching the port could choose the address the rate limits count.
 */
function parseTrustProxy(raw: string | undefined, problems: string[]): AppConfig['trustProxy'] {
  if (raw === undefined || raw === 'false') return false;
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => {
    if (PROXY_NAMES.has(entry)) return false;
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return true;
    return prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  if (raw === 'true' || bad.length > 0) {
    problems.push(`TRUST_PROXY must list the proxies in front of the API (addresses, subnets such as 10.0.0.0/8, or loopback, linklocal, uniquelocal), not true or a count (got "${raw}")`);
    return false;
  }
  return entries;
}

function parseHttpUrl(name: string, value: string, problems: string[], example = 'http://minio:9000'): URL | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    return url;
  } catch {
    problems.push(`${name} must be an http(s) URL such as ${example} (got "${value}")`);
    return null;
  }
}
