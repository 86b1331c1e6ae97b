import { readFile } from 'node:fs/promises';
import { createTestApp, type TestApp } from './harness/test-app.js';

const ROUNDS = 4;
const DOCUMENTS_PER_ROUND = 1500;
const CONCURRENCY = 20;
// The production heap cap for a small container: a cache without a bound outgrows it and the API dies.
const HEAP_CAP_MB = 160;

/**
 * A fuzzer, or anyone, sends queries that are all different. Whatever the API keeps per distinct
 * query (parsed documents, plans) must have a bound, so memory levels off instead of climbing.
 */
describe('memory stays bounded under a stream of distinct queries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` });
  });
  afterAll(() => t?.close());

  it(`levels off over ${ROUNDS * DOCUMENTS_PER_ROUND} distinct documents and stays healthy`, async () => {
    const rss: number[] = [];
    let sent = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const started = Date.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (sent < round * DOCUMENTS_PER_ROUND) {
            // Raw documents (t.rawGql): each one is built to be different.
            const response = await t.rawGql(distinctDocument(sent++));
            expect(response.errors).toBeUndefined();
          }
        }),
      );
      rss.push(await rssMegabytes(t.pid));
      console.log(`round ${round}: ${DOCUMENTS_PER_ROUND} documents in ${Date.now() - started} ms, API RSS ${rss.at(-1)} MB`);
    }
    expect((await fetch(`${t.url}/health`)).ok).toBe(true);
    // Growth from the second round on is what a leak looks like; the first round warms up.
    expect(rss[ROUNDS - 1] - rss[1]).toBeLessThan(40);
  }, 180_000);
});

/** A cheap query to run, but a long one to parse (about 2 KB), unique by its operation name. */
function distinctDocument(n: number): string {
  const fields = Array.from({ length: 60 }, (_, i) => ['id', 'name', 'slug', 'story'][i % 4]).join(' ');
  return `query Fuzz${n} { motifs { ${fields} } kampungs { id name slug kecamatan kelurahan status } }`;
}

async function rssMegabytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}
