/**
 * Addresses inside the book page that other parts of the extension open (the background opens the backup one):
 * plain strings, so importing them pulls no screen into the background's bundle.
 */
export const TODAY_PATH = 'hoje';
export const SETTINGS_PATH = 'configuracoes';
export const CUSTOMERS_PATH = 'clientes';
export const IMPORT_PATH = 'importar';
export const FUNNEL_PATH = 'funil';
export const SEGMENTS_PATH = 'segmentos';
export const CLEANUP_PATH = 'limpeza';
export const GOALS_PATH = 'metas';
export const DASHBOARD_PATH = 'painel';

/** The query that asks Configurações to make a backup at once (the sidebar's banner, without `downloads`). */
export const BACKUP_NOW_PARAM = ['copia', 'agora'] as const;
export const BACKUP_NOW_HREF = `#/${SETTINGS_PATH}?${BACKUP_NOW_PARAM[0]}=${BACKUP_NOW_PARAM[1]}`;
