import { error, fail, redirect } from '@sveltejs/kit';
import { CART_LINE_QUANTITY, DyeType, PhotoStatus, ProductDetailDocument, ProductStatus } from '@karya-ibu/types';
import { formatRupiah } from '$lib/format/money';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { addToCart, parseQuantity } from '$lib/server/buying/cart';
import { whatsappHref } from '$lib/whatsapp';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { fetch, params, url, locals } = event;
  const lang = locals.lang;
  const { product } = await query(fetch, ProductDetailDocument, { slug: params.slug });
  if (!product || product.status === ProductStatus.Draft) error(404, t(lang, 'error.productNotFound'));

  // The seller's "dilihat" count is not made here: a prefetch runs this load too. The page's beacon
  // image (./dilihat) counts it once the page is really shown.
  const photos = product.photos
    .filter((photo) => photo.status === PhotoStatus.Ready)
    .sort((a, b) => a.position - b.position);
  const canonical = `${url.origin}/produk/${product.slug}`;
  const price = formatRupiah(product.priceIdr);
  const available = product.status === ProductStatus.Active && product.stock > 0;

  const whatsapp = whatsappHref(
    product.seller.whatsappUrl,
    t(lang, 'product.whatsappText', {
      name: product.seller.displayName.replace(/^ibu\s+/i, ''),
      title: product.title,
      price,
      url: canonical
    })
  );

  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: product.description,
    sku: product.id,
    url: canonical,
    image: photos.map((photo) => photo.fullUrl),
    category: t('id', `category.${product.category}`),
    material: product.material,
    ...(product.size ? { size: product.size } : {}),
    weight: { '@type': 'QuantitativeValue', value: product.weightGrams, unitCode: 'GRM' },
    ...(product.dye === DyeType.Natural ? { additionalProperty: { '@type': 'PropertyValue', name: 'Pewarna', value: 'alami' } } : {}),
    brand: { '@type': 'Brand', name: 'Karya Ibu' },
    offers: {
      '@type': 'Offer',
      url: canonical,
      price: product.priceIdr,
      priceCurrency: 'IDR',
      availability: available ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      seller: { '@type': 'Person', name: product.seller.displayName }
    }
  };

  // After "Tambah ke keranjang" (Post/Redirect/Get): how many pieces went in.
  const added = Number(url.searchParams.get('ditambahkan')) || null;
  return { product: { ...product, photos }, canonical, whatsapp, jsonLd, available, added, maxQuantity: Math.min(product.stock, CART_LINE_QUANTITY.max) };
};

export const actions: Actions = {
  /** "Tambah ke keranjang": a plain form, so it works without JavaScript; the API keeps the quantity within the stock. */
  keranjang: async (event) => {
    const form = await event.request.formData();
    const typed = String(form.get('quantity') ?? '');
    const quantity = parseQuantity(typed);
    const lang = event.locals.lang;
    if (quantity === null) return fail(400, { cartError: t(lang, 'cart.error.quantity', CART_LINE_QUANTITY), quantity: typed });
    const problem = await addToCart(event, String(form.get('productId') ?? ''), quantity);
    if (problem) return fail(400, { cartError: problem, quantity: typed });
    redirect(303, `/produk/${encodeURIComponent(event.params.slug)}?ditambahkan=${quantity}#keranjang`);
  }
};
