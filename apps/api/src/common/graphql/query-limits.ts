import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import type { GraphQLLimits } from '../../config/env.js';
import type { ThrownErrorCode } from '../errors/user-errors.js';

/** A refusal with our own code; Apollo wraps validation errors as GRAPHQL_VALIDATION_FAILED and the formatter restores it. */
const refuse =
  (code: ThrownErrorCode, message: string) =>
  (context: ValidationContext | null): void =>
    context?.reportError(new GraphQLError(message, { extensions: { code } }));

/**
 * Counts the fields at the top of the operation, through fragments: each is its own resolver with
 * its own SQL, and a storefront page needs a handful. Fields repeated under one name run once.
 */
export function maxRootFieldsRule(max: number, message: string): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const names = new Set<string>();
      const seen = new Set<string>();
      const collect = (selectionSet: SelectionSetNode) => {
        for (const selection of selectionSet.selections) {
          if (selection.kind === Kind.FIELD) names.add(selection.alias?.value ?? selection.name.value);
          else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
          else if (!seen.has(selection.name.value)) {
            seen.add(selection.name.value); // a fragment cycle is refused by its own rule; do not loop on it
            const fragment = context.getFragment(selection.name.value);
            if (fragment) collect(fragment.selectionSet);
          }
        }
      };
      collect(operation.selectionSet);
      if (names.size > max) context.reportError(new GraphQLError(message, { nodes: [operation], extensions: { code: 'TOO_MANY_ROOT_FIELDS' } }));
    },
  });
}

/**
 * The shape limits for every operation, checked before any resolver runs: tokens while parsing
 * (graphql-js's own limit, so a long document is not even parsed to its end), then aliases, depth
 * and directives (graphql-armor's rules) and root fields during validation. Cost comes after, in
 * the ComplexityPlugin, because it needs the variables.
 */
export function queryLimits(limits: GraphQLLimits): { parseOptions: { maxTokens: number }; validationRules: ValidationRule[] } {
  // Each rule reports our own error instead of throwing graphql-armor's "Syntax Error: …".
  const reporting = (code: ThrownErrorCode, message: string) => ({ propagateOnRejection: false, onReject: [refuse(code, message)] });
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [
      maxAliasesRule({
        n: limits.maxAliases,
        ...reporting('TOO_MANY_ALIASES', `Too many aliases in one query: the limit is ${limits.maxAliases}.`),
      }),
      maxDepthRule({
        n: limits.maxDepth,
        flattenFragments: true,
        ...reporting('QUERY_TOO_DEEP', `Query is too deep: the limit is ${limits.maxDepth} levels of nested fields.`),
      }),
      maxDirectivesRule({
        n: limits.maxDirectives,
        ...reporting('TOO_MANY_DIRECTIVES', `Too many directives in one query: the limit is ${limits.maxDirectives}.`),
      }),
      maxRootFieldsRule(
        limits.maxRootFields,
        `Too many top-level fields in one query: the limit is ${limits.maxRootFields}.`,
      ),
    ],
  };
}
