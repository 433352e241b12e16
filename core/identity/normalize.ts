// The max metadata checks number patterns, not only lengths: a customer book must not file a typo as a phone.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { ValidationError, type IdentityKind } from '../model';

export type { CountryCode };

export interface NormalizeOptions {
  /** Country assumed for phones written without a country code; Clientela's first sellers are in Brazil. */
  defaultCountry?: CountryCode;
}

function invalid(kind: IdentityKind, message: string): ValidationError {
  return new ValidationError([{ field: 'value', message }], `The ${kind} identity`);
}

/**
 * Normalizes a phone to E.164 (`+5511987654321`). `11 98765-4321`, `+55 (11) 98765-4321`, `5511987654321` and
 * a WhatsApp JID `5511987654321@c.us` are one number for a Brazilian seller.
 */
export function normalizePhone(raw: string, defaultCountry: CountryCode = 'BR'): string {
  const text = raw.trim().replace(/@(c|s)\.us$/i, '');
  // Digits that already carry a country code but no plus (how WhatsApp and exports write them): try the plus
  // first, and keep the local reading only when the international one is not a valid number.
  const candidates = /^\d{11,15}$/.test(text) ? [`+${text}`, text] : [text];
  for (const candidate of candidates) {
    const phone = parsePhoneNumberFromString(candidate, defaultCountry);
    if (phone?.isValid()) return phone.number;
    const withNinthDigit = phone && addBrazilianNinthDigit(phone.number);
    if (withNinthDigit && parsePhoneNumberFromString(withNinthDigit)?.isValid()) return withNinthDigit;
  }
  throw invalid('phone', `"${raw}" is not a valid phone number (country assumed: ${defaultCountry})`);
}

/**
 * Brazilian mobiles got a ninth digit (a leading 9) between 2012 and 2016, and WhatsApp still reports many
 * accounts without it (`55 11 8765-4321@c.us` for `+55 11 98765-4321`). Eight-digit numbers starting 6–9 were
 * mobiles; 2–5 are landlines and never got the ninth digit.
 */
function addBrazilianNinthDigit(e164: string): string | null {
  const old = /^\+55(\d{2})([6-9]\d{7})$/.exec(e164);
  return old ? `+55${old[1]}9${old[2]}` : null;
}

/** Trims and lower-cases an email; rejects text that cannot be an address. */
export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalid('email', `"${raw}" is not an email address`);
  return email;
}

/**
 * A CPF as its 11 digits (`123.456.789-09` → `12345678909`), both check digits verified (Receita Federal's mod-11
 * rule) and the all-one-digit numbers refused (`111.111.111-11` passes the arithmetic but is no one's CPF).
 */
export function normalizeCpf(raw: string): string {
  const digits = raw.trim().replace(/[.\-\s/]/g, '');
  if (!isCpf(digits)) throw invalid('cpf', `"${raw}" is not a valid CPF`);
  return digits;
}

/** True for 11 digits, not all the same, whose two check digits are right. */
export function isCpf(digits: string): boolean {
  if (digits.length !== 11) return false;
  let allSame = true;
  for (let i = 0; i < 11; i++) {
    const code = digits.charCodeAt(i);
    if (code < 48 || code > 57) return false;
    if (code !== digits.charCodeAt(0)) allSame = false;
  }
  return !allSame && cpfCheckDigit(digits, 9) === digits.charCodeAt(9) - 48 && cpfCheckDigit(digits, 10) === digits.charCodeAt(10) - 48;
}

// The check digit after the first `length` digits: weights length+1 down to 2, sum·10 mod 11, where 10 becomes 0.
function cpfCheckDigit(digits: string, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += (digits.charCodeAt(i) - 48) * (length + 1 - i);
  return ((sum * 10) % 11) % 10;
}

const HANDLE_RULES: Partial<Record<IdentityKind, RegExp>> = {
  // Instagram usernames: letters, digits, dot and underscore, 30 at most.
  instagram: /^[a-z0-9._]{1,30}$/,
  // Telegram: a username (5–32) or a numeric peer id as Telegram Web shows it in the URL.
  telegram: /^([a-z][a-z0-9_]{3,31}|-?\d{1,20})$/,
  // Messenger: the numeric id or the vanity name from /t/<id>.
  messenger: /^[a-z0-9.]{1,100}$/,
  // WhatsApp usernames as WhatsApp announced them (2025–26 rollout, reported by WABetaInfo): 3–35 of a–z, 0–9,
  // `.` and `_`, at least one letter, no period first or last and no two in a row.
  'whatsapp-username': /^(?=[a-z0-9._]*[a-z])(?!\.)(?!.*\.\.)(?!.*\.$)[a-z0-9._]{3,35}$/,
};

/** Lower-cases a social handle and drops a leading `@` (Instagram, Telegram, Messenger, WhatsApp usernames). */
export function normalizeHandle(kind: IdentityKind, raw: string): string {
  const handle = raw.trim().replace(/^@/, '').toLowerCase();
  const rule = HANDLE_RULES[kind];
  if (!handle || (rule && !rule.test(handle))) throw invalid(kind, `"${raw}" is not a ${kind} handle`);
  return handle;
}

/** Normalizes the value of an identity of any kind; throws a ValidationError naming `value` when it is not one. */
export function normalizeIdentityValue(kind: IdentityKind, raw: string, options: NormalizeOptions = {}): string {
  switch (kind) {
    case 'phone':
    case 'whatsapp':
      return normalizePhone(raw, options.defaultCountry);
    case 'whatsapp-lid': {
      const lid = raw.trim().replace(/@lid$/i, '');
      if (!/^\d{5,20}$/.test(lid)) throw invalid(kind, `"${raw}" is not a WhatsApp @lid id`);
      return lid;
    }
    case 'email':
      return normalizeEmail(raw);
    case 'cpf':
      return normalizeCpf(raw);
    case 'storefront': {
      const id = raw.trim();
      if (!id || id.length > 200) throw invalid(kind, `"${raw}" is not a store customer id`);
      return id;
    }
    default:
      return normalizeHandle(kind, raw);
  }
}
