import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import { userError } from '../errors/user-errors.js';

const NUL = '\u0000';

/** Where a value holds a string with NUL in it, as a path (`input.title`, `lines.2.note`), else null. */
function nulCharacterIn(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = nulCharacterIn(inner, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/** Where a string written in the document itself holds NUL (`"\u0000"` is a valid GraphQL escape), else null. */
function nulCharacterInLiterals(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (found !== null || !node.value.includes(NUL)) return;
      // `ancestors` stops above the direct parent: an object field or argument holding the string.
      const names = [...ancestors, parent].flatMap((a: ASTNode | readonly ASTNode[] | undefined) => {
        if (!a || !('kind' in a)) return [];
        if (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD) return [a.name.value];
        if (a.kind === Kind.VARIABLE_DEFINITION) return [a.variable.name.value];
        return [];
      });
      found = names.join('.') || 'query';
    },
  });
  return found;
}

/**
 * PostgreSQL's text cannot hold U+0000: a string with it, bound to any statement, failed there as an
 * internal error. Refused before any resolver runs, as BAD_USER_INPUT naming where it was.
 */
@Plugin()
export class NulCharacterPlugin implements ApolloServerPlugin {
  /** Literals are the document's: looked at once per document (the document cache keeps them few). */
  private readonly literals = new WeakMap<DocumentNode, string | null>();

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const literalIn = (document: DocumentNode) => {
      let found = this.literals.get(document);
      if (found === undefined) this.literals.set(document, (found = nulCharacterInLiterals(document)));
      return found;
    };
    return {
      async didResolveOperation({ request, document }) {
        const field = literalIn(document) ?? nulCharacterIn(request.variables ?? {}, '');
        if (field !== null) throw userError('BAD_USER_INPUT', `${field}: must not contain the NUL character (U+0000)`, { field, http: { status: 400 } });
      },
    };
  }
}
