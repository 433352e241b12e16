import type { Order } from '../model';
import { calendarOf } from '../locale/calendar';
import { expectedPurchases, fitMbgNbd, fitGammaGamma, predictedValue, probabilityAlive, rfmRowFromOrders, type GammaGammaParams, type OrderForRfm, type PurchaseModelParams, type RfmRow } from '../predict';

/** What the models read of an order: a whole Order, or what the segmentation engine keeps of it (FiledOrder). */
export type OrderForPrediction = OrderForRfm & Pick<Order, 'currency'>;

/**
 * Predicted value: MBG/NBD for how many purchases a customer will make (BG/NBD with a chance to leave after the
 * first purchase as after any other, so a one-time buyer silent for months is not taken for certain to return),
 * Gamma-Gamma for how much each will be, fitted on the whole book's paid orders in its main currency, in weeks (the unit CDNOW, the models' reference
 * cohort, is read in). The value is what the next 90 days' purchases are expected to be worth.
 */
export interface PredictionModel {
  readonly purchase: PurchaseModelParams;
  readonly spend: GammaGammaParams;
  readonly currency: string;
  /** The seller's zone the rows were cut in (whole days of it). */
  readonly timeZone: string;
  /** When it was fitted (epoch ms): the orders it read were those of that moment. */
  readonly fittedAtMs: number;
  /** How many customers with a paid purchase in its currency it was fitted on. */
  readonly buyers: number;
}

/** A customer's prediction over the next PREDICTION_DAYS days, by the book's model. */
export interface CustomerPrediction {
  /** The chance they still buy from the seller at all (have not silently left), 0 to 1. */
  readonly probabilityAlive: number;
  /** The purchases expected from them over the next PREDICTION_DAYS days. */
  readonly expectedPurchases: number;
  /** What those purchases are expected to be worth, in whole minor units of the model's currency. */
  readonly valueMinor: number;
}

/** The horizon of every prediction shown: the next 90 days, as three periods of 30 days. */
export const PREDICTION_DAYS = 90;
const PERIOD_DAYS = 30;
const DAYS_PER_WEEK = 7;
/** Below this many buyers (or repeat buyers for the spend model) a fit says more about chance than the book. */
export const MIN_BUYERS = 20;
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
    const purchase = fitMbgNbd(rows.map(({ frequency, recency, T }) => ({ frequency, recency, T })));
    const spend = fitGammaGamma(repeat.map(({ frequency, monetaryValue }) => ({ frequency, monetaryValue })));
    const finite = [purchase.r, purchase.alpha, purchase.a, purchase.b, spend.p, spend.q, spend.v].every((value) => Number.isFinite(value) && value > 0);
    const degenerate = purchase.a > DEGENERATE_BETA || purchase.b > DEGENERATE_BETA;
    return finite && !degenerate ? { purchase, spend, currency, timeZone, fittedAtMs: nowMs, buyers: rows.length } : null;
  } catch {
    return null;
  }
}

/**
 * One customer's prediction by core's formulas (core/predict): the purchase model's probability alive and expected purchases
 * over the next 90 days, and their worth as predictedValue over three 30-day periods, undiscounted (expected
 * purchases × Gamma-Gamma's expected spend per purchase). Null without a paid purchase in the model's currency, or
 * when the formulas give no finite answer.
 */
export function predictCustomer(model: PredictionModel, orders: readonly OrderForPrediction[], nowMs: number): CustomerPrediction | null {
  const row = rowOf(orders, model.currency, nowMs, model.timeZone);
  if (row === null) return null;
  const purchases = { frequency: row.frequency, recency: row.recency, T: row.T };
  const alive = probabilityAlive(model.purchase, purchases);
  const expected = expectedPurchases(model.purchase, PREDICTION_DAYS / DAYS_PER_WEEK, purchases);
  const value = predictedValue({
    purchaseModel: model.purchase,
    spendModel: model.spend,
    row,
    monetaryValue: row.monetaryValue,
    horizon: PREDICTION_DAYS / PERIOD_DAYS,
    discountRatePerPeriod: 0,
    periodLength: PERIOD_DAYS / DAYS_PER_WEEK,
  });
  if (![alive, expected, value].every(Number.isFinite)) return null;
  return { probabilityAlive: Math.min(1, Math.max(0, alive)), expectedPurchases: Math.max(0, expected), valueMinor: Math.max(0, Math.round(value)) };
}
