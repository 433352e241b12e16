import type { FeedbackPayload } from './payload';

let counter = 0;

/** A valid payload for tests of the sending side; each call gets a fresh id unless one is given. */
export function samplePayload(change: Partial<FeedbackPayload> = {}): FeedbackPayload {
  counter++;
  return {
    site: 'demo',
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    kind: 'csat',
    score: 5,
    page: 'https://loja.example/obrigado',
    locale: 'pt-BR',
    hp: '',
    elapsedMs: 4200,
    ...change,
  };
}
