/** The least a token or secret must carry: beyond guessing, whatever the rate limits. */
export const MIN_SECRET_BITS = 128;

/** Alphabets a generated secret is written in, smallest first; a string's is the first that holds all of it. */
const ALPHABETS: readonly { name: string; size: number; pattern: RegExp }[] = [
  { name: 'decimal', size: 10, pattern: /^[0-9]+$/ },
  { name: 'hex', size: 16, pattern: /^(?:[0-9a-f]+|[0-9A-F]+)$/ },
  { name: 'base64url', size: 64, pattern: /^[A-Za-z0-9_-]+$/ },
  { name: 'base64', size: 64, pattern: /^[A-Za-z0-9+/]+=*$/ },
  { name: 'printable ASCII', size: 94, pattern: /^[\x21-\x7e]+$/ },
];

/** Steps of -1, 0 or +1 this long (`aaaaaa`, `123456`, `fedcba`) are a pattern: one in about 10^4 random hex strings. */
const RUN = 6;

/**
 * Why `text` is too weak to be a token or secret, or null when it is strong enough. Weak means any of:
 * - fewer than MIN_SECRET_BITS by its length and alphabet (each character of an alphabet of n carries at most
 *   log2(n) bits): base64url needs 22 characters, hex 32, decimal 39, printable ASCII 20. This alone is exact:
 *   such a string cannot hold 128 bits however it was made. Other characters, spaces included, are refused: a
 *   token travels in an `Authorization: Bearer` header, where a space ends it;
 * - fewer distinct characters than half of what its length and alphabet allow (`aaaa…`, `abab…`);
 * - a run of RUN characters stepping by -1, 0 or +1 (`0123456789`, `zzzzzz`);
 * - words: half of it or more (`minha-loja-de-roupas-2026`, `MinhaLojaSenhaForte…`; see wordLetters).
 * The last three are judgements on how the string was made, so they can refuse a random one: measured over
 * 200 000 draws, about 1 in 2 000 random 32-character base64url strings (generateSecret draws again then),
 * 1 in 350 at the 22-character minimum, and 1 in 6 000 32-character hex strings. The error says how to make one.
 */
export function weakSecretReason(text: string): string | null {
  const alphabet = ALPHABETS.find((candidate) => candidate.pattern.test(text));
  if (!alphabet) return 'must be printable ASCII without spaces (letters, digits, punctuation)';
  const bits = Math.floor(text.length * Math.log2(alphabet.size));
  if (bits < MIN_SECRET_BITS) {
    const needed = Math.ceil(MIN_SECRET_BITS / Math.log2(alphabet.size));
    return `is too short: ${text.length} ${alphabet.name} characters carry at most ${bits} bits; ${MIN_SECRET_BITS} need ${needed}`;
  }
  if (new Set(text).size < Math.min(text.length, alphabet.size) / 2) return 'repeats too few distinct characters to be random';
  if (hasRun(text)) return `has a run of ${RUN} or more repeated or consecutive characters`;
  if (wordLetters(text) * 2 >= text.length) return 'reads as words, not random characters';
  return null;
}

function hasRun(text: string): boolean {
  let length = 1;
  for (let i = 1; i < text.length; i++) {
    const step = text.charCodeAt(i) - text.charCodeAt(i - 1);
    const continues = Math.abs(step) <= 1 && (length === 1 || step === text.charCodeAt(i - 1) - text.charCodeAt(i - 2));
    length = continues ? length + 1 : Math.abs(step) <= 1 ? 2 : 1;
    if (length >= RUN) return true;
  }
  return false;
}

/**
 * How many characters sit in words: runs of 4 or more letters of one case (or a capital and 3 or more small
 * letters), with vowels in at least 3 of every 10 letters and never 3 consonants in a row. Random letters
 * rarely look like that (a fifth of them are vowels); made-up tokens mostly do.
 */
function wordLetters(text: string): number {
  const words = (text.match(/[A-Z]?[a-z]{3,}|[A-Z]{4,}/g) ?? []).filter(
    (word) => (word.match(/[aeiouy]/gi)?.length ?? 0) * 10 >= word.length * 3 && !/[^aeiouy]{3}/i.test(word),
  );
  return words.reduce((sum, word) => sum + word.length, 0);
}
