import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, CsvWriter } from './csv';
import { CsvRecordSplitter } from './import/csv-records';

describe('CSV writer', () => {
  it('quotes commas, quotes and line breaks the RFC 4180 way', () => {
    expect(csvCell('Ana')).toBe('Ana');
    expect(csvCell('Silva, Ana')).toBe('"Silva, Ana"');
    expect(csvCell('diz "oi"')).toBe('"diz ""oi"""');
    expect(csvCell('linha\nduas')).toBe('"linha\nduas"');
  });

  it('keeps formulas as text: = + - @ get a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+5511987654321')).toBe("'+5511987654321");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@ana')).toBe("'@ana");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a UTF-8 BOM, then CRLF lines', () => {
    expect(csvDocument([['Nome', 'Pedidos'], ['José', '2']])).toBe('\uFEFFNome,Pedidos\r\nJosé,2\r\n');
  });
});

describe('CSV dialects', () => {
  const excel = new CsvWriter('excel-br', 'America/Sao_Paulo');
  const standard = new CsvWriter('standard', 'America/Sao_Paulo');

  it('starts an Excel (Brasil) file with a BOM and a standard one without', () => {
    expect(excel.start).toBe('\uFEFF');
    expect(standard.start).toBe('');
  });

  it('separates cells with ; for Excel (Brasil) and , for standard, lines ending in CRLF', () => {
    expect(excel.line(['Nome', 'Total', null, 'Moeda'])).toBe('Nome;Total;;Moeda\r\n');
    expect(standard.line(['Nome', 'Total', null, 'Moeda'])).toBe('Nome,Total,,Moeda\r\n');
  });

  it('writes money in the currency’s units: decimal comma, no thousands separator, never a float rounding', () => {
    expect(excel.field({ kind: 'money', minor: 123456, currency: 'BRL' })).toBe('1234,56');
    expect(standard.field({ kind: 'money', minor: 123456, currency: 'BRL' })).toBe('1234.56');
    expect(excel.field({ kind: 'money', minor: 5, currency: 'BRL' })).toBe('0,05');
    expect(excel.field({ kind: 'money', minor: 100_000_000_01, currency: 'EUR' })).toBe('100000000,01');
    expect(excel.field({ kind: 'money', minor: 1500, currency: 'JPY' })).toBe('1500');
    expect(standard.field({ kind: 'money', minor: 12345, currency: 'KWD' })).toBe('12.345');
    expect(excel.field({ kind: 'money', minor: -990, currency: 'BRL' })).toBe('-9,90');
    expect(excel.field({ kind: 'count', value: 12 })).toBe('12');
    expect(() => excel.field({ kind: 'money', minor: 1.5, currency: 'BRL' })).toThrow(/money: 1.5/);
  });

  it('quotes a cell holding the separator, a quote or a line break, doubling quotes', () => {
    expect(excel.text('Bolo; Torta')).toBe('"Bolo; Torta"');
    expect(excel.text('Silva, Ana')).toBe('Silva, Ana');
    expect(standard.text('Silva, Ana')).toBe('"Silva, Ana"');
    expect(standard.text('Bolo; Torta')).toBe('Bolo; Torta');
    expect(excel.text('diz "oi"')).toBe('"diz ""oi"""');
    expect(excel.text('linha\r\nduas')).toBe('"linha\r\nduas"');
    expect(standard.text('linha\nduas')).toBe('"linha\nduas"');
  });

  it('keeps formulas as text in both dialects, and quotes what the apostrophe leaves needing it', () => {
    for (const writer of [excel, standard]) {
      expect(writer.text('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
      expect(writer.text('+5511987654321')).toBe("'+5511987654321");
      expect(writer.text('-1')).toBe("'-1");
      expect(writer.text('@ana')).toBe("'@ana");
      expect(writer.text('\tx')).toBe("'\tx");
      expect(writer.text('a=b')).toBe('a=b');
    }
    expect(excel.text('=1;2')).toBe('"\'=1;2"');
  });

  it('writes instants on the seller’s clock: dd/mm/aaaa hh:mm for Excel, ISO 8601 with the offset for standard', () => {
    // 01:30 UTC on the 28th is 22:30 on the 27th in São Paulo.
    expect(excel.field({ kind: 'instant', at: '2026-11-28T01:30:00.000Z', time: true })).toBe('27/11/2026 22:30');
    expect(excel.field({ kind: 'instant', at: '2026-11-28T01:30:00.000Z', time: false })).toBe('27/11/2026');
    expect(standard.field({ kind: 'instant', at: '2026-11-28T01:30:45.000Z', time: true })).toBe('2026-11-27T22:30:45-03:00');
    expect(standard.field({ kind: 'instant', at: Date.parse('2026-11-28T01:30:00.000Z'), time: false })).toBe('2026-11-27');
    const lisbon = new CsvWriter('standard', 'Europe/Lisbon');
    expect(lisbon.field({ kind: 'instant', at: '2026-07-01T12:00:00.000Z', time: true })).toBe('2026-07-01T13:00:00+01:00');
    expect(lisbon.field({ kind: 'instant', at: '2026-12-01T12:00:00.000Z', time: true })).toBe('2026-12-01T12:00:00+00:00');
    const kolkata = new CsvWriter('standard', 'Asia/Kolkata');
    expect(kolkata.field({ kind: 'instant', at: '2026-12-01T12:00:00.000Z', time: true })).toBe('2026-12-01T17:30:00+05:30');
    expect(() => excel.field({ kind: 'instant', at: 'ontem', time: false })).toThrow(/date: "ontem"/);
  });

  it('reads back through the importer’s own cell splitter: separators, quotes and line breaks survive', () => {
    const cells = ['Ana; "Aninha"', 'linha\r\nduas', '=1+1', 'Silva, Ana'];
    for (const writer of [excel, standard]) {
      const splitter = new CsvRecordSplitter();
      const records = [...splitter.push(writer.start + writer.line(['a', 'b', 'c', 'd']) + writer.line(cells)), ...splitter.end()];
      expect(splitter.separator).toBe(writer.dialect === 'excel-br' ? ';' : ',');
      expect(records[1]?.cells).toEqual(['Ana; "Aninha"', 'linha\nduas', "'=1+1", 'Silva, Ana']);
    }
  });
});
