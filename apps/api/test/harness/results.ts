/**
 * The member of a mutation's result union named by `typename` (a success type or an error result),
 * narrowed for the rest of the test; any other member fails the test, showing what came instead.
 */
export function expectResult<R extends { __typename?: string }, N extends NonNullable<R['__typename']>>(result: R | null | undefined, typename: N): Extract<R, { __typename?: N }> {
  expect(result).toMatchObject({ __typename: typename });
  return result as Extract<R, { __typename?: N }>;
}
