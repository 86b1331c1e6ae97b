import { Injectable } from '@nestjs/common';
import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { GraphQLContext } from './request-loaders.js';

/** Loads a relation of these parents into the request's loaders and answers the related objects. */
type Prefetch = (gql: GraphQLContext, parents: readonly object[]) => Promise<readonly object[]>;

/**
 * Relations loaded before graphql-js walks a page (the lookahead of Join Monster or graphql-ruby):
 * a list resolver hands its rows and the selection asked of them to `prefetch`, which loads every
 * selected relation that a module registered, level by level, with the same DataLoader batches as
 * the field resolvers. Those then find their values settled (RequestLoaders.now) and answer without
 * a promise, so a 20-product page resolves its sellers, kampung and photos synchronously instead of
 * awaiting some 60 promises and combining each object's fields. A module registers its own relations,
 * so none needs another's loaders; a relation nobody registered is simply loaded by its resolver.
 */
@Injectable()
export class PrefetchRegistry {
  private readonly relations = new Map<string, Map<string, { childType: string; prefetch: Prefetch }>>();

  register<Parent extends object>(parentType: string, field: string, childType: string, prefetch: (gql: GraphQLContext, parents: readonly Parent[]) => Promise<readonly object[]>): void {
    if (!this.relations.has(parentType)) this.relations.set(parentType, new Map());
    this.relations.get(parentType)!.set(field, { childType, prefetch: prefetch as Prefetch });
  }

  /** Never fails the list: a relation that could not load is loaded (and fails) in its own field. */
  async prefetch(gql: GraphQLContext, type: string, parents: readonly object[], selections: readonly SelectionSetNode[], fragments: GraphQLResolveInfo['fragments']): Promise<void> {
    const relations = this.relations.get(type);
    if (!relations || parents.length === 0) return;
    await Promise.all(
      [...selectedFields(selections, fragments)].map(async ([field, childSelections]) => {
        const relation = relations.get(field);
        if (!relation) return;
        const children = await relation.prefetch(gql, parents).catch(() => []);
        await this.prefetch(gql, relation.childType, children, childSelections, fragments);
      }),
    );
  }
}

/** What a DataLoader's loadMany found: the values, without its errors and empty answers. */
export function settledValues<V>(loaded: readonly (V | Error | null)[]): Exclude<V, null>[] {
  return loaded.filter((value): value is Exclude<V, null> => value !== null && !(value instanceof Error));
}

/** The selection sets under `path` (e.g. edges → node) of the field being resolved, fragments spread. */
export function selectionsAt(info: GraphQLResolveInfo, path: readonly string[]): SelectionSetNode[] {
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) sets = selectedFields(sets, info.fragments).get(name) ?? [];
  return sets;
}

/** Each field selected in these sets (through fragments), with its own selection sets. */
function selectedFields(sets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): Map<string, SelectionSetNode[]> {
  const fields = new Map<string, SelectionSetNode[]>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const own = fields.get(selection.name.value) ?? [];
        if (selection.selectionSet) own.push(selection.selectionSet);
        fields.set(selection.name.value, own);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (fragments[selection.name.value]) visit(fragments[selection.name.value].selectionSet);
    }
  };
  sets.forEach(visit);
  return fields;
}
