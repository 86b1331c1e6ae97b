import sharp from 'sharp';
import { closeUp, designForBag, designForBatik, MOTIF_PATTERNS, type BatikDesign } from './batik-design.js';
import { renderBatikImage, renderBatikSvg } from './batik-pattern.js';

const beruang = designForBatik({ motifSlug: 'beruang-madu', palette: 'SOGAN', technique: 'TULIS', seed: 42 });

/** Tags open and close in order; attributes are quoted. Not a full XML parser, enough for our output. */
function assertBalanced(svg: string): void {
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)(?:\s+[a-zA-Z:-]+="[^"<>]*")*\s*(\/?)>/g)) {
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name!);
  }
  expect(stack).toEqual([]);
  // everything between tags is whitespace: every "<" was matched by the tag pattern above
  expect(svg.replace(/<(\/?)([a-zA-Z]+)(?:\s+[a-zA-Z:-]+="[^"<>]*")*\s*(\/?)>/g, '').trim()).toBe('');
}

describe('renderBatikSvg', () => {
  it('produces a balanced SVG document of the requested size', () => {
    const svg = renderBatikSvg(beruang, 800, 600);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="800" height="600" viewBox="0 0 800 600">/);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    assertBalanced(svg);
  });

  it('is deterministic', () => {
    expect(renderBatikSvg(beruang, 640, 480)).toBe(renderBatikSvg({ ...beruang }, 640, 480));
  });

  it('draws every motif and bag texture without errors', () => {
    const designs: BatikDesign[] = [
      ...Object.keys(MOTIF_PATTERNS).map((motifSlug, i) => designForBatik({ motifSlug, palette: 'INDIGO', technique: 'KOMBINASI', seed: i })),
      designForBag('ANYAMAN', 1),
      designForBag('PERCA', 2),
      designForBag('GONI', 3),
    ];
    const svgs = designs.map((d) => renderBatikSvg(d, 300, 200));
    for (const svg of svgs) {
      assertBalanced(svg);
      expect(svg).not.toMatch(/NaN|undefined/);
    }
    expect(new Set(svgs).size).toBe(svgs.length);
  });

  it('differs between designs: motif, palette, seed and zoom all show', () => {
    const base = renderBatikSvg(beruang, 400, 400);
    const others = [
      designForBatik({ motifSlug: 'anggrek-hitam', palette: 'SOGAN', technique: 'TULIS', seed: 42 }),
      designForBatik({ motifSlug: 'beruang-madu', palette: 'TOSCA', technique: 'TULIS', seed: 42 }),
      designForBatik({ motifSlug: 'beruang-madu', palette: 'SOGAN', technique: 'TULIS', seed: 43 }),
      closeUp(beruang, 2.5),
    ];
    for (const d of others) expect(renderBatikSvg(d, 400, 400)).not.toBe(base);
  });

  it('marks hand-drawn batik with wax cracks and printing without', () => {
    expect(designForBatik({ motifSlug: 'kawung', palette: 'SOGAN', technique: 'TULIS', seed: 1 }).remukan).toBe(true);
    const printing = designForBatik({ motifSlug: 'kawung', palette: 'TOSCA', technique: 'PRINTING', seed: 1 });
    expect(printing).toMatchObject({ remukan: false, filler: 'NONE' });
    expect(renderBatikSvg(printing, 200, 200)).not.toContain('id="r"');
  });

  it('rejects nonsense sizes', () => {
    expect(() => renderBatikSvg(beruang, 0, 100)).toThrow(RangeError);
    expect(() => renderBatikSvg(beruang, 100.5, 100)).toThrow(RangeError);
  });
});

describe('renderBatikImage', () => {
  it.each([
    [1600, 1067, 'webp'],
    [320, 320, 'png'],
    [480, 640, 'jpeg'],
  ] as const)('renders %i × %i %s', async (width, height, format) => {
    const buffer = await renderBatikImage(beruang, width, height, { format });
    const meta = await sharp(buffer).metadata();
    expect(meta).toMatchObject({ width, height, format });
  });

  it('defaults to png', async () => {
    expect((await sharp(await renderBatikImage(beruang, 64, 48)).metadata()).format).toBe('png');
  });

  it('renders visibly different pixels for different designs', async () => {
    const stats = async (d: BatikDesign) => (await sharp(await renderBatikImage(d, 200, 200, { format: 'png' })).stats()).channels.map((c) => c.mean);
    const sogan = await stats(beruang);
    const indigo = await stats(designForBatik({ motifSlug: 'beruang-madu', palette: 'INDIGO', technique: 'TULIS', seed: 42 }));
    const diff = sogan.reduce((sum, mean, i) => sum + Math.abs(mean - indigo[i]!), 0);
    expect(diff).toBeGreaterThan(30);
  });
});
