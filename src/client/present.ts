/**
 * The presenter view: one slide at a time stepped from the keyboard, a replay that feeds a trace
 * into a cell line by line with the timing it was printed with, findings hidden until revealed,
 * and a reset of every cell the learner has edited.
 */
import { plural, splitLines } from '../gctrace/index.ts';
import { keepingFocus, type TraceCell } from './drive-cell.ts';
import { browserStorage, readStored, removeStored, writeStored } from '../site/browser-storage.ts';

interface ReplaySample {
  slug: string;
  title: string;
  description: string;
  text: string;
}

/** localStorage keys of saved cell edits start with this (src/cell/storage.ts). */
export const cellKeyPrefix = 'gctrace-lab:cell:';

/** A wait longer than this between two lines is shortened: idle minutes would stall a class. */
export const maxGapMs = 2000;

/**
 * When each line of `text` appears, in ms from the start of the program: a gc line at its
 * `@…s` time, any other line (program output, runtime notices) right after the line before it.
 */
export function replayTimeline(text: string): { lines: string[]; atMs: number[] } {
  const lines = splitLines(text);
  const atMs: number[] = [];
  let last = 0;
  for (const line of lines) {
    const match = /\bgc #?\d+ @(\d+\.\d+)s/.exec(line);
    if (match) {
      const t = Number(match[1]) * 1000;
      // A bogus or out-of-order time (another process in the stream) does not move time back.
      if (t >= last && t < last + 1e9) last = t;
    }
    atMs.push(last);
  }
  return { lines, atMs };
}

/** Removes every saved cell edit; returns how many there were. */
export function clearSavedCells(storage: Storage): number {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && key.startsWith(cellKeyPrefix)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
  return keys.length;
}

/** sessionStorage key of the notice "Reset all cells" leaves for the reloaded page. */
const noticeKey = 'gctrace-lab:present:notice';

type ReplayState = 'idle' | 'playing' | 'paused' | 'done';

/** Plays a trace into a cell. Positions are in "program time", so speed changes keep the place. */
class Replay {
  private lines: string[] = [];
  private atMs: number[] = [];
  private shown = 0;
  private state: ReplayState = 'idle';
  private speed = 1;
  private timer = 0;
  /** Program time of the line shown last, and the wall clock when it was shown. */
  private programMs = 0;
  private wallMs = 0;

  private readonly cell: TraceCell;
  private readonly host: HTMLElement;
  private readonly onChange: () => void;

  constructor(cell: TraceCell, host: HTMLElement, onChange: () => void) {
    this.cell = cell;
    this.host = host;
    this.onChange = onChange;
  }

  load(text: string): void {
    this.stop();
    ({ lines: this.lines, atMs: this.atMs } = replayTimeline(text));
    this.shown = this.lines.length;
    this.setState('idle');
  }

  get current(): ReplayState {
    return this.state;
  }

  setSpeed(speed: number): void {
    if (this.state === 'playing') this.rebase();
    this.speed = speed;
    if (this.state === 'playing') this.schedule();
  }

  /** Starts from the first line, or goes on from where it was paused. */
  play(): void {
    if (this.state === 'playing') return;
    if (this.state === 'idle' || this.state === 'done') {
      this.shown = 0;
      this.programMs = this.atMs[0] ?? 0;
      keepingFocus(() => this.cell.setOriginal(''));
    }
    this.wallMs = performance.now();
    this.setState('playing');
    this.schedule();
  }

  pause(): void {
    if (this.state !== 'playing') return;
    this.rebase();
    this.stop();
    this.setState('paused');
  }

  toggle(): void {
    if (this.state === 'playing') this.pause();
    else this.play();
  }

  /** Shows one more line and stays paused. */
  step(): void {
    if (this.state === 'playing') this.pause();
    if (this.state === 'idle' || this.state === 'done') {
      this.shown = 0;
      keepingFocus(() => this.cell.setOriginal(''));
    }
    this.show(this.shown + 1);
    this.programMs = this.atMs[this.shown - 1] ?? 0;
    this.setState(this.shown >= this.lines.length ? 'done' : 'paused');
  }

