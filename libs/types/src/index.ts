export * from './generated/graphql.js';
export * from './money.js';
