/**
 * The simulator page's real-run panel (src/components/simulator/RealRun.astro): for the chosen
 * settings, the real run of gogc-demo with exactly those settings, its figures beside the model's
 * and its trace in a cell; when there is none, links to settings that have one.
 */
import {
  captureLabel,
  captureTitle,
  capturesFor,
  capturesToSuggest,
  settingsWords,
  type KnownCapture,
} from '../simulator/captures.ts';
import { compareFigures, figureRows, runFigures } from '../simulator/compare.ts';
import { encodeSettings, versionLabel, type SimSettings } from '../simulator/index.ts';
import { loadCaptureText } from './capture-texts.ts';
import { keepingFocus, type TraceCell } from './drive-cell.ts';

/** What the page calls when the model has a new trace. */
export interface RealRunPanel {
  show(settings: SimSettings, modelText: string): void;
}

/**
 * Drives the panel `panel`, whose `data-captures` lists the captures it can show, and the real
 * run's trace cell inside `cellBox`.
 */
export function realRunPanel(panel: HTMLElement, cellBox: HTMLElement): RealRunPanel {
  const known = JSON.parse(panel.dataset.captures ?? '[]') as KnownCapture[];
  const part = <T extends HTMLElement>(name: string) => panel.querySelector<T>(`[${name}]`)!;
  const found = part('data-real-found');
  const title = part('data-real-title');
  const choice = part('data-real-choice');
  const select = part<HTMLSelectElement>('data-real-select');
  const figures = part('data-real-figures');
  const busy = part('data-real-busy');
  const command = part('data-real-command');
  const none = part('data-real-none');
  const noneText = part('data-real-none-text');
  const links = part('data-real-links');
  const cell = cellBox.querySelector<TraceCell>('trace-cell')!;

  let matches: KnownCapture[] = [];
  let modelText = '';
  /** Bumped for every capture asked for, so a slow load never overwrites a later one. */
  let asked = 0;

  const showFigures = (realText: string): void => {
    const rows = figureRows(compareFigures(runFigures(realText), runFigures(modelText)));
    for (const row of rows) {
      const tr = figures.querySelector(`[data-figure="${row.key}"]`)!;
      tr.querySelector('[data-cell="real"]')!.textContent = row.real;
      tr.querySelector('[data-cell="model"]')!.textContent = row.model;
      tr.querySelector('[data-cell="difference"]')!.textContent = row.difference;
    }
  };

  const showCapture = async (capture: KnownCapture): Promise<void> => {
    const ticket = ++asked;
    title.textContent = `${captureTitle(capture)}, and the model with the same settings.`;
    busy.hidden = !capture.busyMachine;
    command.textContent = capture.command;
    let text: string;
    try {
      text = await loadCaptureText(capture.id);
    } catch {
      if (ticket !== asked) return;
      title.textContent = `${captureTitle(capture)} could not be loaded: reload the page to try again.`;
      return;
    }
    if (ticket !== asked) return;
    cell.dataset.goRelease = capture.goVersion;
    if (cell.value !== text) keepingFocus(() => cell.setOriginal(text));
    showFigures(text);
  };

  const showNone = (settings: SimSettings): void => {
    const suggested = capturesToSuggest(settings.goMinor, known);
    const own = suggested.some((c) => c.settings.goMinor === settings.goMinor);
    noneText.textContent = own
      ? `No real run has exactly these settings. Real runs of gogc-demo under Go ${versionLabel(settings.goMinor)}:`
      : `No real run of Go ${versionLabel(settings.goMinor)} is kept here. Real runs of gogc-demo under GOGC=100:`;
    links.replaceChildren(
      ...suggested.map((c) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `?${encodeSettings(c.settings)}`;
        a.textContent = `Go ${versionLabel(c.settings.goMinor)}, ${settingsWords(c.settings)}`;
        li.append(a);
        return li;
      }),
    );
  };

  select.addEventListener('change', () => {
    const capture = matches.find((c) => c.id === select.value);
    if (capture) void showCapture(capture);
  });

  return {
    show(settings, text) {
      modelText = text;
      const before = select.value;
      matches = capturesFor(settings, known);
      const any = matches.length > 0;
      found.hidden = !any;
      cellBox.hidden = !any;
      none.hidden = any;
      if (!any) {
        asked++;
        showNone(settings);
        return;
      }
      const ids = matches.map((c) => c.id).join(' ');
      if ([...select.options].map((o) => o.value).join(' ') !== ids) {
        select.replaceChildren(...matches.map((c) => new Option(captureLabel(c), c.id)));
      }
      choice.hidden = matches.length < 2;
      select.value = matches.some((c) => c.id === before) ? before : matches[0]!.id;
      void showCapture(matches.find((c) => c.id === select.value)!);
    },
  };
}