  restart(): void {
    this.stop();
    this.setState('idle');
    this.play();
  }

  /** Shows the whole trace at once. */
  whole(): void {
    this.stop();
    this.show(this.lines.length);
    this.setState('done');
  }

  private stop(): void {
    window.clearTimeout(this.timer);
    this.timer = 0;
  }

  /** Moves the program-time anchor to now, so the next delay is measured from here. */
  private rebase(): void {
    const now = performance.now();
    this.programMs += Math.min((now - this.wallMs) * this.speed, this.nextGapMs());
    this.wallMs = now;
  }

  private nextGapMs(): number {
    if (this.shown >= this.lines.length) return 0;
    return Math.max(0, this.atMs[this.shown] - this.programMs);
  }

  private schedule(): void {
    this.stop();
    if (this.shown >= this.lines.length) {
      this.setState('done');
      return;
    }
    const elapsed = (performance.now() - this.wallMs) * this.speed;
    const wait = Math.min(this.nextGapMs() - elapsed, maxGapMs * this.speed) / this.speed;
    this.timer = window.setTimeout(() => this.tick(), Math.max(0, wait));
  }

  private tick(): void {
    // Every line due by now appears together: at high speed lines are due faster than the cell
    // can redraw each one, and showing them one per timer made 20× take eight times too long.
    // The program time reached is at least the next line's (a long wait counts as maxGapMs).
    const now = performance.now();
    const reached = Math.max(
      this.atMs[this.shown],
      this.programMs + (now - this.wallMs) * this.speed,
    );
    let n = this.shown + 1;
    while (n < this.lines.length && this.atMs[n] <= reached) n++;
    this.show(n);
    this.programMs = reached;
    this.wallMs = now;
    this.schedule();
  }

  private show(count: number): void {
    this.shown = Math.min(count, this.lines.length);
    keepingFocus(() => this.cell.setOriginal(this.lines.slice(0, this.shown).join('\n')));
    this.onChange();
  }

  private setState(state: ReplayState): void {
    this.state = state;
    this.host.dataset.replayState = state;
    this.onChange();
  }

  /** "Line 12 of 156 · @1.234s" */
  progress(): string {
    const at =
      this.shown > 0 ? ` · program time ${(this.atMs[this.shown - 1] / 1000).toFixed(3)} s` : '';
    return `Line ${this.shown} of ${this.lines.length}${at}`;
  }

  get shownLines(): number {
    return this.shown;
  }
}

const root = document.querySelector<HTMLElement>('[data-present]');
if (root) start(root);

