// `npm start` (after `npm run build`): says where the built extension is and how to load it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const chrome = resolve('.output/chrome-mv3');
const firefox = resolve('.output/firefox-mv2');
for (const dir of [chrome, firefox]) {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    console.error(`Missing ${dir}/manifest.json: run \`npm run build\` first.`);
    process.exit(1);
  }
}

console.log(`
Clientela is built.

  Chrome, Edge, Brave (MV3):  ${chrome}
    1. Open chrome://extensions and turn on "Developer mode".
    2. "Load unpacked" → choose the folder above.
    3. Open https://web.whatsapp.com/ — the Clientela sidebar appears on the right.
       Click the Clientela toolbar button to open your customer book.

  Firefox (MV2):  ${firefox}
    1. Open about:debugging#/runtime/this-firefox.
    2. "Load Temporary Add-on…" → choose ${firefox}/manifest.json.

Your customer book stays in this browser profile (IndexedDB of the extension). Nothing is sent anywhere.
`);
