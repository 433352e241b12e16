import type { Translate } from '../i18n/translate';
import type { ShopProblem } from './shop-service';

/** What went wrong with a shop, in the seller's language, naming what they typed or the part that is wrong. */
export function shopProblemText(t: Translate, detail: ShopProblem): string {
  switch (detail.problem) {
    case 'empty':
      return t('shops.problem.empty');
    case 'invalid':
      return t('shops.problem.invalid', { text: detail.text });
    case 'not-https':
      return t('shops.problem.notHttps', { scheme: detail.scheme });
    case 'ip-address':
      return t('shops.problem.ipAddress', { host: detail.host });
    case 'port':
      return t('shops.problem.port', { port: detail.port });
    case 'not-a-domain':
      return t('shops.problem.notADomain', { host: detail.host });
    case 'served':
      return t('shops.problem.served', { host: detail.host });
    case 'too-many':
      return t('shops.problem.tooMany', { max: detail.max });
    case 'not-running':
      return t('shops.problem.notRunning', { origin: detail.origin, message: detail.message });
    case 'not-removed':
      return t('shops.problem.notRemoved', { origin: detail.origin });
  }
}
