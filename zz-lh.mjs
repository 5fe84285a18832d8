import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new','--no-sandbox','--disable-gpu'] });
for (const path of process.argv.slice(2)) {
  const { lhr } = await lighthouse(`http://127.0.0.1:4350${path}`, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
  console.log(path, lhr.categories.performance.score, lhr.audits['total-blocking-time'].displayValue);
  for (const item of lhr.audits['long-tasks']?.details?.items ?? []) console.log('  long task', Math.round(item.duration), Math.round(item.startTime), item.url);
  for (const item of (lhr.audits['mainthread-work-breakdown']?.details?.items ?? []).slice(0,6)) console.log('  ', item.groupLabel ?? item.group, Math.round(item.duration));
  for (const item of (lhr.audits['bootup-time']?.details?.items ?? []).slice(0,5)) console.log('  boot', item.url, Math.round(item.total), Math.round(item.scripting));
}
await chrome.kill();
