import { Module } from '@nestjs/common';
import { GraphQLMetricsPlugin } from './graphql-metrics.plugin.js';
import { MetricsServer } from './metrics.server.js';

/** Prometheus metrics: the scrape listener and the GraphQL plugin that times operations. */
@Module({ providers: [MetricsServer, GraphQLMetricsPlugin] })
export class MetricsModule {}
