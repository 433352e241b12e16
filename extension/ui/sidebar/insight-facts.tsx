import type { CustomerInsight } from '../../messaging/protocol';
import type { MessageKey } from '../../i18n/translate';

/** Activity with its reason, RFM and lifecycle: the sidebar's card and the book's customer detail show these alike. */
export function InsightFacts({ insight, t }: { insight: CustomerInsight; t: (key: MessageKey) => string }) {
  return (
    <dl class="facts insight" data-testid="insight">
      <dt>{t('activity')}</dt>
      <dd data-status={insight.activity.status}>
        <strong>{insight.activity.label}</strong> <span class="reason">{insight.activity.reason}</span>
      </dd>
      {insight.rfm && [
        <dt key="r">{t('rfm')}</dt>,
        <dd key="rv" data-segment={insight.rfm.segment}>
          {insight.rfm.label} <span class="meta">{insight.rfm.scores}</span>
        </dd>,
      ]}
      <dt>{t('lifecycle')}</dt>
      <dd data-stage={insight.lifecycle.stage}>
        {insight.lifecycle.label}
        {insight.lifecycle.worthRecovering && <span class="badge">{t('worthRecovering')}</span>}
      </dd>
    </dl>
  );
}
