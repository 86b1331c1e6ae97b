import sharp from 'sharp';
import { detectImageType } from './image-type.js';

describe('detectImageType', () => {
  const blank = sharp({ create: { width: 4, height: 4, channels: 3, background: '#8b5a2b' } });

  it.each([
    ['jpeg', () => blank.clone().jpeg().toBuffer()],
    ['png', () => blank.clone().png().toBuffer()],
    ['webp', () => blank.clone().webp().toBuffer()],
  ] as const)('recognises %s from its bytes', async (type, make) => {
    expect(detectImageType(await make())).toBe(type);
  });

  it('recognises an iPhone HEIC by its ftyp box', () => {
    expect(detectImageType(Buffer.from('0000001c6674797068656963000000006d696631', 'hex'))).toBe('heic');
  });

  it.each([
    ['an HTML page named foto.jpg', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script>')],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ')],
    ['an empty file', Buffer.alloc(0)],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
  ])('refuses %s', (_name, bytes) => {
    expect(detectImageType(bytes)).toBe('unknown');
  });
});
