import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from './csv';

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
