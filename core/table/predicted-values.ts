import type { Order } from '../model';
import { calendarOf } from '../locale/calendar';
import { fitBgNbd, fitGammaGamma, predictedValue, rfmRowFromOrders, type GammaGammaParams, type OrderForRfm, type PurchaseModelParams, type RfmRow } from '../predict';

/** What the models read of an order: a whole Order, or what the segmentation engine keeps of it (FiledOrder). */
export type OrderForPrediction = OrderForRfm & Pick<Order, 'currency'>;

/**
 * Predicted value: BG/NBD for how many purchases a customer will make, Gamma-Gamma for how much each will be,
 * fitted on the whole book's paid orders in its main currency, in weeks (the unit CDNOW, the models' reference
 * cohort, is read in). The value is the next 12 months' purchases discounted 1% a month.
 */
export interface PredictionModel {
  readonly purchase: PurchaseModelParams;
  readonly spend: GammaGammaParams;
  readonly currency: string;
  /** The seller's zone the rows were cut in (whole days of it). */
  readonly timeZone: string;
}

const HORIZON_MONTHS = 12;
const MONTHLY_DISCOUNT = 0.01;
const WEEKS_PER_MONTH = 30 / 7;
/** Below this many buyers (or repeat buyers for the spend model) a fit says more about chance than the book. */
const MIN_BUYERS = 20;
const MIN_REPEAT_BUYERS = 5;
/**
 * BG/NBD's dropout prior Beta(a, b) narrower than this (a or b beyond it) says every customer drops out alike: the
 * book shows the model no difference between customers, the optimum runs off to infinity, and its expectations
 * need 2F1 with c in the millions. CDNOW's fit has a = 0.79, b = 2.43; a fit out here is reported as unavailable.
 */
const DEGENERATE_BETA = 1e4;

/**
 * The paid orders of one currency, as the models read them. Read as of the end of now's day in the seller's
 * zone: the segmentation counts a sale later today as today's purchase, and so does the prediction (T is whole days).
 */
function rowOf(orders: readonly OrderForPrediction[], currency: string, nowMs: number, timeZone: string): RfmRow | null {
  const calendar = calendarOf(timeZone);
  const endOfDay = calendar.dayStart(calendar.day(nowMs) + 1) - 1;
  return rfmRowFromOrders(
    orders.filter((order) => order.currency === currency),
    endOfDay,
    'weeks',
    timeZone,
  );
}

/**
 * Fits both models on every customer's orders; null when the book is too small or the fit finds no finite
 * optimum (the table then shows no predicted value rather than a made-up one).
 */
export function fitPredictionModel(ordersByCustomer: Iterable<readonly OrderForPrediction[]>, currency: string, nowMs: number, timeZone: string): PredictionModel | null {
  const rows: RfmRow[] = [];
  for (const orders of ordersByCustomer) {
    const row = rowOf(orders, currency, nowMs, timeZone);
    if (row !== null) rows.push(row);
  }
  const repeat = rows.filter((row) => row.frequency > 0 && row.monetaryValue > 0);
  if (rows.length < MIN_BUYERS || repeat.length < MIN_REPEAT_BUYERS) return null;
  try {
    const purchase = fitBgNbd(rows.map(({ frequency, recency, T }) => ({ frequency, recency, T })));
    const spend = fitGammaGamma(repeat.map(({ frequency, monetaryValue }) => ({ frequency, monetaryValue })));
    const finite = [purchase.r, purchase.alpha, purchase.a, purchase.b, spend.p, spend.q, spend.v].every((value) => Number.isFinite(value) && value > 0);
    const degenerate = purchase.a > DEGENERATE_BETA || purchase.b > DEGENERATE_BETA;
    return finite && !degenerate ? { purchase, spend, currency, timeZone } : null;
  } catch {
    return null;
  }
}

/** One customer's predicted value in minor units of the model's currency; null without a paid purchase in it. */
export function predictCustomerValue(model: PredictionModel, orders: readonly OrderForPrediction[], nowMs: number): number | null {
  const row = rowOf(orders, model.currency, nowMs, model.timeZone);
  if (row === null) return null;
  const value = predictedValue({
    purchaseModel: model.purchase,
    spendModel: model.spend,
    row,
    monetaryValue: row.monetaryValue,
    horizon: HORIZON_MONTHS,
    discountRatePerPeriod: MONTHLY_DISCOUNT,
    periodLength: WEEKS_PER_MONTH,
  });
  return Number.isFinite(value) ? Math.round(value) : null;
}
