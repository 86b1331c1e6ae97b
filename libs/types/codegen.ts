import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = {
  Rupiah: { input: 'string', output: 'string' },
  DateTime: { input: 'string', output: 'string' },
  Date: { input: 'string', output: 'string' },
};
const shared = {
  useTypeImports: true,
  avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
  scalars,
};

// Types come from the API's committed schema and the operations that use it: never hand-copied.
const config: CodegenConfig = {
  schema: '../../apps/api/schema.gql',
  generates: {
    // The web app's operations, shared through @karya-ibu/types.
    'src/generated/graphql.ts': {
      documents: ['../../apps/web/src/lib/server/api/**/*.graphql'],
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { ...shared, enumType: 'native' },
    },
    // The API end-to-end tests' operations: a schema change breaks a test when it is type-checked.
    // Enums as string literals, so a test writes 'KAIN_BATIK' as the wire does.
    '../../apps/api/test/generated/graphql.ts': {
      documents: ['../../apps/api/test/operations/**/*.graphql'],
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { ...shared, enumType: 'string-literal' },
    },
  },
};

export default config;
