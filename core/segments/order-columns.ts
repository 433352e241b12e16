import type { Order } from '../model';
import { type FiledOrder, type ItemForBase, OrderFiler } from './filed-order';
import { IdIndex } from './id-index';
import { grown } from './grown';

/** No slot: the end of a customer's chain, or a chain not started; the owner of a free slot. */
export const NO_SLOT = -1;
const NONE = NO_SLOT;

/**
 * The columns as they stand, for a pass over the whole book (fact-columns.ts): shared, never written. Slots
 * 0…slots−1; a free slot's owner is NO_SLOT. Customers are numbered densely in the order they were first seen.
 */
export interface OrderColumnsView {
  readonly slots: number;
  readonly placedAtMs: Float64Array;
  readonly totalMinor: Float64Array;
  /** Codes into `texts`. */
  readonly status: Uint16Array;
  readonly currency: Uint16Array;
  /** Customer number, NO_SLOT for a free slot. */
  readonly owner: Int32Array;
  /** A customer's chain: first slot by customer number, next slot by slot (NO_SLOT ends it). */
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly customers: number;
  readonly customerIds: readonly string[];
  readonly texts: readonly string[];
  /** The code of a status or currency text, −1 when no order has it. */
  codeOf(text: string): number;
}

/**
 * The segmentation engine's orders, filed by customer, as columns: one slot per order in typed arrays (when it was
 * placed, its total, codes for its status, currency, channel and item list, its customer's number and its neighbours
 * in that customer's chain), and the order ids in a few long strings (id-index.ts).
 *
 * The service worker keeps the engine for as long as the book is open, and its collector marks every object it
 * holds, while the seller scrolls and types in a page that shares the machine's two cores. 300k orders as FiledOrder
 * objects were 300k objects in a map, plus 100k lists; as columns they are a few arrays the collector does not look
 * into. A customer's orders are read as FiledOrders (`ordersOf`), made when asked: they live just long enough to be
 * summed.
 *
 * A customer's orders keep the order they were filed in; a replaced order keeps its place, a moved one goes last.
 */
export class OrderColumns {
  private readonly filer = new OrderFiler();
  /** Order id → slot, and back. */
  private readonly slotById: IdIndex;
  private readonly freeSlots: number[] = [];
  /** Slots ever given out (free ones included). */
  private slots = 0;
  private capacity = 0;
  private placedAtMs = new Float64Array(0);
  private totalMinor = new Float64Array(0);
  private status = new Uint16Array(0);
  private currency = new Uint16Array(0);
  private channel = new Uint16Array(0);
  private items = new Int32Array(0);
  private owner = new Int32Array(0);
  private next = new Int32Array(0);
  private previous = new Int32Array(0);

  /** Customer number → id; its chain's first and last slot. */
  private readonly customerIds: string[] = [];
  private readonly customerNumber = new Map<string, number>();
  private head = new Int32Array(0);
  private tail = new Int32Array(0);

  /** The few strings of statuses, currencies and channels, by code. */
  private readonly texts: string[] = [];
  private readonly textCode = new Map<string, number>();
  /** Distinct item lists, by code (the filer shares pairs; a list is known by its pairs' numbers). */
  private readonly lists: (readonly ItemForBase[])[] = [];
  private readonly listCode = new Map<string, number>();
  private readonly pairNumber = new Map<ItemForBase, number>();

  /** `sealIdsAt`: how many new order ids wait before they are written into the id index's long strings (tests). */
  constructor(sealIdsAt?: number) {
    this.slotById = new IdIndex(sealIdsAt);
  }

  /** Orders filed. */
  get size(): number {
    return this.slotById.size;
  }

  /**
   * Files `order` under `ownerId` (order.customerId, in the copy the caller keeps), replacing an order with the same
   * id; returns that order's customer, or null for a new order.
   */
  file(order: Order, ownerId: string): string | null {
    const customer = this.customerOf(ownerId);
    let slot = this.slotById.get(order.id);
    let previousOwner: string | null = null;
    if (slot === undefined) {
      slot = this.allocate();
      this.slotById.set(order.id, slot);
      this.link(slot, customer);
    } else {
      const was = this.owner[slot] as number;
      previousOwner = this.customerIds[was] as string;
      if (was !== customer) {
        this.unlink(slot);
        this.link(slot, customer);
      }
    }
    const filed = this.filer.file(order, order.id, ownerId);
    this.placedAtMs[slot] = filed.placedAtMs;
    this.totalMinor[slot] = filed.totalMinor;
    this.status[slot] = this.textOf(filed.status);
    this.currency[slot] = this.textOf(filed.currency);
    this.channel[slot] = this.textOf(filed.channel);
    this.items[slot] = this.listOf(filed.items);
    return previousOwner;
  }

