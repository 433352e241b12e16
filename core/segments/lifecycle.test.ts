import { describe, expect, it } from 'vitest';
import { classifyCustomer, originClassLabel, purchaseClassLabel } from './classes';
import { funnelStageIndex, funnelStageLabel, funnelStagesSchema, validateFunnelStage } from './funnel';
import { lifecycleStageLabel } from './lifecycle';
import { csat, customer, daysAgo, factsOf, nps, order } from './testing/builders';

const identity = (kind: 'whatsapp' | 'email' | 'telegram') => ({ kind, value: 'x', raw: 'x', addedAt: daysAgo(10) });

function lifecycleOf(ago: number[], extra: { feedback?: ReturnType<typeof csat>[]; totalMinor?: number } = {}) {
  // A few ordinary monthly buyers set the book's cut points.
  const others = ['o1', 'o2', 'o3', 'o4'].map((id) => customer(id));
  const otherOrders = others.flatMap((c) => [order(c.id, daysAgo(40)), order(c.id, daysAgo(10))]);
  const facts = factsOf(
    [customer('x'), ...others],
    [...ago.map((d) => order('x', daysAgo(d), { totalMinor: extra.totalMinor ?? 10_000 })), ...otherOrders],
    extra.feedback ?? [],
  );
  return facts[0]!;
}

describe('lifecycle stage', () => {
  it('starts as prospect, then first purchase, then repeat', () => {
    expect(lifecycleOf([]).lifecycle.stage).toBe('prospect');
    expect(lifecycleOf([5]).lifecycle.stage).toBe('first-purchase');
    expect(lifecycleOf([35, 5]).lifecycle.stage).toBe('repeat');
  });

  it('is one shared, frozen result per stage, signals and value flag', () => {
    const monthly = lifecycleOf([90, 60]).lifecycle;
    expect(lifecycleOf([95, 62]).lifecycle).toBe(monthly);
    expect(Object.isFrozen(monthly)).toBe(true);
    expect(lifecycleOf([5]).lifecycle).not.toBe(monthly);
    expect(lifecycleOf([90, 60], { totalMinor: 900_000 }).lifecycle).toEqual({ ...monthly, highValue: true });
  });

  it('needs retention when at risk', () => {
    const f = lifecycleOf([90, 60]);
    expect(f.activity.status).toBe('at-risk');
    expect(f.lifecycle).toMatchObject({ stage: 'needs-retention', signals: ['at-risk'] });
  });

  it('needs retention when the last gap is much longer than usual (falling frequency)', () => {
    const f = lifecycleOf([100, 90, 80, 70, 20]);
    expect(f.ownIntervalDays).toBe(10);
    expect(f.activity.status).toBe('at-risk');
    expect(f.lifecycle.signals).toEqual(['at-risk', 'falling-frequency']);
    // Same rhythm then a long gap, but bought again today: only the gap signals.
    expect(lifecycleOf([100, 90, 80, 70, 60, 0]).lifecycle.signals).toEqual(['falling-frequency']);
  });

  it('needs retention after a bad rating until the customer buys again', () => {
    expect(lifecycleOf([35, 5], { feedback: [nps('x', 6, daysAgo(2))] }).lifecycle).toMatchObject({ stage: 'needs-retention', signals: ['bad-rating'] });
    expect(lifecycleOf([35, 5], { feedback: [csat('x', 2, daysAgo(3))] }).lifecycle.stage).toBe('needs-retention');
    expect(lifecycleOf([35, 5], { feedback: [csat('x', 3, daysAgo(3))] }).lifecycle.stage).toBe('repeat');
    // A later good rating replaces the bad one; a purchase after the bad rating answers it.
    expect(lifecycleOf([35, 5], { feedback: [nps('x', 2, daysAgo(4)), csat('x', 5, daysAgo(3))] }).lifecycle.stage).toBe('repeat');
    expect(lifecycleOf([35, 5], { feedback: [nps('x', 2, daysAgo(20))] }).lifecycle.stage).toBe('repeat');
  });

  it('moves inactive and lost customers to recovery, flagging the valuable ones', () => {
    const cheap = lifecycleOf([150, 120], { totalMinor: 1_000 });
    expect(cheap.activity.status).toBe('inactive');
    expect(cheap.lifecycle).toMatchObject({ stage: 'recovery', highValue: false, worthRecovering: false });
    const big = lifecycleOf([400, 370], { totalMinor: 90_000 });
    expect(big.activity.status).toBe('lost');
    expect(big.lifecycle).toMatchObject({ stage: 'recovery', highValue: true, worthRecovering: true });
    expect(lifecycleStageLabel('recovery', 'pt-BR')).toBe('Recuperar');
  });
});

