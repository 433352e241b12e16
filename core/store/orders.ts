import { latestPaidOrderAt, newId, orderSchema, parseRecord, type Order } from '../model';
import { writeAtomically, type StoreContext, type WriteTransaction } from './context';
import { fromRow, toRow } from './customer-rows';

export type NewOrder = Omit<Order, 'id' | 'items' | 'channel' | 'source' | 'externalRef' | 'status'> &
  Partial<Pick<Order, 'id' | 'items' | 'channel' | 'source' | 'externalRef' | 'status'>>;

type OrderTransaction = WriteTransaction<['orders', 'customers']>;

/**
 * Orders. Every write also refreshes the customer's `lastOrderAt` in the same transaction, so the profile and
 * its orders never disagree.
 */
export class OrderRepository {
  constructor(private readonly context: StoreContext) {}

  async add(input: NewOrder): Promise<Order> {
    const [order] = await this.addMany([input]);
    return order as Order;
  }

  /** Adds orders in one transaction; a bad one (or an unknown customer) writes none. */
  async addMany(inputs: readonly NewOrder[]): Promise<Order[]> {
    const orders = inputs.map((input, line) =>
      parseRecord(
        orderSchema,
        { items: [], channel: 'other', source: 'manual', externalRef: null, status: 'paid', ...input, id: input.id ?? newId() },
        inputs.length > 1 ? `Order ${line + 1}` : 'The order',
      ),
    );
    return writeAtomically(this.context, ['orders', 'customers'], async (tx) => {
      await Promise.all(orders.map((order) => tx.objectStore('orders').add(order)));
      const customerIds = [...new Set(orders.map((o) => o.customerId))];
      for (const customerId of customerIds) await refreshLastOrder(tx, customerId, this.context.now().toISOString());
      return { result: orders, customerIds };
    });
  }

  /** Replaces an order (a refund or a corrected amount). */
  async update(order: Order): Promise<Order> {
    const valid = parseRecord(orderSchema, order, 'The order');
    return writeAtomically(this.context, ['orders', 'customers'], async (tx) => {
      const before = await tx.objectStore('orders').get(valid.id);
      if (!before) throw new Error(`No order with id ${valid.id}`);
      await tx.objectStore('orders').put(valid);
      const customerIds = [...new Set([before.customerId, valid.customerId])];
      for (const customerId of customerIds) await refreshLastOrder(tx, customerId, this.context.now().toISOString());
      return { result: valid, customerIds };
    });
  }

  async remove(id: string): Promise<void> {
    await writeAtomically(this.context, ['orders', 'customers'], async (tx) => {
      const order = await tx.objectStore('orders').get(id);
      if (!order) return { result: undefined, customerIds: [] };
      await tx.objectStore('orders').delete(id);
      await refreshLastOrder(tx, order.customerId, this.context.now().toISOString());
      return { result: undefined, customerIds: [order.customerId] };
    });
  }

  async get(id: string): Promise<Order | undefined> {
    return this.context.db.get('orders', id);
  }

  /** A customer's orders, newest first. */
  async listByCustomer(customerId: string): Promise<Order[]> {
    const orders = await this.context.db.getAllFromIndex('orders', 'customerId', customerId);
    return orders.sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt));
  }

  async list(): Promise<Order[]> {
    return this.context.db.getAll('orders');
  }
}

async function refreshLastOrder(tx: OrderTransaction, customerId: string, now: string): Promise<void> {
  const customers = tx.objectStore('customers');
  const row = await customers.get(customerId);
  if (!row) throw new Error(`The order refers to customer ${customerId}, who is not in the book`);
  const orders = await tx.objectStore('orders').index('customerId').getAll(customerId);
  const lastOrderAt = latestPaidOrderAt(orders);
  // Through toRow: whether the customer has bought decides which sort index holds them.
  if (lastOrderAt !== row.lastOrderAt) await customers.put(toRow({ ...fromRow(row), lastOrderAt, updatedAt: now }));
}
