/**
 * The simulator page: reads the settings from the URL, regenerates the trace when a control
 * moves (debounced), hands it to the trace cell, shows the real run with the same settings
 * beside it, and keeps the URL in step with the controls.
 */
import {
  decodeSettings,
  defaultSettings,
  displayValue,
  encodeSettings,
  normaliseSettings,
  rulesSentence,
  settingFromSlider,
  simulate,
  sliderFields,
  sliderValue,
  valueText,
  type SimSettings,
} from '../simulator/index.ts';
import { keepingFocus, type TraceCell } from './drive-cell.ts';
import { realRunPanel } from './real-run.ts';

const debounceMs = 100;

const form = document.querySelector<HTMLFormElement>('#sim-controls');
if (form) start(form);

function start(form: HTMLFormElement): void {
  const notes = form.querySelector<HTMLElement>('[data-notes]')!;
  const select = form.querySelector<HTMLSelectElement>('select[data-setting="goMinor"]')!;
  const releaseRules = form.querySelector<HTMLElement>('[data-release-rules]')!;
  const slider = (key: string) =>
    form.querySelector<HTMLInputElement>(`input[data-setting="${key}"]`)!;

  /** Shows `settings` in the controls (after a URL load or "back to the defaults"). */
  const showSettings = (settings: SimSettings): void => {
    for (const field of sliderFields) {
      slider(field.key).value = String(sliderValue(field.key, settings));
    }
    select.value = String(settings.goMinor);
    showValues(settings);
  };

  /** Updates each slider's visible and spoken value, and what the release's rules are. */
  const showValues = (settings: SimSettings): void => {
    for (const field of sliderFields) {
      const input = slider(field.key);
      input.setAttribute('aria-valuetext', valueText(field, settings));
      form.querySelector(`[data-output="${field.key}"]`)!.textContent = displayValue(
        field.key,
        settings,
      );
    }
    releaseRules.textContent = rulesSentence(settings.goMinor);
  };

  const readSettings = (): SimSettings => {
    const values: Partial<SimSettings> = { goMinor: Number(select.value) };
    for (const field of sliderFields) {
      const value = settingFromSlider(field.key, Number(slider(field.key).value));
      (values as Record<string, number | null>)[field.key] = value;
    }
    return normaliseSettings(values);
  };

  const panel = document.querySelector<HTMLElement>('[data-real-run]');
  const realCell = document.querySelector<HTMLElement>('[data-real-cell]');
  const realRun = panel && realCell ? realRunPanel(panel, realCell) : null;

  const render = (settings: SimSettings, cell: TraceCell, updateUrl = true): void => {
    const result = simulate(settings);
    // Hovers explain the fields as the chosen release prints them.
    cell.dataset.goRelease = `go1.${settings.goMinor}`;
    // With no cycle the cell says why in place of empty charts.
    if (result.whyNoCycles === null) delete cell.dataset.noCycles;
    else cell.dataset.noCycles = result.whyNoCycles;
    if (cell.value !== result.text) keepingFocus(() => cell.setOriginal(result.text));
    notes.replaceChildren(
      ...result.notes.map((note) => {
        const p = document.createElement('p');
        p.textContent = note;
        return p;
      }),
    );
    realRun?.show(settings, result.text);
    const query = encodeSettings(settings);
    if (updateUrl && location.search.slice(1) !== query) {
      history.replaceState(history.state, '', `${location.pathname}?${query}${location.hash}`);
    }
  };

  const fromUrl = location.search.length > 1 ? decodeSettings(location.search) : defaultSettings;
  showSettings(fromUrl);

  customElements.whenDefined('trace-cell').then(() => {
    const cell = document.querySelector<TraceCell>('trace-cell[data-cell-id="simulator"]');
    if (!cell) return;
    let timer = 0;
    const schedule = (): void => {
      const settings = readSettings();
      showValues(settings);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => render(readSettings(), cell), debounceMs);
    };
    form.addEventListener('input', schedule);
    form.addEventListener('change', schedule);
    form.addEventListener('submit', (event) => event.preventDefault());
    form.querySelector('[data-action="defaults"]')!.addEventListener('click', () => {
      showSettings(defaultSettings);
      window.clearTimeout(timer);
      render(defaultSettings, cell);
    });
    // The page is built with the default trace; the URL may ask for another one.
    render(fromUrl, cell, location.search.length > 1);
    form.dataset.ready = '';
  });
}
