import { NAME_PHONE_PREFIX, type IdentityKind } from '../../../../../core';
import { enumLabel } from '../../../../i18n/labels';
import type { Locale, MessageKey } from '../../../../i18n/translate';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Why two customers look like one person, from a shared key: "mesmo Telefone: +55…", "mesmo nome e final de telefone". */
export function sharedKeyText(key: string, t: T, locale: Locale): string {
  if (key.startsWith(NAME_PHONE_PREFIX)) return t('sameNameAndPhoneEnd', { digits: key.slice(key.lastIndexOf('|') + 1) });
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const value = key.slice(colon + 1);
  const label = kind === 'tel' ? t('identity.phone') : enumLabel(locale, 'identityKind', kind as IdentityKind);
  return t('sameContact', { kind: label, contact: value });
}
