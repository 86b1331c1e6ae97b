import 'reflect-metadata';
import { Module, type ModuleMetadata, type Type } from '@nestjs/common';
import type { EntitySchema } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity lists take any class as a Function
type EntityClass = Function | EntitySchema;

export interface DomainModuleMetadata extends ModuleMetadata {
  /** The tables this module owns (nobody else reads or writes them). */
  entities?: EntityClass[];
  /** Its GraphQL resolvers: provided by the module and part of the schema. */
  resolvers?: Type[];
}

const ENTITIES = 'karya:entities';
const RESOLVERS = 'karya:resolvers';

/**
 * A Nest module that also names its entities and resolvers, so the module list (src/modules/index.ts)
 * is the only list: the TypeORM entities and the schema's resolvers are read off it.
 */
export function DomainModule({ entities = [], resolvers = [], providers = [], ...metadata }: DomainModuleMetadata): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(ENTITIES, entities, target);
    Reflect.defineMetadata(RESOLVERS, resolvers, target);
    Module({ ...metadata, providers: [...providers, ...resolvers] })(target);
  };
}

/** Every module reachable from these through their imports, each once. */
function reachable(modules: readonly Type[]): Type[] {
  const seen = new Set<Type>();
  const visit = (module: Type) => {
    if (seen.has(module)) return;
    seen.add(module);
    for (const imported of (Reflect.getMetadata('imports', module) ?? []) as unknown[]) {
      if (typeof imported === 'function') visit(imported as Type);
    }
  };
  modules.forEach(visit);
  return [...seen];
}

export const entitiesOf = (modules: readonly Type[]): EntityClass[] => reachable(modules).flatMap((module) => Reflect.getMetadata(ENTITIES, module) ?? []);

export const resolversOf = (modules: readonly Type[]): Type[] => reachable(modules).flatMap((module) => Reflect.getMetadata(RESOLVERS, module) ?? []);
