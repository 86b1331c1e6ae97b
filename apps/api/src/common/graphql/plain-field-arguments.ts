import { PARAM_ARGS_METADATA } from '@nestjs/graphql';

/**
 * On a field resolver whose @Args are there for the schema only: Nest's parameter metadata is dropped,
 * so the field takes graphql-js's `(parent, args, context, info)` on Nest's fast path instead of a pipe
 * pipeline and a promise per call (a listing resolves 20 photo URLs). The arguments are then the
 * object graphql-js coerced, defaults applied; the @Args still declare them in the schema.
 */
export const PlainFieldArguments = (): MethodDecorator => (target, key) => {
  Reflect.deleteMetadata(PARAM_ARGS_METADATA, target.constructor, key);
};
