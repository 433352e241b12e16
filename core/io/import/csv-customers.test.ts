import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCustomersCsv } from '.';

describe('Bling contatos (semicolons, UTF-8 with a BOM)', () => {
  const result = readCustomersCsv(new Uint8Array(readFileSync(new URL('./fixtures/bling-contatos.csv', import.meta.url))));

  it('reads a person with the mobile as the phone, the CPF checked, the CEP as 8 digits and the date on the seller’s clock', () => {
    expect(result.preset).toBe('bling');
    expect(result.rows[0]).toEqual({
      line: 2,
      externalId: '15975',
      name: 'Maria Conceição',
      email: 'maria@exemplo.com',
      phone: '+5511987654321',
      cpf: '52998224725',
      notes: 'Cliente antiga; prefere PIX',
      createdAt: '2024-01-15T03:00:00.000Z',
      city: 'São Paulo',
      state: 'SP',
      postalCode: '01310100',
    });
  });

  it('keeps a company’s CNPJ as text and reports a CEP, a phone and a date Excel or the seller damaged', () => {
    expect(result.rows[1]).toEqual({ line: 3, externalId: '15976', name: 'Doces Ltda', email: 'compras@doces.com', cnpj: '12345678000195', city: 'São Paulo', state: 'SP' });
    expect(result.rows[2]).toEqual({ line: 4, externalId: '15977', name: 'João', cpf: '52998224725' });
    expect(result.errors).toEqual([
      { line: 3, column: 'CEP', code: 'lost-leading-zeros', value: '1310100', message: 'CEP: "1310100" has lost its leading zero (a CEP has 8 digits), as Excel does to a number' },
      { line: 4, column: 'Celular', code: 'scientific-notation', value: '6,16069E+12', message: expect.stringMatching(/^Celular: "6,16069E\+12" is in scientific notation/) },
      { line: 4, column: 'Cliente desde', code: 'not-a-date', value: '31/02/2024', message: 'Cliente desde: "31/02/2024" is not a date' },
      { line: 5, code: 'no-customer', message: 'The row has no name, e-mail, phone, CPF or CNPJ, so it was not read' },
    ]);
    expect(result.rows).toHaveLength(3);
  });
});

describe('Shopify customers', () => {
  it('reads the current layout: the id without its apostrophe, the phone, tags and the default address', () => {
    const file = [
      'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags,Accepts WhatsApp Marketing',
      "'7012345678901,Ana,Souza,Ana@Exemplo.com,yes,,Rua A 10,,São Paulo,SP,BR,01310-100,+55 11 3333-4444,+5511987654321,no,150.00,2,\"VIP, gosta de bolo\",no,\"vip, bolo\",yes",
      "'7012345678902,Rui,Costa,rui@exemplo.pt,no,,Rua B,,Lisboa,11,PT,1000-001,,+351 912 345 678,no,0.00,0,,no,,no",
    ].join('\r\n');
    const result = readCustomersCsv(file);
    expect(result.preset).toBe('shopify');
    expect(result.rows).toEqual([
      { line: 2, externalId: '7012345678901', name: 'Ana Souza', email: 'ana@exemplo.com', phone: '+5511987654321', notes: 'VIP, gosta de bolo', tags: ['vip', 'bolo'], city: 'São Paulo', state: 'SP', country: 'BR', postalCode: '01310100' },
      { line: 3, externalId: '7012345678902', name: 'Rui Costa', email: 'rui@exemplo.pt', phone: '+351912345678', city: 'Lisboa', state: '11', country: 'PT', postalCode: '1000-001' },
    ]);
    expect(result.errors).toEqual([]);
  });

  it('reads the legacy layout, which has no Customer ID', () => {
    const file =
      'First Name,Last Name,Email,Accepts Email Marketing,Company,Address1,Address2,City,Province,Province Code,Country,Country Code,Zip,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Tags,Note,Tax Exempt\n' +
      'Bia,Lima,bia@exemplo.com,no,,Rua C,,Rio de Janeiro,Rio de Janeiro,RJ,Brazil,BR,20040-002,21 99876-5432,no,10.00,1,atacado,,no\n';
    const result = readCustomersCsv(file);
    expect(result.preset).toBe('shopify-legacy');
    expect(result.rows).toEqual([{ line: 2, name: 'Bia Lima', email: 'bia@exemplo.com', phone: '+5521998765432', tags: ['atacado'], city: 'Rio de Janeiro', state: 'RJ', country: 'BR', postalCode: '20040002' }]);
  });
});

