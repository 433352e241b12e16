/** The languages Clientela speaks, Brazilian Portuguese first. */
export const LOCALES = ['pt-BR', 'pt-PT', 'es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const messages = {
  'pt-BR': {
    appName: 'Clientela',
    customersInBook: '{count, plural, customers} na agenda',
    'customers.none': 'Nenhum cliente',
    'customers.one': '# cliente',
    'customers.other': '# clientes',
    collapse: 'Recolher',
    expand: 'Abrir Clientela',
    loading: 'Carregando…',
    unavailable: 'A agenda não respondeu. Recarregue a página.',
    bookTitle: 'Agenda de clientes',
    addCustomer: 'Adicionar cliente',
    name: 'Nome',
    contact: 'Contato',
    contactKind: 'Tipo de contato',
    save: 'Salvar',
    empty: 'Nenhum cliente ainda. Adicione o primeiro acima.',
    backup: 'Cópia de segurança',
    exportBackup: 'Baixar cópia',
    restoreBackup: 'Restaurar de um arquivo',
    restored: 'Agenda restaurada: {count, plural, customers}.',
    added: '{name} foi adicionado.',
    search: 'Buscar',
  },
  'pt-PT': {
    appName: 'Clientela',
    customersInBook: '{count, plural, customers} na agenda',
    'customers.none': 'Nenhum cliente',
    'customers.one': '# cliente',
    'customers.other': '# clientes',
    collapse: 'Recolher',
    expand: 'Abrir Clientela',
    loading: 'A carregar…',
    unavailable: 'A agenda não respondeu. Recarregue a página.',
    bookTitle: 'Agenda de clientes',
    addCustomer: 'Adicionar cliente',
    name: 'Nome',
    contact: 'Contacto',
    contactKind: 'Tipo de contacto',
    save: 'Guardar',
    empty: 'Ainda não há clientes. Adicione o primeiro acima.',
    backup: 'Cópia de segurança',
    exportBackup: 'Transferir cópia',
    restoreBackup: 'Restaurar a partir de um ficheiro',
    restored: 'Agenda restaurada: {count, plural, customers}.',
    added: '{name} foi adicionado.',
    search: 'Pesquisar',
  },
  es: {
    appName: 'Clientela',
    customersInBook: '{count, plural, customers} en la agenda',
    'customers.none': 'Ningún cliente',
    'customers.one': '# cliente',
    'customers.other': '# clientes',
    collapse: 'Contraer',
    expand: 'Abrir Clientela',
    loading: 'Cargando…',
    unavailable: 'La agenda no respondió. Recarga la página.',
    bookTitle: 'Agenda de clientes',
    addCustomer: 'Añadir cliente',
    name: 'Nombre',
    contact: 'Contacto',
    contactKind: 'Tipo de contacto',
    save: 'Guardar',
    empty: 'Aún no hay clientes. Añade el primero arriba.',
    backup: 'Copia de seguridad',
    exportBackup: 'Descargar copia',
    restoreBackup: 'Restaurar desde un archivo',
    restored: 'Agenda restaurada: {count, plural, customers}.',
    added: 'Se añadió a {name}.',
    search: 'Buscar',
  },
  en: {
    appName: 'Clientela',
    customersInBook: '{count, plural, customers} in the book',
    'customers.none': 'No customers',
    'customers.one': '# customer',
    'customers.other': '# customers',
    collapse: 'Collapse',
    expand: 'Open Clientela',
    loading: 'Loading…',
    unavailable: 'The book did not answer. Reload the page.',
    bookTitle: 'Customer book',
    addCustomer: 'Add customer',
    name: 'Name',
    contact: 'Contact',
    contactKind: 'Contact type',
    save: 'Save',
    empty: 'No customers yet. Add the first one above.',
    backup: 'Backup',
    exportBackup: 'Download backup',
    restoreBackup: 'Restore from a file',
    restored: 'Book restored: {count, plural, customers}.',
    added: '{name} was added.',
    search: 'Search',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof messages)['en'];

/** The best of our locales for a BCP 47 tag: pt-BR for `pt` and `pt-BR`, pt-PT for `pt-PT`/`pt-AO`…, else es or en. */
export function pickLocale(tag: string | undefined): Locale {
  const lower = (tag ?? '').toLowerCase();
  if (lower === 'pt' || lower.startsWith('pt-br')) return 'pt-BR';
  if (lower.startsWith('pt')) return 'pt-PT';
  if (lower.startsWith('es')) return 'es';
  if (lower.startsWith('en')) return 'en';
  return 'pt-BR';
}

/**
 * Translates `key`: `{name}` becomes params.name, and `{count, plural, customers}` becomes the `customers.one` /
 * `customers.other` form that Intl.PluralRules picks for params.count, with `#` as the number in the locale, or
 * `customers.none` for zero (CLDR files Portuguese 0 under "one": "0 cliente" reads wrong to a Brazilian).
 */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const table: Record<string, string> = messages[locale];
  return (table[key] ?? key).replace(/\{(\w+)(?:, plural, ([\w.]+))?\}/g, (_whole, name: string, noun?: string) => {
    const value = params[name];
    if (!noun || typeof value !== 'number') return String(value ?? '');
    const category = value === 0 && `${noun}.none` in table ? 'none' : new Intl.PluralRules(locale).select(value);
    const form = table[`${noun}.${category}`] ?? table[`${noun}.other`] ?? '#';
    return form.replace('#', new Intl.NumberFormat(locale).format(value));
  });
}

/** The locale of the browser's interface, as one of ours. */
export function browserLocale(): Locale {
  return pickLocale(globalThis.navigator?.language);
}
