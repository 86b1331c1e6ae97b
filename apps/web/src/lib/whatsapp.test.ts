import { describe, expect, it } from 'vitest';
import { whatsappHref } from './whatsapp';

describe('whatsappHref', () => {
  it('adds the prefilled text, encoded', () => {
    expect(whatsappHref('https://wa.me/6281234567890', 'Halo Ibu, "Batik" Rp 350.000 & ongkir?')).toBe(
      'https://wa.me/6281234567890?text=Halo+Ibu%2C+%22Batik%22+Rp+350.000+%26+ongkir%3F'
    );
  });

  it('replaces an existing text parameter', () => {
    expect(whatsappHref('https://wa.me/62812?text=old', 'baru')).toBe('https://wa.me/62812?text=baru');
  });

  it('refuses links that are not https', () => {
    expect(whatsappHref('javascript:alert(1)', 'x')).toBeNull();
    expect(whatsappHref('not a url', 'x')).toBeNull();
  });
});
