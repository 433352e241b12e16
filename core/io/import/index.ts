// The import readers' public entry for CSV. Not re-exported from core/index.ts or core/io/index.ts: the service
// worker and the sidebar import those and need none of this. Spreadsheets are read by `./spreadsheet`, a separate
// entry, so a bundle that reads only CSV never carries SheetJS.
export { createCustomersCsvReader, createOrdersCsvReader, readCustomersCsv, readOrdersCsv, type CsvImportReader } from './csv-reader';
export { CUSTOMER_PRESETS, type CustomerField, type CustomerPreset } from './customer-presets';
export { ORDER_PRESETS, type DecimalStyle, type OrderField, type OrderPreset } from './order-presets';
export * from './types';
