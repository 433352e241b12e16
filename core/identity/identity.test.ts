import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_CONSENT, type Customer } from '../model';
import { findDuplicateGroups, identityKeys, mergeCustomerRecords, normalizeEmail, normalizeCpf, normalizeHandle, normalizeIdentityValue, normalizePhone } from '.';

function customer(id: string, identities: Customer['identities'], extra: Partial<Customer> = {}): Customer {
  return {
    id,
    displayName: id,
    identities,
    tagIds: [],
    funnelStage: null,
    customFields: {},
    consent: NO_CONSENT,
    notesCount: 0,
    lastOrderAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    archivedAt: null,
    merges: [],
    ...extra,
  };
}
const phone = (value: string) => ({ kind: 'phone' as const, value, raw: value, addedAt: '2026-01-01T00:00:00.000Z' });

describe('normalizing identities', () => {
  it('reads the three spellings of a Brazilian mobile as one E.164 number', () => {
    for (const spelling of ['11 98765-4321', '+55 (11) 98765-4321', '5511987654321']) {
      expect(normalizePhone(spelling)).toBe('+5511987654321');
    }
  });

  it('reads a WhatsApp JID as the phone behind it', () => {
    expect(normalizeIdentityValue('whatsapp', '5511987654321@c.us')).toBe('+5511987654321');
  });

  it('takes the default country as a parameter', () => {
    expect(normalizePhone('912 345 678', 'PT')).toBe('+351912345678');
    expect(() => normalizePhone('912 345 678', 'BR')).toThrowError(/not a valid phone number \(country assumed: BR\)/);
  });

  it('rejects text that is not a phone, naming the value', () => {
    expect(() => normalizeIdentityValue('phone', 'ligar depois')).toThrowError(/value: "ligar depois" is not a valid phone number/);
  });

  it('trims and lower-cases emails and handles', () => {
    expect(normalizeEmail('  Ana.Souza@Example.COM ')).toBe('ana.souza@example.com');
    expect(normalizeHandle('instagram', '@Loja.Da_Ana')).toBe('loja.da_ana');
    expect(() => normalizeEmail('ana@')).toThrowError(/not an email/);
    expect(() => normalizeHandle('instagram', '@ana souza')).toThrowError(/not a instagram handle/);
  });

  it('keeps the @lid id of WhatsApp as its own kind', () => {
    expect(normalizeIdentityValue('whatsapp-lid', '123456789012345@lid')).toBe('123456789012345');
    expect(identityKeys('whatsapp-lid', '123456789012345')).toEqual(['whatsapp-lid:123456789012345']);
  });

  it('keeps a WhatsApp username as its own kind, lower-cased and without the @', () => {
    expect(normalizeIdentityValue('whatsapp-username', ' @Carla.Doces ')).toBe('carla.doces');
    expect(identityKeys('whatsapp-username', 'carla.doces')).toEqual(['whatsapp-username:carla.doces']);
    for (const bad of ['ab', '12345', '.carla', 'carla.', 'carla..doces', 'carla doces', 'c'.repeat(36)]) {
      expect(() => normalizeIdentityValue('whatsapp-username', bad), bad).toThrowError(/not a whatsapp-username handle/);
    }
  });

  it('normalizing is idempotent for any Brazilian mobile', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 99 }), fc.integer({ min: 0, max: 99_999_999 }), (area, rest) => {
        const raw = `(${area}) 9${String(rest).padStart(8, '0')}`;
        let once: string;
        try {
          once = normalizePhone(raw);
        } catch {
          return; // not every area code exists
        }
        expect(normalizePhone(once)).toBe(once);
        expect(normalizePhone(once.slice(1))).toBe(once);
      }),
    );
  });
});

describe('identity keys', () => {
  it('files phones and WhatsApp numbers under one key', () => {
    expect(identityKeys('whatsapp', '+351912345678')).toEqual(identityKeys('phone', '+351912345678'));
  });

  it('reads a Brazilian mobile without its ninth digit (as WhatsApp reports old accounts) as the same number', () => {
    expect(normalizeIdentityValue('whatsapp', '551187654321@c.us')).toBe('+5511987654321');
    expect(normalizePhone('+55 11 3333-4444')).toBe('+551133334444');
  });
});

