import type { Order, OrderItem, OrderStatus } from '../model';
import type { OrderChannel } from './classes';
import { parseInstantMs } from './time';

/** What a customer's figures read of an order's items: its products and their categories. */
export type ItemForBase = Pick<OrderItem, 'name' | 'category'>;

/**
 * What the segmentation engine keeps of an order: what a customer's figures (computeCustomerBase), their predicted
 * value (rfmRowFromOrders) and the book table's diff by id read, and nothing else. A whole Order read from
 * IndexedDB carries its own copy of every string (status, currency, each item's name and category), plus quantities,
 * prices, source and reference nobody in the engine reads: at 100k customers and 300k orders, the engine's orders
 * took 110 MB of Node's heap as whole records and take 49 MB so.
 */
export interface FiledOrder {
  readonly id: string;
  readonly customerId: string;
  /**
   * placedAt, parsed once when filed (parseInstantMs); NaN when it is not a date: the figures skip the order and the
   * models refuse it, as they did the text. The book stores instants as toISOString writes them (isoDateTime), a
   * shape both read alike.
   */
  readonly placedAtMs: number;
  readonly status: OrderStatus;
  readonly currency: string;
  readonly totalMinor: number;
  readonly channel: OrderChannel;
  /**
   * The order's distinct (name, category) pairs, an empty category as null: all a customer's product and category
   * lists read. Pairs, and lists of one, are shared by every order that has them.
   */
  readonly items: readonly ItemForBase[];
}

const NO_ITEMS: readonly ItemForBase[] = Object.freeze([]);

/**
 * Turns orders into FiledOrders, sharing every string and item pair it has seen (a book's currencies, channels and
 * products are few; its orders many). The shared values live as long as the filer: one engine, rebuilt with the book.
 */
export class OrderFiler {
  private readonly strings = new Map<string, string>();
  /** By name, the pairs of that name (one, mostly: a product has a category). */
  private readonly pairs = new Map<string, ItemForBase[]>();
  private readonly singles = new Map<ItemForBase, readonly ItemForBase[]>();

  /**
   * `id` and `customerId` are order.id and order.customerId as spelled, in the copies the engine already holds:
   * the order's own are let go with it.
   */
  file(order: Order, id: string, customerId: string): FiledOrder {
    // One literal with every field, so every filed order has one fixed shape.
    return {
      id,
      customerId,
      placedAtMs: parseInstantMs(order.placedAt),
      status: this.shared(order.status),
      currency: this.shared(order.currency),
      totalMinor: order.totalMinor,
      channel: this.shared(order.channel),
      items: this.itemsOf(order.items),
    };
  }

  private itemsOf(items: readonly ItemForBase[]): readonly ItemForBase[] {
    if (items.length === 0) return NO_ITEMS;
    const first = this.pair(items[0] as ItemForBase);
    if (items.length === 1) {
      let single = this.singles.get(first);
      if (single === undefined) this.singles.set(first, (single = Object.freeze([first])));
      return single;
    }
    const distinct: ItemForBase[] = [first];
    for (let i = 1; i < items.length; i++) {
      const pair = this.pair(items[i] as ItemForBase);
      if (!distinct.includes(pair)) distinct.push(pair);
    }
    // At its own length: a list grown by push keeps room for 16 more.
    return distinct.length === 1 ? this.itemsOf(distinct) : Object.freeze(distinct.slice());
  }

  private pair(item: ItemForBase): ItemForBase {
    const category = item.category === '' ? null : item.category;
    let named = this.pairs.get(item.name);
    if (named === undefined) this.pairs.set(item.name, (named = []));
    for (const pair of named) if (pair.category === category) return pair;
    const pair = Object.freeze({ name: this.shared(item.name), category: category === null ? null : this.shared(category) });
    named.push(pair);
    return pair;
  }

  private shared<T extends string>(value: T): T {
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    this.strings.set(value, value);
    return value;
  }
}
