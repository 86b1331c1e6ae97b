import { Counter, Histogram, type Metric } from 'prom-client';

/**
 * The API's own metrics, made once per process and registered into the scrape registry by
 * MetricsServer; code that measures imports them from here.
 */
export const sqlStatements = new Counter({
  name: 'karya_db_statements_total',
  help: 'SQL statements the API sent through TypeORM (pg-boss keeps its own pool)',
  registers: [],
});

export const graphqlRequestDuration = new Histogram({
  name: 'karya_graphql_request_duration_seconds',
  help: 'GraphQL requests from receipt to response, by operation name (bounded, see GraphQLMetricsPlugin) and type',
  labelNames: ['operation', 'type'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [],
});

export const graphqlErrors = new Counter({
  name: 'karya_graphql_errors_total',
  help: 'Errors in GraphQL responses, by extensions.code',
  labelNames: ['code'] as const,
  registers: [],
});

export const jobDuration = new Histogram({
  name: 'karya_job_duration_seconds',
  help: 'Background job attempts, by queue and outcome (completed, failed)',
  labelNames: ['queue', 'outcome'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [],
});

export const APP_METRICS: Metric<string>[] = [sqlStatements, graphqlRequestDuration, graphqlErrors, jobDuration];

/**
 * Label values chosen by callers (operation names) would let anyone add time series: keep the first
 * `max` distinct values, each cut to `maxLength` characters, and call every later one "other".
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly maxLength = 64,
  ) {}

  of(value: string): string {
    const label = value.slice(0, this.maxLength);
    if (this.seen.has(label)) return label;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(label);
    return label;
  }
}