describe('CPF', () => {
  it('keeps the 11 digits of a CPF written with or without dots and dash', () => {
    expect(normalizeCpf('123.456.789-09')).toBe('12345678909');
    expect(normalizeIdentityValue('cpf', ' 529.982.247-25 ')).toBe('52998224725');
    expect(identityKeys('cpf', '52998224725')).toEqual(['cpf:52998224725']);
  });

  it('refuses a CPF whose check digits are wrong, that has lost a digit, or that repeats one digit', () => {
    for (const raw of ['123.456.789-00', '123.456.789-19', '1234567890', '111.111.111-11', '00000000000', '6,16069E+12', '123456789090'])
      expect(() => normalizeCpf(raw), raw).toThrowError(/is not a valid CPF/);
  });

  it('accepts every CPF built by the mod-11 rule and refuses it with a check digit changed', () => {
    const check = (digits: number[]) => ((digits.reduce((sum, digit, i) => sum + digit * (digits.length + 1 - i), 0) * 10) % 11) % 10;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), fc.integer({ min: 9, max: 10 }), fc.integer({ min: 1, max: 9 }), (base, at, shift) => {
        fc.pre(new Set(base).size > 1);
        const first = [...base, check(base)];
        const cpf = [...first, check(first)];
        expect(normalizeCpf(cpf.join(''))).toBe(cpf.join(''));
        const changed = cpf.map((digit, i) => (i === at ? (digit + shift) % 10 : digit));
        expect(() => normalizeCpf(changed.join(''))).toThrowError(/not a valid CPF/);
      }),
    );
  });
});

describe('duplicates and merge', () => {
  it('groups customers sharing an identity, transitively', () => {
    const a = customer('a', [phone('+5511987654321')]);
    const b = customer('b', [phone('+5511987654321'), { kind: 'email', value: 'x@y.com', raw: 'x@y.com', addedAt: a.createdAt }]);
    const c = customer('c', [{ kind: 'email', value: 'x@y.com', raw: 'X@y.com', addedAt: a.createdAt }]);
    const d = customer('d', [phone('+5521999998888')]);
    const groups = findDuplicateGroups([a, b, c, d]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.customerIds.sort()).toEqual(['a', 'b', 'c']);
    expect(groups[0]?.sharedKeys).toEqual(['email:x@y.com', 'tel:+5511987654321']);
  });

  it('suggests the same folded name with the same phone ending, and not the same name alone', () => {
    const a = customer('a', [phone('+5511987654321')], { displayName: 'Ána  Souza' });
    const b = customer('b', [phone('+5521987654321')], { displayName: 'ana souza' });
    const c = customer('c', [phone('+5511912345678')], { displayName: 'Ana Souza' });
    const d = customer('d', [], { displayName: 'Ana Souza' });
    const groups = findDuplicateGroups([a, b, c, d]);
    expect(groups).toEqual([{ customerIds: ['a', 'b'], sharedKeys: ['name-tel:ana souza|87654321'] }]);
  });

  it('merging keeps every identity, tag, custom field and note count, and records the merge', () => {
    const survivor = customer('a', [phone('+5511987654321')], { tagIds: ['vip'], customFields: { size: 'M' }, notesCount: 2 });
    const other = customer('b', [phone('+5511987654321'), { kind: 'instagram', value: 'ana', raw: '@ana', addedAt: survivor.createdAt }], {
      tagIds: ['vip', 'atacado'],
      customFields: { size: 'G', city: 'Santos' },
      notesCount: 3,
      createdAt: '2025-06-01T00:00:00.000Z',
      lastOrderAt: '2026-02-01T00:00:00.000Z',
    });
    const merged = mergeCustomerRecords(survivor, [other], '2026-03-01T00:00:00.000Z');
    expect(merged.identities.map((i) => `${i.kind}:${i.value}`)).toEqual(['phone:+5511987654321', 'instagram:ana']);
    expect(merged.tagIds).toEqual(['vip', 'atacado']);
    expect(merged.customFields).toEqual({ size: 'M', city: 'Santos' });
    expect(merged.notesCount).toBe(5);
    expect(merged.createdAt).toBe('2025-06-01T00:00:00.000Z');
    expect(merged.lastOrderAt).toBe('2026-02-01T00:00:00.000Z');
    expect(merged.merges).toEqual([{ mergedAt: '2026-03-01T00:00:00.000Z', customerIds: ['b'], displayNames: ['b'] }]);
  });
});
