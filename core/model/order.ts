import { z } from '../zod';
import { currencyCode, isoDateTime, minorUnits, recordId } from './common';

export const ORDER_CHANNELS = ['whatsapp', 'instagram', 'messenger', 'telegram', 'store', 'in-person', 'other'] as const;
export const ORDER_SOURCES = ['manual', 'import', 'store-page'] as const;
export const ORDER_STATUSES = ['paid', 'refunded', 'cancelled'] as const;

export const orderItemSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  category: z.string().max(100).nullable(),
  quantity: z.number().positive('must be more than zero').finite(),
  unitPriceMinor: minorUnits,
});
export type OrderItem = z.infer<typeof orderItemSchema>;

export const orderSchema = z.object({
  id: recordId,
  customerId: recordId,
  placedAt: isoDateTime,
  totalMinor: minorUnits,
  currency: currencyCode,
  items: z.array(orderItemSchema).max(500),
  channel: z.enum(ORDER_CHANNELS),
  source: z.enum(ORDER_SOURCES),
  externalRef: z.string().max(200).nullable(),
  status: z.enum(ORDER_STATUSES),
});
export type Order = z.infer<typeof orderSchema>;
export type OrderStatus = Order['status'];
export type OrderSource = Order['source'];

/** When the customer last bought: the latest paid order's placedAt, or null. Refunds and cancellations don't count. */
export function latestPaidOrderAt(orders: Iterable<Pick<Order, 'placedAt' | 'status'>>): string | null {
  let latest: string | null = null;
  for (const order of orders) {
    if (order.status === 'paid' && (latest === null || Date.parse(order.placedAt) > Date.parse(latest))) latest = order.placedAt;
  }
  return latest;
}
