/**
 * The UI's CSS, adopted into the loader's shadow root (see adopt-styles.ts). Classes only: no style attributes
 * anywhere, so `style-src` needs no 'unsafe-inline'. Sizes in px: the host page's root font size is not ours
 * (hostile pages set it to 0 or 62.5%). Colours meet WCAG AA on white: text #1f2328 / #57606a, accent #0b5d57.
 * Kept terse on purpose: every byte here ships to every store's visitors.
 */
export const UI_CSS =
  '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
  '.panel{box-sizing:border-box;font:15px/1.45 system-ui,sans-serif;color:#1f2328;background:#fff;border:1px solid #6e7781;border-radius:12px;padding:14px 18px 18px;text-align:left}' +
  '.panel *{box-sizing:border-box;margin:0}' +
  'dialog.panel{position:fixed;inset:auto;margin:0;width:min(380px,calc(100vw - 32px));max-width:none;max-height:calc(100vh - 96px);overflow:auto;box-shadow:0 12px 32px #0005}' +
  'dialog:not([open]){display:none}dialog::backdrop{background:#0003}' +
  'dialog.bottom{bottom:76px}dialog.top{top:76px}dialog.left{left:16px}dialog.right{right:16px}' +
  '.root,.inline{height:100%}.inline{overflow:auto}' +
  '.head{display:flex;gap:8px;margin-bottom:10px}.head div{flex:1}' +
  '.panel h2{margin-top:4px;font-size:18px;line-height:1.3}' +
  '.order,.hint,.word,.ends{margin-top:4px;font-size:13px;color:#57606a}' +
  '.x{flex:none;width:36px;height:36px;margin-right:-8px;padding:8px;border:0;border-radius:8px;background:none;color:#57606a;cursor:pointer}' +
  '.x svg{display:block;fill:none;stroke:currentColor;stroke-width:2}' +
  '.panel fieldset{border:0;padding:0;margin-bottom:14px;min-width:0}.panel legend{padding:0;margin-bottom:6px;font-weight:600}' +
  '.stars,.nps{display:flex;flex-wrap:wrap;gap:4px}' +
  '.stars svg{display:block;width:36px;height:36px;padding:2px;fill:none;stroke:#57606a;stroke-width:1.6;cursor:pointer}' +
  '.stars .on svg{fill:#b45309;stroke:#b45309}' +
  '.nps span{display:block;min-width:30px;padding:6px 4px;text-align:center;border:1px solid #6e7781;border-radius:6px;cursor:pointer}' +
  '.nps .on span{background:#0b5d57;color:#fff}' +
  ':focus-visible,:focus-visible+svg,:focus-visible+span{outline:3px solid #0b5d57;outline-offset:2px}' +
  '.word{min-height:20px}.ends{display:flex;justify-content:space-between}' +
  '.panel .label{display:block;margin:10px 0 4px;font-weight:600}' +
  'textarea,.fields input{display:block;width:100%;font:inherit;color:inherit;background:#fff;border:1px solid #6e7781;border-radius:8px;padding:8px}' +
  'textarea{min-height:76px;resize:vertical}[aria-invalid=true]{border:2px solid #b3261e}' +
  '.panel .check{display:flex;gap:8px;margin-top:14px;font-size:14px}.check input{flex:none;width:18px;height:18px;accent-color:#0b5d57}' +
  '.panel .error{margin-top:6px;color:#b3261e;font-weight:600}' +
  '.panel .send{display:block;width:100%;margin-top:16px;padding:11px;border:0;border-radius:8px;background:#0b5d57;color:#fff;font:inherit;font-weight:600;cursor:pointer}' +
  '.send[aria-disabled]{opacity:.75}.panel .status{margin-top:10px;font-weight:600}.done .status{font-size:18px}' +
  '.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}' +
  '@media (forced-colors:active){.on svg{fill:CanvasText}.on span{border-width:3px}}';
