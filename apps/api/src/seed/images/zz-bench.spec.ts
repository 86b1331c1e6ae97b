import { buildSeedData } from '../data/index.js';
import { renderBatikImage } from './batik-pattern.js';
it('bench', async () => {
  const designs = buildSeedData().products.slice(0, 40).map((p) => p.photos[0]!.design);
  await renderBatikImage(designs[0]!, 1600, 1600);
  const rows: string[] = [];
  for (const d of designs) {
    const r: string[] = [d.pattern, String(d.tilesAcross), String(d.remukan)];
    for (const format of ['webp', 'jpeg', 'png'] as const) {
      const t0 = performance.now(); const b = await renderBatikImage(d, 1600, 1600, { format });
      r.push(`${format} ${(performance.now() - t0).toFixed(0)}ms ${(b.length / 1024).toFixed(0)}KB`);
    }
    rows.push(r.join(' | '));
  }
  console.log(rows.join('\n'));
}, 120000);
