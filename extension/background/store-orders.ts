import { readStoreOrder, saveStoreOrder, StoreOrderRefused, type Book, type StoreOrderReading, type StoreOrderSettings } from '../../core';
import { readTimeZone } from '../i18n/time-zone';
import type { CustomerProfile, StoreOrderPreview, StoreOrderSaveReply } from '../messaging/protocol';
import { findByIdentities } from './customer-lookup';

/** The book's main currency and the country of phones written without a code, as the import screen assumes them. */
const MAIN_CURRENCY = 'BRL';
const DEFAULT_COUNTRY = 'BR';

/** What a page is read with: the seller's zone from the book (Configurações), else the browser's. */
async function settingsOf(book: Book): Promise<StoreOrderSettings> {
  return { timeZone: await readTimeZone(book), currency: MAIN_CURRENCY, country: DEFAULT_COUNTRY };
}

/**
 * What saving this page would save, and the profile of the customer its buyer's identities find, found as
 * `chat/lookup` finds a chat's (and as the save will match them: e-mail, then phone, then CPF). Never writes.
 */
export async function previewStoreOrder(book: Book, reading: StoreOrderReading, profile: (customerId: string) => Promise<CustomerProfile>): Promise<StoreOrderPreview> {
  const { summary, identities, missing, refusal } = readStoreOrder(reading, await settingsOf(book));
  const { customer } = await findByIdentities(book, identities);
  return { read: summary, identities, missing, refusal, profile: customer ? await profile(customer.id) : null };
}

/** The seller's "Salvar pedido em <cliente>": saved as the store's export file would import it, or refused with nothing written. */
export async function saveStoreOrderFromPage(book: Book, reading: StoreOrderReading, profile: (customerId: string) => Promise<CustomerProfile>): Promise<StoreOrderSaveReply> {
  try {
    const { outcome, customerId, newCustomer, missing } = await saveStoreOrder(book, reading, await settingsOf(book));
    return { outcome, customerId, newCustomer, missing, profile: await profile(customerId) };
  } catch (error) {
    if (error instanceof StoreOrderRefused) return { outcome: 'refused', refusal: error.refusal, missing: error.missing };
    throw error;
  }
}
