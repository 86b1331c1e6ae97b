/**
 * Boundaries the code must keep (run by `npm run lint`, `npm test`):
 * the web talks to the API only over GraphQL; the shared types know no framework; inside the API a
 * module reaches another only through its exported service, never its repositories or entities.
 */
module.exports = {
  forbidden: [
    {
      name: 'web-never-imports-api',
      comment: 'The storefront and dashboards talk to the API over GraphQL only (types come from libs/types).',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'api-never-imports-web',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'shared-types-without-frameworks',
      comment: 'libs/types is plain TypeScript: no Nest, TypeORM, Svelte, Express or database driver.',
      severity: 'error',
      from: { path: '^libs/types/src/' },
      to: { path: 'node_modules/(@nestjs|typeorm|svelte|@sveltejs|express|pg|minio|stripe)/' },
    },
    {
      name: 'module-internals-stay-inside',
      comment: "A module uses another only through its exported service: never its repositories or entities. (An entity may name another module's entity for a foreign key: that is the schema, not code.)",
      severity: 'error',
      from: { path: '^apps/api/src/modules/([^/]+)/', pathNot: '^apps/api/src/modules/[^/]+/entities/' },
      to: { path: '^apps/api/src/modules/[^/]+/(.+[.]repository[.]ts|entities/)', pathNot: '^apps/api/src/modules/$1/' },
    },
    {
      name: 'no-circular-modules',
      comment: 'Modules depend one way: a cycle means two modules are one, or one knows too much.',
      severity: 'error',
      from: { path: '^apps/api/src/modules/([^/]+)/.+[.]module[.]ts$' },
      to: { circular: true, path: '^apps/api/src/modules/[^/]+/.+[.]module[.]ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // .svelte files are covered by ESLint's no-restricted-imports (web never imports api); the parser here cannot read them.
    exclude: { path: '((^|/)(dist|build|[.]svelte-kit|generated)/)|([.]svelte$)' },
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { conditionNames: ['import', 'default', 'types'], extensions: ['.ts', '.js', '.svelte', '.json'] },
  },
};
