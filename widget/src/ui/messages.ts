import type { Locale } from '../options';

/**
 * Every string the UI shows, per locale. Placeholders: {n}, {min}, {max}, {id} — numbers are formatted with Intl
 * before they are put in (see format.ts), never concatenated raw.
 */
export interface Messages {
  title: string;
  close: string;
  order: string;
  csatLegend: string;
  /** Words for 1…5 stars, shown under the stars and read with each star. */
  csatWords: readonly [string, string, string, string, string];
  starOne: string;
  starOther: string;
  npsLegend: string;
  npsLow: string;
  npsHigh: string;
  comment: string;
  counter: string;
  consent: string;
  email: string;
  phone: string;
  send: string;
  sending: string;
  thanks: string;
  queued: string;
  failed: string;
  needScore: string;
  badEmail: string;
  badPhone: string;
  honeypot: string;
}

/**
 * Version of the consent wording, sent with the exact text the visitor saw. Bump it whenever any locale's
 * `consent` changes, so a stored consent always points at one wording.
 */
export const CONSENT_VERSION = '2026-01';

export const MESSAGES: Record<Locale, Messages> = {
  'pt-BR': {
    title: 'Sua opinião sobre a loja',
    close: 'Fechar',
    order: 'Pedido nº {id}',
    csatLegend: 'Como foi sua experiência?',
    csatWords: ['Péssima', 'Ruim', 'Regular', 'Boa', 'Ótima'],
    starOne: '{n} estrela',
    starOther: '{n} estrelas',
    npsLegend: 'De {min} a {max}, quanto você recomendaria a loja a um amigo?',
    npsLow: 'Nada provável',
    npsHigh: 'Muito provável',
    comment: 'Quer contar mais? (opcional)',
    counter: '{n} de {max} caracteres',
    consent: 'Quero que a loja me responda: autorizo o uso do meu e-mail ou telefone só para isso.',
    email: 'E-mail',
    phone: 'Telefone ou WhatsApp',
    send: 'Enviar',
    sending: 'Enviando…',
    thanks: 'Obrigado!',
    queued: 'Obrigado! Sem conexão agora: sua avaliação será enviada assim que possível.',
    failed: 'Não foi possível enviar sua avaliação. Tente novamente mais tarde.',
    needScore: 'Escolha uma nota antes de enviar.',
    badEmail: 'Confira o e-mail (exemplo: nome@dominio.com.br).',
    badPhone: 'Confira o telefone, com DDD.',
    honeypot: 'Não preencha este campo',
  },
  'pt-PT': {
    title: 'A sua opinião sobre a loja',
    close: 'Fechar',
    order: 'Encomenda n.º {id}',
    csatLegend: 'Como foi a sua experiência?',
    csatWords: ['Péssima', 'Má', 'Razoável', 'Boa', 'Ótima'],
    starOne: '{n} estrela',
    starOther: '{n} estrelas',
    npsLegend: 'De {min} a {max}, qual a probabilidade de recomendar a loja a um amigo?',
    npsLow: 'Nada provável',
    npsHigh: 'Muito provável',
    comment: 'Quer contar mais? (opcional)',
    counter: '{n} de {max} caracteres',
    consent: 'Quero que a loja me responda: autorizo a utilização do meu e-mail ou telemóvel apenas para isso.',
    email: 'E-mail',
    phone: 'Telemóvel ou WhatsApp',
    send: 'Enviar',
    sending: 'A enviar…',
    thanks: 'Obrigado!',
    queued: 'Obrigado! Sem ligação de momento: a sua avaliação será enviada assim que possível.',
    failed: 'Não foi possível enviar a sua avaliação. Tente novamente mais tarde.',
    needScore: 'Escolha uma classificação antes de enviar.',
    badEmail: 'Verifique o e-mail (exemplo: nome@dominio.pt).',
    badPhone: 'Verifique o número de telemóvel.',
    honeypot: 'Não preencha este campo',
  },
  es: {
    title: 'Tu opinión sobre la tienda',
    close: 'Cerrar',
    order: 'Pedido n.º {id}',
    csatLegend: '¿Cómo fue tu experiencia?',
    csatWords: ['Pésima', 'Mala', 'Regular', 'Buena', 'Excelente'],
    starOne: '{n} estrella',
    starOther: '{n} estrellas',
    npsLegend: 'Del {min} al {max}, ¿qué tan probable es que recomiendes la tienda a un amigo?',
    npsLow: 'Nada probable',
    npsHigh: 'Muy probable',
    comment: '¿Quieres contarnos más? (opcional)',
    counter: '{n} de {max} caracteres',
    consent: 'Quiero que la tienda me responda: autorizo el uso de mi correo o teléfono solo para eso.',
    email: 'Correo electrónico',
    phone: 'Teléfono o WhatsApp',
    send: 'Enviar',
    sending: 'Enviando…',
    thanks: '¡Gracias!',
    queued: '¡Gracias! Sin conexión ahora: tu opinión se enviará en cuanto sea posible.',
    failed: 'No se pudo enviar tu opinión. Inténtalo de nuevo más tarde.',
    needScore: 'Elige una puntuación antes de enviar.',
    badEmail: 'Revisa el correo (ejemplo: nombre@dominio.com).',
    badPhone: 'Revisa el número de teléfono.',
    honeypot: 'No completes este campo',
  },
  en: {
    title: 'Your feedback on the store',
    close: 'Close',
    order: 'Order #{id}',
    csatLegend: 'How was your experience?',
    csatWords: ['Very bad', 'Bad', 'Okay', 'Good', 'Great'],
    starOne: '{n} star',
    starOther: '{n} stars',
    npsLegend: 'From {min} to {max}, how likely are you to recommend the store to a friend?',
    npsLow: 'Not at all likely',
    npsHigh: 'Extremely likely',
    comment: 'Anything else? (optional)',
    counter: '{n} of {max} characters',
    consent: 'I want the store to reply: I allow it to use my email or phone for that only.',
    email: 'Email',
    phone: 'Phone or WhatsApp',
    send: 'Send',
    sending: 'Sending…',
    thanks: 'Thank you!',
    queued: 'Thank you! You seem to be offline: your feedback will be sent as soon as possible.',
    failed: 'Your feedback could not be sent. Please try again later.',
    needScore: 'Choose a score before sending.',
    badEmail: 'Check the email address (example: name@example.com).',
    badPhone: 'Check the phone number.',
    honeypot: 'Leave this field empty',
  },
};
