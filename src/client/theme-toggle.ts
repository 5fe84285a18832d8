import { readStored, removeStored, writeStored } from '../site/browser-storage.ts';

/** Cycles the colour theme system → light → dark, remembers the choice, and labels the button. */
const storageKey = 'gctrace-lab:theme';
type Choice = 'system' | 'light' | 'dark';
const order: Choice[] = ['system', 'light', 'dark'];
const labels: Record<Choice, string> = { system: 'Auto', light: 'Light', dark: 'Dark' };

function readChoice(): Choice {
  const stored = readStored('local', storageKey);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

function apply(choice: Choice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const label = button.querySelector('[data-theme-label]');
    if (label) label.textContent = labels[choice];
  }
  document.dispatchEvent(new CustomEvent('themechange', { detail: choice }));
}

function save(choice: Choice): void {
  // Storage can be blocked; the choice then lasts for this page only.
  if (choice === 'system') removeStored('local', storageKey);
  else writeStored('local', storageKey, choice);
}

apply(readChoice());
document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest('[data-theme-toggle]');
  if (!button) return;
  const next = order[(order.indexOf(readChoice()) + 1) % order.length]!;
  save(next);
  apply(next);
});
