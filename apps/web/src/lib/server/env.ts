import { env } from '$env/dynamic/private';

export interface WebConfig {
  apiUrl: string;
  /** NODE_ENV=production: session cookies are `Secure` on any host but localhost. */
  production: boolean;
  /** Shared with the API: vouches for each visitor's address (see api/visitor.ts); null: the API counts every visitor as this server. */
  clientAddressSecret: string | null;
  /** LOG_LEVEL, as the API's. */
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  /** LOG_FORMAT: json lines for a log collector (default in production) or pretty ones for a terminal. */
  logFormat: 'json' | 'pretty';
}

const LOG_LEVELS: readonly WebConfig['logLevel'][] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

const DEFAULT_API_URL = 'http://localhost:4000/graphql';
let cached: WebConfig | undefined;

/** The only reader of the private environment; validated once, on first use (and at start by hooks `init`). */
export function config(): WebConfig {
  if (cached) return cached;
  const problems: string[] = [];

  const rawApiUrl = env.API_URL?.trim() || DEFAULT_API_URL;
  let apiUrl = rawApiUrl;
  try {
    const url = new URL(rawApiUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    apiUrl = url.toString();
  } catch {
    problems.push(`API_URL must be an http(s) URL such as ${DEFAULT_API_URL}, got "${rawApiUrl}"`);
  }

  const clientAddressSecret = env.CLIENT_ADDRESS_SECRET?.trim() || null;
  if (clientAddressSecret !== null && clientAddressSecret.length < 32) problems.push('CLIENT_ADDRESS_SECRET must be at least 32 characters, the same as the API\'s');

  const production = env.NODE_ENV === 'production';
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as WebConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const logFormat = (env.LOG_FORMAT?.trim() || (production ? 'json' : 'pretty')) as WebConfig['logFormat'];
  if (logFormat !== 'json' && logFormat !== 'pretty') problems.push(`LOG_FORMAT must be json or pretty, got "${logFormat}"`);

  if (problems.length > 0) throw new Error(`Invalid web configuration:\n  - ${problems.join('\n  - ')}`);
  cached = { apiUrl, production, clientAddressSecret, logLevel, logFormat };
  return cached;
}
