import type { CustomerField, CustomerPresetId } from './types';

export type { CustomerField };

export interface CustomerPreset {
  id: CustomerPresetId;
  /** Header names (as `headerKey` writes them) that only this preset's files have together. Empty: matched by `columns`. */
  signature: readonly string[];
  /** Header names whose presence rules this preset out (Shopify's legacy layout lacks `Customer ID`). */
  without?: readonly string[];
  columns: Readonly<Partial<Record<CustomerField, readonly string[]>>>;
}

/*
 * The header row each preset expects, from /work/shared/reference/seller-exports.md (sources and confidence there):
 *
 * | preset         | header row (abridged)                                                                                   | confidence |
 * |----------------|---------------------------------------------------------------------------------------------------------|------------|
 * | shopify        | Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,…,Default Address | firm: Shopify's help; ids prefixed with `'`; extra columns may follow |
 * |                | City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address      |            |
 * |                | Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags                          |            |
 * | shopify-legacy | First Name,Last Name,Email,Accepts Email Marketing,Company,Address1,Address2,City,Province,Province Code,  | firm: vendor doc |
 * |                | Country,Country Code,Zip,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Tags,Note,Tax Exempt        |            |
 * | woocommerce    | Name,Username,Last Active,Sign Up,Email,Orders,Total Spend,AOV,Country / Region,City,Region,Postal Code,  | firm: WooCommerce source; older exports end at Postal Code |
 * |                | Billing Phone,Shipping Phone,Role                                                                        |            |
 * | bling          | ID;Código;Nome;Fantasia;Endereço;Número;Complemento;Bairro;CEP;Cidade;UF;Contatos;Fone;Fax;Celular;E-mail;| lead: third-party copies that agree; `;` and UTF-8 with BOM |
 * |                | Web Site;Tipo pessoa;CNPJ / CPF;IE / RG;IE isento;Situação;Observações;…;Cliente desde;…                  |            |
 * | kyte           | Nome,Celular,E-mail,Documento,Endereço,Observação (Kyte's .xls import template)                           | guess: not in seller-exports.md, only that the template is .xls; check against Kyte's template |
 * | generic        | any header with a name, e-mail, phone or CPF column: e.g. `nome;telefone;cpf;email` (docs.nexbox.digital) | lead |
 */
export const CUSTOMER_PRESETS: readonly CustomerPreset[] = [
  {
    id: 'shopify',
    signature: ['customer id', 'first name', 'last name', 'accepts email marketing'],
    columns: {
      externalId: ['customer id'],
      firstName: ['first name'],
      lastName: ['last name'],
      email: ['email'],
      phone: ['phone', 'default address phone'],
      tags: ['tags'],
      notes: ['note'],
      city: ['default address city'],
      state: ['default address province code'],
      postalCode: ['default address zip'],
      country: ['default address country code'],
    },
  },
  {
    id: 'shopify-legacy',
    signature: ['first name', 'last name', 'accepts email marketing', 'province code'],
    without: ['customer id'],
    columns: {
      firstName: ['first name'],
      lastName: ['last name'],
      email: ['email'],
      phone: ['phone'],
      tags: ['tags'],
      notes: ['note'],
      city: ['city'],
      state: ['province code'],
      postalCode: ['zip'],
      country: ['country code'],
    },
  },
  {
    id: 'woocommerce',
    signature: ['username', 'last active', 'sign up', 'total spend'],
    columns: {
      externalId: ['username'],
      name: ['name'],
      email: ['email'],
      phone: ['billing phone', 'shipping phone'],
      createdAt: ['sign up'],
      city: ['city'],
      state: ['region'],
      postalCode: ['postal code'],
      country: ['country / region'],
    },
  },
  {
    id: 'bling',
    signature: ['cnpj / cpf', 'tipo pessoa', 'fantasia'],
    columns: {
      externalId: ['id'],
      name: ['nome'],
      email: ['e-mail'],
      mobile: ['celular'],
      phone: ['fone'],
      document: ['cnpj / cpf'],
      notes: ['observacoes'],
      createdAt: ['cliente desde'],
      city: ['cidade'],
      state: ['uf'],
      postalCode: ['cep'],
    },
  },
  {
    id: 'kyte',
    signature: ['nome', 'celular', 'documento', 'observacao'],
    columns: { name: ['nome'], mobile: ['celular'], email: ['e-mail', 'email'], document: ['documento'], notes: ['observacao'] },
  },
  {
    id: 'generic',
    signature: [],
    columns: {
      externalId: ['id', 'codigo', 'customer id', 'id do cliente'],
      name: ['nome', 'nome completo', 'cliente', 'name', 'nombre', 'customer', 'full name'],
      firstName: ['first name', 'primeiro nome'],
      lastName: ['last name', 'sobrenome', 'apelido'],
      email: ['e-mail', 'email', 'correo', 'correo electronico'],
      mobile: ['celular', 'whatsapp', 'telemovel'],
      phone: ['telefone', 'fone', 'phone', 'telefono', 'tel'],
      cpf: ['cpf'],
      cnpj: ['cnpj'],
      document: ['cpf/cnpj', 'cpf / cnpj', 'cnpj / cpf', 'documento', 'nif'],
      tags: ['tags', 'etiquetas', 'marcadores'],
      notes: ['observacoes', 'observacao', 'notas', 'notes', 'note', 'obs'],
      createdAt: ['data de cadastro', 'cliente desde', 'created at', 'cadastro'],
      city: ['cidade', 'city', 'localidade'],
      state: ['uf', 'estado', 'state'],
      postalCode: ['cep', 'codigo postal', 'zip', 'postal code'],
      country: ['pais', 'country'],
    },
  },
];
