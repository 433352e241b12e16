import { describe, expect, it } from 'vitest';
import { ChunkDecoder } from './decode';

/** Decodes bytes fed one at a time, the hardest split. */
function byteByByte(bytes: number[]): { text: string; encoding: string | null } {
  const decoder = new ChunkDecoder();
  let text = '';
  for (const byte of bytes) text += decoder.push(new Uint8Array([byte]));
  text += decoder.end();
  return { text, encoding: decoder.encoding };
}

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('ChunkDecoder', () => {
  it('reads UTF-8 whose accents are split between chunks, with or without a BOM', () => {
    expect(byteByByte(utf8('Situação;Observações\n'))).toEqual({ text: 'Situação;Observações\n', encoding: 'utf-8' });
    expect(byteByByte([0xef, 0xbb, 0xbf, ...utf8('Nome;Código')])).toEqual({ text: 'Nome;Código', encoding: 'utf-8' });
  });

  it('reads a file whose first byte above 0x7F is not UTF-8 as Windows-1252 (a pt-BR Excel CSV)', () => {
    // "Situação;€ 5" as Windows-1252: ç E7, ã E3, € 80.
    expect(byteByByte([...utf8('Situa'), 0xe7, 0xe3, ...utf8('o;'), 0x80, ...utf8(' 5')])).toEqual({ text: 'Situação;€ 5', encoding: 'windows-1252' });
  });

  it('keeps a UTF-8 file UTF-8 after a later invalid byte, which becomes U+FFFD', () => {
    expect(byteByByte([...utf8('é;'), 0xe9, ...utf8(';x')])).toEqual({ text: 'é;\uFFFD;x', encoding: 'utf-8' });
  });

  it('reads Excel’s "Texto Unicode" (UTF-16 with a BOM) and an ASCII file whatever its length', () => {
    const utf16 = [0xff, 0xfe, ...[...'nome\tcpf'].flatMap((char) => [char.charCodeAt(0), 0])];
    expect(byteByByte(utf16)).toEqual({ text: 'nome\tcpf', encoding: 'utf-16le' });
    expect(byteByByte(utf8('a'))).toEqual({ text: 'a', encoding: null });
    expect(byteByByte([])).toEqual({ text: '', encoding: null });
  });

  it('decides on a sequence cut at the end of the file as Windows-1252', () => {
    expect(byteByByte([...utf8('ab'), 0xc3])).toEqual({ text: 'abÃ', encoding: 'windows-1252' });
  });
});