describe('classes', () => {
  it('separates potential, new and recurring customers', () => {
    expect(classifyCustomer({ purchaseDays: 0, originChannel: null, identityKinds: [] }).purchase).toBe('potential');
    expect(classifyCustomer({ purchaseDays: 1, originChannel: 'store', identityKinds: [] }).purchase).toBe('new');
    expect(classifyCustomer({ purchaseDays: 4, originChannel: 'store', identityKinds: [] }).purchase).toBe('recurring');
    expect(purchaseClassLabel('recurring', 'es')).toBe('Recurrente');
  });

  it('calls customers social by their first order’s channel, or by chat identities when they never ordered', () => {
    expect(classifyCustomer({ purchaseDays: 1, originChannel: 'instagram', identityKinds: ['email'] }).origin).toBe('social');
    expect(classifyCustomer({ purchaseDays: 1, originChannel: 'store', identityKinds: ['whatsapp'] }).origin).toBe('store');
    expect(classifyCustomer({ purchaseDays: 0, originChannel: null, identityKinds: ['telegram'] }).origin).toBe('social');
    expect(classifyCustomer({ purchaseDays: 0, originChannel: null, identityKinds: ['email'] }).origin).toBe('store');
    expect(originClassLabel('social', 'pt-BR')).toBe('Redes sociais');
  });

  it('takes the origin from the earliest order even if it was cancelled', () => {
    const [f] = factsOf(
      [customer('x', { identities: [identity('email')] })],
      [order('x', daysAgo(50), { channel: 'whatsapp', status: 'cancelled' }), order('x', daysAgo(20), { channel: 'store' })],
    );
    expect(f?.classes).toEqual({ purchase: 'new', origin: 'social' });
  });
});

describe('funnel stages', () => {
  it('validates a stage against the list', () => {
    expect(validateFunnelStage('decision')).toEqual({ ok: true, stage: 'decision' });
    expect(validateFunnelStage(null)).toEqual({ ok: true, stage: null });
    expect(validateFunnelStage('negotiation')).toEqual({
      ok: false,
      message: 'funnel stage "negotiation" is not one of: discovery, consideration, decision, customer',
    });
    expect(validateFunnelStage('negotiation', ['lead', 'negotiation']).ok).toBe(true);
    expect(funnelStageIndex('decision')).toBe(2);
  });

  it('labels default stages in four locales and custom stages by their own name', () => {
    expect(['pt-BR', 'pt-PT', 'en', 'es'].map((l) => funnelStageLabel('consideration', l))).toEqual([
      'Consideração',
      'Consideração',
      'Consideration',
      'Consideración',
    ]);
    expect(funnelStageLabel('orçamento enviado', 'pt-BR')).toBe('orçamento enviado');
    expect(funnelStageLabel('decision', 'en', { decision: 'Ready to pay' })).toBe('Ready to pay');
  });

  it('refuses a stage list with repeats, naming the repeat', () => {
    const result = funnelStagesSchema.safeParse(['lead', 'quote', 'lead']);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: [2], message: 'repeats the stage "lead"' });
  });
});
