// Files in each preset's layout for the property tests: a header and valid rows as cells, rendered to bytes with a
// separator, line break, BOM and encoding of the test's choosing. Not part of the readers.

export interface Layout {
  kind: 'orders' | 'customers';
  preset: string;
  separator: string;
  header: string[];
  /** Row `i`'s cells by header name; absent columns are empty. */
  row: (i: number) => Record<string, string>;
}

const PEOPLE = ['Ana Souza', 'José Conceição', 'Bia Lima', 'Caio "Kiko" Reis'];

export const LAYOUTS: Layout[] = [
  {
    kind: 'orders',
    preset: 'shopify',
    separator: ',',
    header: ['Name', 'Email', 'Financial Status', 'Paid at', 'Currency', 'Subtotal', 'Total', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Billing Name', 'Notes', 'Cancelled at', 'Id', 'Phone'],
    row: (i) => ({ Name: `#${1000 + (i >> 1)}`, Email: `c${i >> 1}@exemplo.com`, 'Financial Status': i % 2 ? '' : 'paid', Currency: i % 2 ? '' : 'BRL', Total: i % 2 ? '' : '1234.50', 'Created at': i % 2 ? '' : '2026-03-24 22:36:00 -0300', 'Lineitem quantity': '2', 'Lineitem name': `Bolo ${i}`, 'Lineitem price': '45.00', 'Billing Name': PEOPLE[i % 4] as string, Notes: i % 3 === 0 ? 'portão azul\nfundos' : '', Id: `'${5_000_000 + i}`, Phone: '+55 11 98765-4321' }),
  },
  {
    kind: 'orders',
    preset: 'woocommerce',
    separator: ',',
    header: ['Date', 'Order #', 'N. Revenue (formatted)', 'Status', 'Customer', 'Customer type', 'Product(s)', 'Items sold', 'Coupon(s)', 'Net Sales', 'Attribution'],
    row: (i) => ({ Date: '2026-03-24 22:36:00', 'Order #': String(1200 + i), 'N. Revenue (formatted)': 'R$1.234,56', Status: ['Completed', 'Refunded', 'Cancelled'][i % 3] as string, Customer: PEOPLE[i % 4] as string, 'Product(s)': '2× Bolo, 1× Torta', 'Items sold': '3', 'Net Sales': '1234.56' }),
  },
  {
    kind: 'orders',
    preset: 'nuvemshop',
    separator: ';',
    header: ['Número do Pedido', 'E-mail', 'Data', 'Status do Pedido', 'Status do Pagamento', 'Moeda', 'Total', 'Nome do comprador', 'CPF / CNPJ', 'Telefone', 'Nome do Produto', 'Valor do Produto', 'Quantidade Comprada'],
    row: (i) => ({ 'Número do Pedido': String(500 + i), 'E-mail': `c${i}@x.com`, Data: '24/03/2026 22:36', 'Status do Pedido': 'Aberto', 'Status do Pagamento': 'Pago', Moeda: 'BRL', Total: '150,00', 'Nome do comprador': PEOPLE[i % 4] as string, 'CPF / CNPJ': '529.982.247-25', Telefone: '11987654321', 'Nome do Produto': 'Bolo', 'Valor do Produto': '150,00', 'Quantidade Comprada': '1' }),
  },
  {
    kind: 'orders',
    preset: 'generic',
    separator: ';',
    header: ['Data', 'Pedido', 'Cliente', 'Telefone', 'CPF', 'Total', 'Situação'],
    row: (i) => ({ Data: `${(i % 28) + 1}/03/2026 10:00`, Pedido: String(100 + i), Cliente: PEOPLE[i % 4] as string, Telefone: '(11) 98765-4321', CPF: '529.982.247-25', Total: 'R$ 1.234,56', 'Situação': ['Pago', 'Cancelado', 'Devolvido'][i % 3] as string }),
  },
  {
    kind: 'customers',
    preset: 'shopify',
    separator: ',',
    header: ['Customer ID', 'First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Default Address City', 'Default Address Province Code', 'Default Address Country Code', 'Default Address Zip', 'Default Address Phone', 'Phone', 'Accepts SMS Marketing', 'Total Spent', 'Total Orders', 'Note', 'Tax Exempt', 'Tags'],
    row: (i) => ({ 'Customer ID': `'${7_000_000 + i}`, 'First Name': 'Ana', 'Last Name': `Souza ${i}`, Email: `a${i}@x.com`, 'Accepts Email Marketing': 'yes', 'Default Address City': 'São Paulo', 'Default Address Zip': '01310-100', Phone: '+5511987654321', Note: i % 2 ? 'gosta de bolo\nsem açúcar' : '', Tags: 'vip, bolo' }),
  },
  {
    kind: 'customers',
    preset: 'shopify-legacy',
    separator: ',',
    header: ['First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Company', 'Address1', 'Address2', 'City', 'Province', 'Province Code', 'Country', 'Country Code', 'Zip', 'Phone', 'Accepts SMS Marketing', 'Total Spent', 'Total Orders', 'Tags', 'Note', 'Tax Exempt'],
    row: (i) => ({ 'First Name': 'Bia', 'Last Name': `Lima ${i}`, Email: `b${i}@x.com`, City: 'Rio', 'Province Code': 'RJ', 'Country Code': 'BR', Zip: '20040-002', Phone: '21 99876-5432', Tags: 'atacado' }),
  },
  {
    kind: 'customers',
    preset: 'woocommerce',
    separator: ',',
    header: ['Name', 'Username', 'Last Active', 'Sign Up', 'Email', 'Orders', 'Total Spend', 'AOV', 'Country / Region', 'City', 'Region', 'Postal Code', 'Billing Phone', 'Shipping Phone', 'Role'],
    row: (i) => ({ Name: PEOPLE[i % 4] as string, Username: `u${i}`, 'Sign Up': '2025-11-02 14:00:00', Email: `u${i}@x.com`, 'Total Spend': 'R$150,00', 'Postal Code': '13010-000', 'Billing Phone': '19 99876-5432' }),
  },
  {
    kind: 'customers',
    preset: 'bling',
    separator: ';',
    header: ['ID', 'Código', 'Nome', 'Fantasia', 'Endereço', 'CEP', 'Cidade', 'UF', 'Fone', 'Celular', 'E-mail', 'Tipo pessoa', 'CNPJ / CPF', 'Observações', 'Cliente desde'],
    row: (i) => ({ ID: String(15_000 + i), Nome: PEOPLE[i % 4] as string, CEP: '01310-100', Celular: '(11) 98765-4321', 'E-mail': `m${i}@x.com`, 'Tipo pessoa': 'F', 'CNPJ / CPF': '529.982.247-25', 'Observações': 'prefere PIX; entrega', 'Cliente desde': '15/01/2024' }),
  },
  {
    kind: 'customers',
    preset: 'kyte',
    separator: ',',
    header: ['Nome', 'Celular', 'E-mail', 'Documento', 'Endereço', 'Observação'],
    row: (i) => ({ Nome: PEOPLE[i % 4] as string, Celular: '(11) 98765-4321', 'E-mail': `k${i}@x.com`, Documento: '12345678000195' }),
  },
  {
    kind: 'customers',
    preset: 'generic',
    separator: ';',
    header: ['nome', 'telefone', 'cpf', 'email'],
    row: (i) => ({ nome: PEOPLE[i % 4] as string, telefone: '11 98765-4321', cpf: '012.345.678-90', email: `g${i}@x.com` }),
  },
];

/** One cell as CSV writes it: quoted when it holds the separator, a quote or a line break. */
export function csvField(cell: string, separator: string): string {
  return cell.includes(separator) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Text as Windows-1252 bytes (what a pt-BR Excel saves); characters it lacks become `?`. */
export function windows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[i] = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : 0x3f;
  }
  return bytes;
}

/**
 * Windows-1252 bytes of text that must be all Latin-1 (what Excel in pt-BR saves as "CSV (separado por vírgulas)"):
 * a character outside it is a mistake in the test, so it throws instead of writing `?`.
 */
export function latin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) throw new Error(`not in Latin-1: ${text[i]}`);
    bytes[i] = code;
  }
  return bytes;
}

/** Physical lines of a file's bytes (CRLF, LF or a lone CR ends one), numbered from 1, with their bytes. */
export function physicalLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let at = 0; at < bytes.length; at++) {
    if (bytes[at] === 0x0a || bytes[at] === 0x0d) {
      lines.push(bytes.subarray(start, at));
      if (bytes[at] === 0x0d && bytes[at + 1] === 0x0a) at++;
      start = at + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}
