import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the API's committed schema and the web app's operations: never hand-copied.
const config: CodegenConfig = {
  schema: '../../apps/api/schema.gql',
  documents: ['../../apps/web/src/lib/server/api/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumType: 'native',
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: {
          Rupiah: { input: 'string', output: 'string' },
          DateTime: { input: 'string', output: 'string' },
          Date: { input: 'string', output: 'string' },
        },
      },
    },
  },
};

export default config;
