import type { AppConfig, S3Config, StripeConfig } from './env.js';

/** AppConfig once the infrastructure is known: embedded services have been started and filled in. */
export interface RuntimeConfig extends AppConfig {
  databaseUrl: string;
  s3: S3Config;
  stripe: StripeConfig;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