function start(root: HTMLElement): void {
  const slides = [...root.querySelectorAll<HTMLElement>('[data-slide]')];
  const position = root.querySelector<HTMLElement>('[data-position]')!;
  const findingsButton = root.querySelector<HTMLButtonElement>('[data-action="findings"]')!;
  const notice = root.querySelector<HTMLElement>('[data-present-notice]')!;
  let replay: Replay | null = null;
  let index = 0;

  const slideFromHash = (): number => {
    const n = Number(/^#(\d+)$/.exec(location.hash)?.[1] ?? 1);
    return Math.min(slides.length, Math.max(1, n)) - 1;
  };

  const go = (to: number): void => {
    const next = Math.min(slides.length - 1, Math.max(0, to));
    if (next !== index && index === 0) replay?.pause();
    index = next;
    slides.forEach((slide, i) => {
      slide.hidden = i !== index;
    });
    position.textContent = `${index + 1} / ${slides.length}`;
    root.dataset.current = String(index + 1);
    const hash = `#${index + 1}`;
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
    // Charts drawn while their slide was hidden lay themselves out again at their real width.
    window.dispatchEvent(new Event('resize'));
  };

  const setFindings = (shown: boolean): void => {
    root.dataset.findings = shown ? 'shown' : 'hidden';
    findingsButton.setAttribute('aria-pressed', String(shown));
    findingsButton.textContent = shown ? 'Hide findings' : 'Show findings';
  };

  root.querySelector('[data-action="prev"]')!.addEventListener('click', () => go(index - 1));
  root.querySelector('[data-action="next"]')!.addEventListener('click', () => go(index + 1));
  findingsButton.addEventListener('click', () => setFindings(root.dataset.findings !== 'shown'));
  root.querySelector('[data-action="reset-cells"]')!.addEventListener('click', () => {
    let cleared = 0;
    const local = browserStorage('local');
    try {
      if (local) cleared = clearSavedCells(local);
    } catch {
      // Storage switched off: nothing was saved either.
    }
    // Reloading puts every cell back to its original from the page. The notice waits for the
    // reloaded page in sessionStorage; where that is blocked the reset happens all the same.
    writeStored('session', noticeKey, `Reset ${plural(cleared, 'edited cell')}.`);
    location.reload();
  });
  const pending = readStored('session', noticeKey);
  if (pending !== null) {
    removeStored('session', noticeKey);
    notice.textContent = pending;
  }

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    // Keys typed into the editor, a select or a field belong to them.
    if (target?.closest('input, select, textarea, [contenteditable], .monaco-editor')) return;
    const onButton = Boolean(target?.closest('button, a'));
    switch (event.key) {
      case 'ArrowRight':
      case 'PageDown':
        go(index + 1);
        break;
      case 'ArrowLeft':
      case 'PageUp':
        go(index - 1);
        break;
      case ' ':
        // Space on a button presses it, as everywhere else.
        if (onButton) return;
        go(event.shiftKey ? index - 1 : index + 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(slides.length - 1);
        break;
      case 'f':
      case 'F':
        setFindings(root.dataset.findings !== 'shown');
        break;
      case 'p':
      case 'P':
        if (index !== 0 || replay === null) return;
        replay.toggle();
        break;
      default:
        return;
    }
    event.preventDefault();
  });
  window.addEventListener('hashchange', () => go(slideFromHash()));

  setFindings(false);
  go(slideFromHash());

  customElements.whenDefined('trace-cell').then(() => {
    const host = root.querySelector<HTMLElement>('[data-replay]')!;
    const cell = root.querySelector<TraceCell>('#slide-1 trace-cell')!;
    const samples = JSON.parse(
      document.getElementById('replay-samples')!.textContent!,
    ) as ReplaySample[];
    const sampleSelect = host.querySelector<HTMLSelectElement>('[data-replay-sample]')!;
    const speedSelect = host.querySelector<HTMLSelectElement>('[data-replay-speed]')!;
    const playButton = host.querySelector<HTMLButtonElement>('[data-action="play"]')!;
    const progress = host.querySelector<HTMLElement>('[data-replay-progress]')!;
    const description = root.querySelector<HTMLElement>('[data-replay-description]')!;

    const r: Replay = new Replay(cell, host, () => {
      host.dataset.replayLine = String(r.shownLines);
      progress.textContent = r.progress();
      playButton.textContent =
        r.current === 'playing' ? 'Pause' : r.current === 'paused' ? 'Go on' : 'Play';
    });
    replay = r;
    const loadSample = (): void => {
      const sample = samples.find((s) => s.slug === sampleSelect.value) ?? samples[0];
      description.textContent = sample.description;
      r.load(sample.text);
      keepingFocus(() => cell.setOriginal(sample.text));
    };
    loadSample();
    r.setSpeed(Number(speedSelect.value));
    sampleSelect.addEventListener('change', loadSample);
    speedSelect.addEventListener('change', () => r.setSpeed(Number(speedSelect.value)));
    playButton.addEventListener('click', () => r.toggle());
    host.querySelector('[data-action="step"]')!.addEventListener('click', () => r.step());
    host.querySelector('[data-action="restart"]')!.addEventListener('click', () => r.restart());
    host.querySelector('[data-action="whole"]')!.addEventListener('click', () => r.whole());
    root.dataset.ready = '';
  });
}
