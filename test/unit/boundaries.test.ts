import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries (the lint in npm test)', () => {
  it('stops core from importing a surface', async () => {
    expect(await ruleIds('core/identity/x.ts', "import { a } from '../../extension/messaging/client';\nexport const b = a;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('core/x.ts', "import { h } from 'preact';\nexport const b = h;\n")).toContain('no-restricted-imports');
  });

  it('stops core outside core/store from touching browser globals', async () => {
    expect(await ruleIds('core/segments/x.ts', 'export const title = document.title;\n')).toContain('no-restricted-globals');
    expect(await ruleIds('core/model/x.ts', 'export const open = () => indexedDB.open("x");\n')).toContain('no-restricted-globals');
    expect(await ruleIds('core/store/x.ts', 'export const open = () => indexedDB.open("x");\n')).toEqual([]);
  });

  it('keeps the widget and the extension apart', async () => {
    expect(await ruleIds('widget/x.ts', "import { a } from '../extension/i18n/translate';\nexport const b = a;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('extension/ui/x.ts', "import { a } from '../../widget/loader';\nexport const b = a;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('extension/ui/x.ts', "import { openBook } from '../../core';\nexport const b = openBook;\n")).toEqual([]);
  });

  it('keeps the book worker to core and the worker protocol', async () => {
    expect(await ruleIds('extension/backup/book-worker-service.ts', "import { translate } from '../i18n/translate';\nexport const t = translate;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('extension/entrypoints/book-worker.ts', "import { render } from 'preact';\nexport const r = render;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('extension/backup/backup-settings.ts', "import { browser } from 'wxt/browser';\nexport const b = browser;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('extension/backup/book-worker-service.ts', "import { openBook } from '../../core';\nimport { errorReply } from './worker-protocol';\nexport const b = [openBook, errorReply];\n")).toEqual([]);
  });

  it('keeps the translation system out of the content script (its byte budget)', async () => {
    expect(await ruleIds('extension/host/x.ts', "import { translate } from '../i18n/translate';\nexport const t = translate;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('extension/sites/whatsapp/x.ts', "import { IntlMessageFormat } from 'intl-messageformat';\nexport const m = IntlMessageFormat;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('extension/entrypoints/sidebar.content.ts', "import { translate } from '../i18n/translate';\nexport const t = translate;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('extension/ui/x.ts', "import { translate } from '../i18n/translate';\nexport const t = translate;\n")).toEqual([]);
  });

  it('lets zod in only through core/zod.ts (jitless before any schema is built)', async () => {
    for (const path of ['core/model/x.ts', 'extension/messaging/x.ts', 'collector/x.ts', 'test/unit/x.ts'])
      expect(await ruleIds(path, "import { z } from 'zod';\nexport const s = z.string();\n"), path).toContain('no-restricted-imports');
    expect(await ruleIds('core/model/x.ts', "import { z } from '../zod';\nexport const s = z.string();\n")).toEqual([]);
  });

  it('forbids dangerouslySetInnerHTML (the build removes that path from Preact)', async () => {
    expect(await ruleIds('extension/ui/x.tsx', 'export const A = () => <div dangerouslySetInnerHTML={{ __html: "<b>x</b>" }} />;\n')).toContain('no-restricted-syntax');
  });
});
