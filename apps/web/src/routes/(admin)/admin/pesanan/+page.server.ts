import { AdminOrdersDocument, OrderStatus, PaymentMethod } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import { normalizeOrderCode } from '$lib/server/buying/guest-orders';
import { caller } from '$lib/server/session';
import { requireStaff } from '$lib/server/staff/guard';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 30;
const STATUSES: readonly string[] = Object.values(OrderStatus);
const METHODS: readonly string[] = Object.values(PaymentMethod);

/** Every order, newest first, filtered by a GET form (so a filtered list is a link to share). */
export const load: PageServerLoad = async (event) => {
  requireStaff(event);
  const params = event.url.searchParams;
  const status = params.get('status') ?? '';
  const method = params.get('bayar') ?? '';
  const filters = {
    status: STATUSES.includes(status) ? status : '',
    method: METHODS.includes(method) ? method : '',
    code: normalizeOrderCode(params.get('kode') ?? '').slice(0, 20),
    flagged: params.get('ditandai') === 'ya'
  };
  const { orders } = await query(
    event.fetch,
    AdminOrdersDocument,
    {
      statuses: filters.status ? [filters.status as OrderStatus] : null,
      paymentMethod: (filters.method as PaymentMethod) || null,
      code: filters.code || null,
      flagged: filters.flagged || null,
      first: PAGE_SIZE,
      after: params.get('setelah') || null
    },
    caller(event)
  );
  const next = orders.pageInfo.hasNextPage && orders.pageInfo.endCursor ? new URLSearchParams({ ...Object.fromEntries(params), setelah: orders.pageInfo.endCursor }).toString() : null;
  return { filters, orders: orders.edges.map((edge) => edge.node), next, statuses: STATUSES, methods: METHODS };
};
