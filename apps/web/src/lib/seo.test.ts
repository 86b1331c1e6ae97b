import { describe, expect, it } from 'vitest';
import { jsonLdScript } from './seo';

describe('jsonLdScript', () => {
  it('cannot be closed early by data', () => {
    const html = jsonLdScript({ name: '</script><script>alert(1)</script>' });
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(html.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, ''))).toEqual({
      name: '</script><script>alert(1)</script>'
    });
  });
});
