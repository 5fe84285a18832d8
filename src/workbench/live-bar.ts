/**
 * The live bar above a trace watched with `gctrace watch` (the markup of LiveBar.astro): its state
 * in a word, what is watched, the counts, how it ended, Pause/Resume, and a polite status region
 * that speaks only when something a listener should know happens.
 */
import { liveCountsText, livePhaseWord, type LivePhase } from './live-wording.ts';

export class LiveBar {
  readonly root: HTMLElement;
  private readonly badge: HTMLElement;
  private readonly what: HTMLElement;
  private readonly counts: HTMLElement;
  private readonly message: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly announcer: HTMLElement;
  private countsFrame = 0;
  private shownCounts: [lines: number, cycles: number, waiting: number] = [0, 0, 0];
  private lastAnnouncement = '';

  constructor(root: HTMLElement, onToggle: () => void) {
    this.root = root;
    const find = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
    this.badge = find('[data-live-badge]');
    this.what = find('[data-live-what]');
    this.counts = find('[data-live-counts]');
    this.message = find('[data-live-message]');
    this.button = find<HTMLButtonElement>('[data-action="live-pause"]');
    this.announcer = find('[data-live-announce]');
    this.button.addEventListener('click', onToggle);
  }

  show(): void {
    this.root.hidden = false;
  }

  setPhase(phase: LivePhase): void {
    this.badge.textContent = livePhaseWord[phase];
    this.badge.dataset.phase = phase;
    this.root.dataset.phase = phase;
  }

  setWhat(text: string): void {
    this.what.textContent = text;
  }

  /** The counts, written at the next frame however often they change before it. */
  setCounts(lines: number, cycles: number, waiting: number): void {
    this.shownCounts = [lines, cycles, waiting];
    if (this.countsFrame !== 0) return;
    this.countsFrame = requestAnimationFrame(() => {
      this.countsFrame = 0;
      const [lines, cycles, waiting] = this.shownCounts;
      const d = this.counts.dataset;
      d.lines = String(lines);
      d.cycles = String(cycles);
      d.waiting = String(waiting);
      this.counts.textContent = liveCountsText(lines, cycles, waiting);
    });
  }

  setMessage(text: string | null): void {
    this.message.textContent = text ?? '';
  }

  /** The button pauses while following, resumes while paused, and goes once nothing can come. */
  setButton(state: 'pause' | 'resume' | 'none'): void {
    this.button.hidden = state === 'none';
    this.button.textContent = state === 'resume' ? 'Resume' : 'Pause';
    this.button.dataset.state = state;
  }

  /** Says `text` once in the polite status region (saying the same thing twice says nothing new). */
  announce(text: string): void {
    if (text === this.lastAnnouncement) return;
    this.lastAnnouncement = text;
    this.announcer.textContent = text;
  }
}
