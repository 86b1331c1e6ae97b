import { DashboardLabelSellerDocument, ProductCategory, TrainingSkill } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import { findManagedProduct, requireShop } from '$lib/seller/dashboard.server';
import { drawQrSvg } from '$lib/server/qr';
import type { PageServerLoad } from './$types';

/** A printable hang-tag: who made it, where, what training, and a QR code to its page in the shop. */
export const load: PageServerLoad = async (event) => {
  const { dashboard } = await event.parent();
  const shop = requireShop(dashboard);
  const [product, { seller }] = await Promise.all([
    findManagedProduct(event, event.params.id),
    query(event.fetch, DashboardLabelSellerDocument, { slug: shop.slug }, caller(event))
  ]);
  const url = `${event.url.origin}/produk/${product.slug}`;
  const qrSvg = await drawQrSvg(url);
  // The cohort that matches what she made: batik training for cloth, bag training for bags.
  const skill = product.category === ProductCategory.Tas ? TrainingSkill.Bag : TrainingSkill.Batik;
  const trainings = seller?.trainings ?? [];
  const training = trainings.find((tr) => tr.skill === skill) ?? trainings[0] ?? null;
  const story = product.motif?.story ? firstSentence(product.motif.story) : null;
  return {
    product: {
      id: product.id,
      title: product.title,
      priceIdr: product.priceIdr,
      technique: product.technique,
      dye: product.dye,
      motif: product.motif ? { name: product.motif.name, story } : null
    },
    maker: seller?.displayName ?? shop.displayName,
    kampung: seller?.kampung.name ?? shop.kampungName,
    training: training ? training.title : null,
    url,
    qrSvg
  };
};

function firstSentence(text: string): string {
  const match = /^.*?[.!?](\s|$)/s.exec(text.trim());
  const sentence = (match ? match[0] : text).trim();
  return sentence.length > 140 ? `${sentence.slice(0, 137).trimEnd()}…` : sentence;
}
