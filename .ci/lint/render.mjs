// Renders a BPMN file with bpmn-js in headless Chromium and writes a PNG.
// Fails (exit 1) if bpmn-js reports import errors or warnings.
//
//   node render.mjs ../../processes/case-handling.bpmn ../../docs/images/case-handling.png
//
// Needs Debian's chromium (/usr/bin/chromium, override with CHROMIUM) and, for
// Chinese labels, a CJK font such as fonts-noto-cjk.
import { readFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const [, , bpmnArg, pngArg] = process.argv;
if (!bpmnArg || !pngArg) {
  console.error('usage: node render.mjs <file.bpmn> <out.png>');
  process.exit(2);
}
const bpmnPath = resolve(bpmnArg);
const pngPath = resolve(pngArg);

const dist = resolve(here, 'node_modules/bpmn-js/dist');
const [xml, bundle, diagramCss, bpmnCss] = await Promise.all([
  readFile(bpmnPath, 'utf8'),
  readFile(resolve(dist, 'bpmn-navigated-viewer.production.min.js'), 'utf8'),
  readFile(resolve(dist, 'assets/diagram-js.css'), 'utf8'),
  readFile(resolve(dist, 'assets/bpmn-js.css'), 'utf8')
]);

const html = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<style>${diagramCss}\n${bpmnCss}
html, body { margin: 0; padding: 0; background: #fff; }
#canvas { width: 1200px; height: 800px; }
</style>
<script>${bundle.replace(/<\/script/gi, '<\\/script')}</script>
</head><body><div id="canvas"></div></body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'
  ]
});

let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on('pageerror', (err) => { console.error('page error:', err.message); failed = true; });
  await page.setContent(html, { waitUntil: 'load' });

  const result = await page.evaluate(async (diagramXml) => {
    const viewer = new window.BpmnJS({ container: '#canvas' });
    window.viewer = viewer;
    try {
      const { warnings } = await viewer.importXML(diagramXml);
      const canvas = viewer.get('canvas');
      const inner = canvas.viewbox().inner;
      return {
        warnings: warnings.map((w) => w.message),
        inner: { x: inner.x, y: inner.y, width: inner.width, height: inner.height }
      };
    } catch (err) {
      return { error: err.message, warnings: (err.warnings || []).map((w) => w.message) };
    }
  }, xml);

  if (result.error) {
    console.error(`import error: ${result.error}`);
    failed = true;
  }
  for (const warning of result.warnings) {
    console.error(`import warning: ${warning}`);
    failed = true;
  }

  if (!result.error) {
    const margin = 30;
    const width = Math.ceil(result.inner.width + 2 * margin);
    const height = Math.ceil(result.inner.height + 2 * margin);
    await page.setViewportSize({ width, height });
    await page.evaluate(({ inner, width, height, margin }) => {
      const container = document.getElementById('canvas');
      container.style.width = `${width}px`;
      container.style.height = `${height}px`;
      const canvas = window.viewer.get('canvas');
      canvas.resized();
      canvas.viewbox({ x: inner.x - margin, y: inner.y - margin, width, height });
    }, { inner: result.inner, width, height, margin });
    await mkdir(dirname(pngPath), { recursive: true });
    await page.locator('#canvas').screenshot({ path: pngPath });
    console.log(`wrote ${pngPath} (${width}x${height})`);
  }
} finally {
  await browser.close();
}

process.exit(failed ? 1 : 0);