describe('WooCommerce Analytics › Customers', () => {
  it('reads the billing phone and the sign-up date, with or without the recently added phone columns', () => {
    const recent =
      'Name,Username,Last Active,Sign Up,Email,Orders,Total Spend,AOV,Country / Region,City,Region,Postal Code,Billing Phone,Shipping Phone,Role\n' +
      'Ana Souza,anasouza,2026-03-20,2025-11-02 14:00:00,ana@exemplo.com,3,"R$150,00","R$50,00",BR,Campinas,SP,13010-000,19 99876-5432,,customer\n';
    const older = 'Name,Username,Last Active,Sign Up,Email,Orders,Total Spend,AOV,Country / Region,City,Region,Postal Code\nBia,bia,2026-03-20,2025-11-02,bia@exemplo.com,1,R$10,R$10,BR,Santos,SP,11010-000\n';
    expect(readCustomersCsv(recent)).toEqual({
      preset: 'woocommerce',
      mapping: expect.objectContaining({ columns: { externalId: 1, name: 0, email: 4, phone: 12, createdAt: 3, city: 9, state: 10, postalCode: 11, country: 8 } }),
      rows: [{ line: 2, externalId: 'anasouza', name: 'Ana Souza', email: 'ana@exemplo.com', phone: '+5519998765432', createdAt: '2025-11-02T17:00:00.000Z', country: 'BR', city: 'Campinas', state: 'SP', postalCode: '13010000' }],
      errors: [],
    });
    expect(readCustomersCsv(older).rows).toEqual([{ line: 2, externalId: 'bia', name: 'Bia', email: 'bia@exemplo.com', createdAt: '2025-11-02T03:00:00.000Z', country: 'BR', city: 'Santos', state: 'SP', postalCode: '11010000' }]);
  });
});

describe('Kyte and generic lists', () => {
  it('reads a Kyte list, telling a CPF from a CNPJ in its Documento column', () => {
    const result = readCustomersCsv('Nome,Celular,E-mail,Documento,Endereço,Observação\nCarla,(11) 98765-4321,carla@x.com,529.982.247-25,Rua D,paga no PIX\nPadaria,,,12345678000195,,\nDora,,,123.456.789-00,,\n');
    expect(result.preset).toBe('kyte');
    expect(result.rows).toEqual([
      { line: 2, name: 'Carla', phone: '+5511987654321', email: 'carla@x.com', cpf: '52998224725', notes: 'paga no PIX' },
      { line: 3, name: 'Padaria', cnpj: '12345678000195' },
      { line: 4, name: 'Dora' },
    ]);
    expect(result.errors).toEqual([{ line: 4, column: 'Documento', code: 'not-a-cpf', value: '123.456.789-00', message: 'Documento: "123.456.789-00" is not a valid CPF' }]);
  });

  it('reads the common pt-BR `nome;telefone;cpf;email` list and reports a CPF that lost its leading zeros', () => {
    const result = readCustomersCsv('nome;telefone;cpf;email\nEva;11 98765-4321;012.345.678-90;eva@x.com\nFábio;;12345678909;\nGil;;1234567890;gil@x.com\n');
    expect(result.preset).toBe('generic');
    expect(result.rows).toEqual([
      { line: 2, name: 'Eva', phone: '+5511987654321', cpf: '01234567890', email: 'eva@x.com' },
      { line: 3, name: 'Fábio', cpf: '12345678909' },
      { line: 4, name: 'Gil', email: 'gil@x.com' },
    ]);
    expect(result.errors).toEqual([{ line: 4, column: 'cpf', code: 'lost-leading-zeros', value: '1234567890', message: 'cpf: "1234567890" has lost its leading zeros (a CPF has 11 digits), as Excel does to a number' }]);
  });
});

describe('a file written by our own export', () => {
  it('reads a cell holding two phones or two e-mails joined with " | " as its first, without a problem', () => {
    const result = readCustomersCsv('Nome;Telefone;E-mail\nAna;(11) 98765-4321 | (11) 91234-5678;ana@x.com | ana@y.com\n');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([{ line: 2, name: 'Ana', phone: '+5511987654321', email: 'ana@x.com' }]);
  });
});
