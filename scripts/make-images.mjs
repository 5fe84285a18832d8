// Makes the site's images in public/: the app icons from the logo (the one in favicon.svg), and
// the social card, a screenshot of the built site's own heap chart of the leaking-map capture
// (lesson 5) under the site's name. Run after a build: node scripts/make-images.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { launchChromium, startPreview } from './browser-bench-kit.mjs';

const logo = readFileSync('public/favicon.svg', 'utf8');

/** The logo on a full square (no rounded corners): the platform masks it to its own shape. */
function squareLogo(size, padding) {
  const inner = size - 2 * padding;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
      `<rect width="${size}" height="${size}" fill="#00657f"/>` +
      `<svg x="${padding}" y="${padding}" width="${inner}" height="${inner}" viewBox="0 0 32 32">` +
      `<path d="M6 22 L11 13 L15 18 L20 9 L26 20" fill="none" stroke="#fff" stroke-width="2.6" ` +
      `stroke-linecap="round" stroke-linejoin="round"/></svg></svg>`,
  );
}

const png = (input) => sharp(input).png({ compressionLevel: 9, palette: true });

mkdirSync('public/icons', { recursive: true });
for (const size of [192, 512]) {
  await png(Buffer.from(logo)).resize(size, size).toFile(`public/icons/icon-${size}.png`);
}
// Maskable icons keep their drawing inside the middle 80 % (the safe zone).
await png(squareLogo(512, 72)).toFile('public/icons/icon-maskable-512.png');
// iOS draws the touch icon on its own rounded square and shows transparency as black.
await png(squareLogo(180, 18)).toFile('public/icons/apple-touch-icon.png');

const server = await startPreview(4394);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${server.url}/lessons/spotting-a-leak/`);
  const chart = page.locator('trace-cell[data-cell-id="leaking"] figure[data-kind="heap"]');
  await chart.waitFor();
  // The page's own chart, moved into a card laid out with the page's own styles.
  await page.evaluate(() => {
    const figure = document.querySelector(
      'trace-cell[data-cell-id="leaking"] figure[data-kind="heap"]',
    );
    const card = document.createElement('div');
    card.style.cssText =
      'position:fixed;inset:0;z-index:10;background:var(--bg);padding:36px 48px 24px;' +
      'display:flex;flex-direction:column;gap:8px;font-family:var(--font-ui)';
    const name = document.createElement('p');
    name.textContent = 'gctrace lab';
    name.style.cssText = 'margin:0;font-weight:700;font-size:28px;color:var(--accent)';
    const title = document.createElement('p');
    title.textContent =
      "Read the Go garbage collector's trace, and find out if your program leaks.";
    title.style.cssText =
      'margin:0 0 8px;font-weight:700;font-size:34px;line-height:1.2;color:var(--text)';
    figure.querySelector('details')?.remove();
    figure.querySelector('figcaption')?.remove();
    figure.style.cssText = 'margin:0;flex:1;min-height:0;display:flex;flex-direction:column';
    const svg = figure.querySelector('svg');
    if (svg) svg.style.cssText = 'flex:1;min-height:0;width:100%;height:100%';
    card.append(name, title, figure);
    document.body.append(card);
  });
  const shot = await page.screenshot({ type: 'png' });
  await png(shot).toFile('public/social-card.png');
} finally {
  await browser.close();
  server.stop();
}
console.log('wrote public/icons/*.png and public/social-card.png');
