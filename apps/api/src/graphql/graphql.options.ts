import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import type { AppConfig } from '@ducha/config';
import type { JsonLogger } from '@ducha/common';
import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlDuration } from '../ops/metrics.js';
import { createErrorFormatter } from './error-formatter.js';
import { queryLimitsRule } from './query-limits.js';

/** Times every operation by name and outcome for /metrics. */
const metricsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    const started = process.hrtime.bigint();
    return {
      async willSendResponse(ctx) {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const operation = ctx.operationName ?? 'anonymous';
        const type = ctx.operation?.operation ?? 'unknown';
        graphqlDuration.observe({ operation, type, outcome: ctx.errors?.length ? 'error' : 'ok' }, seconds);
      },
    };
  },
};

export function graphqlOptions(config: AppConfig, logger: JsonLogger): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: config.nodeEnv !== 'production',
    includeStacktraceInErrorResponses: false,
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    formatError: createErrorFormatter(logger),
    validationRules: [queryLimitsRule(config.graphqlMaxDepth, config.graphqlMaxCost)],
    plugins: [metricsPlugin],
  };
}
