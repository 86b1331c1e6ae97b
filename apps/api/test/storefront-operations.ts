import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { repoRoot } from '../src/config/env.js';

/**
 * Every operation the web app sends (apps/web/src/lib/server/api/*.graphql), each as its own document
 * with the fragments it uses: the real queries the API's limits must let through.
 */
export function storefrontOperations(): Map<string, DocumentNode> {
  const dir = path.join(repoRoot(), 'apps', 'web', 'src', 'lib', 'server', 'api');
  const definitions: DefinitionNode[] = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => parse(readFileSync(path.join(dir, file), 'utf8')).definitions);
  const fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));

  const operations = new Map<string, DocumentNode>();
  for (const operation of definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
    const used = new Map<string, FragmentDefinitionNode>();
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment && !used.has(fragment.name.value)) {
            used.set(fragment.name.value, fragment);
            collect(fragment);
          }
        },
      });
    collect(operation);
    operations.set(operation.name!.value, { kind: Kind.DOCUMENT, definitions: [operation, ...used.values()] });
  }
  return operations;
}