  /** Forgets an order; returns its customer, or null for an id not filed. */
  remove(orderId: string): string | null {
    const slot = this.slotById.get(orderId);
    if (slot === undefined) return null;
    const owner = this.customerIds[this.owner[slot] as number] as string;
    this.unlink(slot);
    this.slotById.delete(orderId);
    this.freeSlots.push(slot);
    return owner;
  }

  /** A customer's number (given now if they have none yet: a customer without orders is numbered too). */
  numberOf(customerId: string): number {
    return this.customerOf(customerId);
  }

  /** The columns to read in one pass; valid until the next file or remove. */
  view(): OrderColumnsView {
    return {
      slots: this.slots,
      placedAtMs: this.placedAtMs,
      totalMinor: this.totalMinor,
      status: this.status,
      currency: this.currency,
      owner: this.owner,
      head: this.head,
      next: this.next,
      customers: this.customerIds.length,
      customerIds: this.customerIds,
      texts: this.texts,
      codeOf: (text) => this.textCode.get(text) ?? -1,
    };
  }

  /** A customer's orders, in filing order, made now (each call makes new ones); empty for a customer without any. */
  ordersOf(customerId: string): FiledOrder[] {
    const customer = this.customerNumber.get(customerId);
    if (customer === undefined) return [];
    const orders: FiledOrder[] = [];
    const id = this.customerIds[customer] as string;
    for (let slot = this.head[customer] as number; slot !== NONE; slot = this.next[slot] as number) {
      orders.push({
        id: this.slotById.idOf(slot),
        customerId: id,
        placedAtMs: this.placedAtMs[slot] as number,
        status: this.texts[this.status[slot] as number] as FiledOrder['status'],
        currency: this.texts[this.currency[slot] as number] as string,
        totalMinor: this.totalMinor[slot] as number,
        channel: this.texts[this.channel[slot] as number] as FiledOrder['channel'],
        items: this.lists[this.items[slot] as number] as readonly ItemForBase[],
      });
    }
    return orders;
  }

  private customerOf(id: string): number {
    let number = this.customerNumber.get(id);
    if (number !== undefined) return number;
    number = this.customerIds.length;
    this.customerIds.push(id);
    this.customerNumber.set(id, number);
    if (number >= this.head.length) {
      const size = Math.max(64, Math.ceil(this.head.length * 1.5));
      this.head = grown(this.head, size, NONE);
      this.tail = grown(this.tail, size, NONE);
    }
    return number;
  }

  private allocate(): number {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) return reused;
    const slot = this.slots;
    this.slots += 1;
    if (slot >= this.capacity) {
      const size = Math.max(256, Math.ceil(this.capacity * 1.5));
      this.placedAtMs = grown(this.placedAtMs, size, 0);
      this.totalMinor = grown(this.totalMinor, size, 0);
      this.status = grown(this.status, size, 0);
      this.currency = grown(this.currency, size, 0);
      this.channel = grown(this.channel, size, 0);
      this.items = grown(this.items, size, 0);
      this.owner = grown(this.owner, size, NONE);
      this.next = grown(this.next, size, NONE);
      this.previous = grown(this.previous, size, NONE);
      this.capacity = size;
    }
    return slot;
  }

  /** Puts a free slot last in a customer's chain. */
  private link(slot: number, customer: number): void {
    const last = this.tail[customer] as number;
    this.owner[slot] = customer;
    this.previous[slot] = last;
    this.next[slot] = NONE;
    if (last === NONE) this.head[customer] = slot;
    else this.next[last] = slot;
    this.tail[customer] = slot;
  }

  /** Takes a slot out of its customer's chain. */
  private unlink(slot: number): void {
    const customer = this.owner[slot] as number;
    const before = this.previous[slot] as number;
    const after = this.next[slot] as number;
    if (before === NONE) this.head[customer] = after;
    else this.next[before] = after;
    if (after === NONE) this.tail[customer] = before;
    else this.previous[after] = before;
    this.owner[slot] = NONE;
    this.next[slot] = NONE;
    this.previous[slot] = NONE;
  }

  private textOf(text: string): number {
    let code = this.textCode.get(text);
    if (code === undefined) {
      code = this.texts.length;
      if (code > 0xffff) throw new Error('more than 65,536 distinct statuses, currencies and channels');
      this.texts.push(text);
      this.textCode.set(text, code);
    }
    return code;
  }

  private listOf(list: readonly ItemForBase[]): number {
    let key = '';
    for (const pair of list) {
      let number = this.pairNumber.get(pair);
      if (number === undefined) this.pairNumber.set(pair, (number = this.pairNumber.size));
      key += `${number},`;
    }
    let code = this.listCode.get(key);
    if (code === undefined) {
      code = this.lists.length;
      this.lists.push(list);
      this.listCode.set(key, code);
    }
    return code;
  }
}
