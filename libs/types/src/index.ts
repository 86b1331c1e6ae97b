export * from './generated/graphql.js';
export * from './money.js';
export * from './rules/index.js';
