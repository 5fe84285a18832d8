/**
 * <profile-view>: a heap or goroutine profile, or two compared, read in the page. Configured by
 * data-base-url / data-later-url (sample profiles, with data-*-name and data-*-elapsed), or with
 * data-open, file pickers and dropping for the reader's own (kept in this browser). Sample type
 * and granularity are chosen with the controls; the report is the flame graph and its top table.
 * Inside the workbench it listens for the trace's `traceview` and marks the profiles' moments on
 * the trace's time axis.
 */
import type { ChartRange } from '../workbench/chart-range.ts';
import { unpackCycles } from '../charts/packed-cycles.ts';
import { loadBig, saveBig } from '../workbench/storage.ts';
import { readStored, removeStored, writeStored } from '../site/browser-storage.ts';
import type { Granularity } from '../profile/index.ts';
import {
  sampleTypeWords,
  takenSentence,
  type ProfileReport,
  type TakenProfileInfo,
} from '../profile-view/report.ts';
import { ProfileWorker } from '../profile-view/worker-client.ts';
import { renderReport } from '../profile-view/render.ts';
import { renderTimeline, type TimelineCycle } from '../profile-view/timeline.ts';
import { pageElement as el } from '../site/dom.ts';
import { onceNear } from './once-near.ts';

type Which = 'base' | 'later';

/** A profile the program running in the panel's cell handed over (data-run-cell). */
export interface RunProfile {
  kind: 'heap' | 'goroutine';
  /** Gzipped pprof protobuf. */
  bytes: Uint8Array;
  /** Seconds since the program started, on the run's clock. */
  elapsedSeconds: number;
  /** Which run of the cell it comes from: a new run starts a new comparison. */
  run: number;
  /** The run's trace so far, to place the profiles on its time axis. */
  cycles: TimelineCycle[];
}

class ProfileViewElement extends HTMLElement {
  /** What each slot holds (the profiles themselves live in the worker). */
  private loaded: Record<Which, { name: string; elapsedSeconds: number | null } | null> = {
    base: null,
    later: null,
  };
  private worker!: ProfileWorker;
  /** Counts renders, so that a report that arrives after a newer one was asked for is dropped. */
  private renders = 0;
  private problems: Record<Which, string> = { base: '', later: '' };
  private cycles: TimelineCycle[] | null = null;
  private domain: [number, number] | null = null;
  private started = false;
  /** Reading the panel's profiles, once begun (see `startWhenNear`). */
  private startJob: Promise<void> | null = null;
  /** The report last drawn. */
  private shown: ProfileReport | null = null;
  /** The run the profiles of a run panel come from, and how many it has handed over. */
  private runProfiles = { run: -1, count: 0 };

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    this.worker = new ProfileWorker();
    const prefix = this.dataset.id ?? 'profile';
    this.find('[data-sample-type]')?.addEventListener('change', () => this.render());
    for (const input of this.querySelectorAll<HTMLInputElement>('[data-granularity] input'))
      input.addEventListener('change', () => this.render());
    if (this.dataset.open !== undefined) this.wireFiles();
    const workbench = this.closest('trace-workbench');
    workbench?.addEventListener('traceview', (event) => {
      const view = (event as CustomEvent<ChartRange | null>).detail;
      this.cycles = view
        ? unpackCycles(view.cycles.heap).map((c) => ({
            t: c.t,
            heapLive: c.heapLive,
            gc: c.gc,
            forced: c.forced,
          }))
        : null;
      this.domain = view ? view.domain : null;
      this.renderTimeline();
    });
    // A lesson's panel carries the trace of the same run, parsed at build time.
    if (this.dataset.traceCycles) {
      try {
        this.cycles = JSON.parse(this.dataset.traceCycles) as TimelineCycle[];
        const last = this.cycles[this.cycles.length - 1];
        this.domain = last ? [0, Math.ceil(last.t)] : null;
      } catch {
        this.cycles = null;
      }
    }
    this.dataset.script = 'ready';
    this.startWhenNear(prefix);
  }

  /**
   * A lesson's sample panel is drawn at build time, so reading its profiles (a fetch, a worker
   * and a second drawing of the same report) waits until the reader nears it or reaches for a
   * control: a long lesson then loads without laying its panels out twice.
   */
  private startWhenNear(prefix: string): void {
    const begin = () => {
      if (!this.startJob) this.startJob = this.start(prefix);
    };
    const hasSample = this.dataset.baseUrl !== undefined || this.dataset.laterUrl !== undefined;
    if (!hasSample) {
      begin();
      return;
    }
    const stopWatching = onceNear(this, begin, '600px 0px');
    const reachedFor = () => {
      stopWatching();
      begin();
    };
    this.addEventListener('focusin', reachedFor, { once: true });
    this.addEventListener('pointerdown', reachedFor, { once: true });
  }

  private find<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.querySelector<T>(selector);
  }

  private async start(prefix: string): Promise<void> {
    const jobs: Promise<void>[] = [];
    for (const which of ['base', 'later'] as const) {
      const url = this.dataset[`${which}Url`];
      if (url) jobs.push(this.fetchSample(which, url));
      else if (this.dataset.open !== undefined) jobs.push(this.restore(which));
    }
    await Promise.all(jobs);
    await this.render();
    this.dataset.ready = 'true';
    void prefix;
  }

  private async fetchSample(which: Which, url: string): Promise<void> {
    try {
      await this.accept(which, await bytesAt(url), {
        name: this.dataset[`${which}Name`] ?? url,
        elapsed: this.dataset[`${which}Elapsed`] ? Number(this.dataset[`${which}Elapsed`]) : null,
      });
    } catch (error) {
      this.problems[which] =
        `The sample profile could not be fetched (${(error as Error).message}).`;
    }
  }

  /** Reads bytes into a slot; a problem leaves the slot's earlier profile in place. */
  private async accept(
    which: Which,
    bytes: Uint8Array,
    source: { name: string; elapsed: number | null },
  ): Promise<boolean> {
    const expect = (this.dataset.expect as 'heap' | 'goroutine' | undefined) ?? 'heap or goroutine';
    let problem: string | null;
    try {
      problem = await this.worker.read(which, bytes, expect, source.name, source.elapsed);
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem !== null) {
      this.problems[which] = `${source.name}: ${problem}`;
      return false;
    }
    this.problems[which] = '';
    this.loaded[which] = { name: source.name, elapsedSeconds: source.elapsed };
    return true;
  }

  // ---------------------------------------------------------------- the reader's own files

  private wireFiles(): void {
    for (const which of ['base', 'later'] as const) {
      const input = this.find<HTMLInputElement>(`[data-profile-file="${which}"]`);
      input?.addEventListener('change', () => {
        const file = input.files?.[0];
        if (file) void this.openFile(which, file);
        input.value = '';
      });
      const time = this.find<HTMLInputElement>(`[data-profile-time="${which}"]`);
      time?.addEventListener('change', () => {
        const loaded = this.loaded[which];
        const value = time.value.trim() === '' ? null : Number(time.value);
        if (loaded) {
          loaded.elapsedSeconds = value !== null && Number.isFinite(value) ? value : null;
          void this.worker.time(which, loaded.elapsedSeconds);
          if (this.dataset.open !== undefined)
            writeStored(
              'local',
              `gctrace-lab:profile-${which}`,
              JSON.stringify({ elapsed: loaded.elapsedSeconds }),
            );
        }
        void this.render();
      });
      this.find(`[data-action="clear-${which}"]`)?.addEventListener('click', () => {
        this.loaded[which] = null;
        void this.worker.clear(which);
        this.problems[which] = '';
        removeStored('local', `gctrace-lab:profile-${which}`);
        void saveBig(`profile-${which}`, new File([], ''));
        void this.render();
      });
    }
    this.addEventListener('dragover', (event) => {
      if (event.dataTransfer?.types.includes('Files')) {
        event.preventDefault();
        this.classList.add('is-dropping');
      }
    });
    this.addEventListener('dragleave', () => this.classList.remove('is-dropping'));
    this.addEventListener('drop', (event) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      // The drop must not reach the trace slot around it.
      event.stopPropagation();
      this.classList.remove('is-dropping');
      void this.openDropped(files);
    });
  }

  /** One file is the later profile; two are base and later, oldest first by name. */
  private async openDropped(files: File[]): Promise<void> {
    if (files.length === 1) {
      await this.openFile(this.loaded.later ? 'later' : 'later', files[0]!);
      return;
    }
    const [first, second] = files.slice(0, 2).sort((a, b) => a.name.localeCompare(b.name));
    await this.openFile('base', first!);
    await this.openFile('later', second!);
  }

  private async openFile(which: Which, file: File): Promise<void> {
    const status = this.find('[data-profile-status]');
    if (status) status.textContent = `Reading ${file.name}…`;
    const ok = await this.accept(which, new Uint8Array(await file.arrayBuffer()), {
      name: file.name,
      elapsed: this.typedTime(which),
    });
    await this.render();
    if (ok) {
      // Kept in this browser, like the workbench's trace, so a reload loses nothing.
      writeStored(
        'local',
        `gctrace-lab:profile-${which}`,
        JSON.stringify({ elapsed: this.typedTime(which) }),
      );
      const saved = await saveBig(`profile-${which}`, file);
      if (saved !== 'saved' && status)
        status.textContent +=
          ' (It could not be kept in this browser: it will be gone after a reload.)';
    }
  }

  private typedTime(which: Which): number | null {
    const input = this.find<HTMLInputElement>(`[data-profile-time="${which}"]`);
    const value = input && input.value.trim() !== '' ? Number(input.value) : NaN;
    return Number.isFinite(value) ? value : null;
  }

  private async restore(which: Which): Promise<void> {
    const saved = readStored('local', `gctrace-lab:profile-${which}`);
    if (!saved) return;
    const file = await loadBig(`profile-${which}`);
    if (!file || file.size === 0) return;
    let elapsed: number | null = null;
    try {
      elapsed = (JSON.parse(saved) as { elapsed: number | null }).elapsed;
    } catch {
      // An unreadable note only loses the time.
    }
    const time = this.find<HTMLInputElement>(`[data-profile-time="${which}"]`);
    if (time && elapsed !== null) time.value = String(elapsed);
    await this.accept(which, new Uint8Array(await file.arrayBuffer()), {
      name: file.name,
      elapsed,
    });
  }

  // ---------------------------------------------------------------- profiles of a running program

  /**
   * Takes a profile the running program handed over: the run's first is the base, each later
   * one the later profile (the base stays), and a new run starts over. The status, a polite live
   * region, then says what grew. Resolves once the panel shows it.
   */
  async addRunProfile(taken: RunProfile): Promise<void> {
    if (taken.run !== this.runProfiles.run) {
      this.runProfiles = { run: taken.run, count: 0 };
      if (this.loaded.later) {
        this.loaded.later = null;
        await this.worker.clear('later');
      }
    }
    const number = ++this.runProfiles.count;
    const which: Which = number === 1 ? 'base' : 'later';
    const ok = await this.accept(which, taken.bytes, {
      name: `${taken.kind} profile ${number}`,
      elapsed: taken.elapsedSeconds,
    });
    if (!ok && number === 1) this.runProfiles.count = 0;
    else if (!ok) this.runProfiles.count--;
    const last = taken.cycles.at(-1);
    this.cycles = taken.cycles;
    // The axis runs to the later of the last collection and the latest profile.
    this.domain = [0, Math.max(1, Math.ceil(Math.max(last?.t ?? 0, taken.elapsedSeconds)))];
    await this.render();
    const status = this.find('[data-profile-status]');
    if (ok && this.shown && status) {
      const info: TakenProfileInfo = {
        kind: taken.kind,
        number,
        elapsedSeconds: taken.elapsedSeconds,
      };
      status.textContent = takenSentence(info, this.shown);
    }
  }

  /** Says why a profile of the running program did not arrive (an alert: it was asked for). */
  runProfileProblem(message: string): void {
    this.find('[data-profile-error]')?.replaceChildren(el('p', {}, message));
  }

  // ---------------------------------------------------------------- drawing

  private choices(): { sampleType: string | null; granularity: Granularity } {
    const select = this.find<HTMLSelectElement>('[data-sample-type]');
    const lines = this.find<HTMLInputElement>('[data-granularity] input[value="lines"]');
    return {
      sampleType: select?.value || null,
      granularity: lines?.checked ? 'lines' : 'functions',
    };
  }

  /** Draws what the slots hold; resolves when it is on the page (or a newer render took over). */
  private render(): Promise<void> {
    // Before its profiles are read the panel keeps the report drawn at build time; the start
    // draws with the choices made by then.
    if (!this.startJob) return Promise.resolve();
    const generation = ++this.renders;
    return this.draw(generation).catch((error: Error) => {
      if (generation === this.renders)
        this.find('[data-profile-error]')?.replaceChildren(el('p', {}, error.message));
    });
  }

  private async draw(generation: number): Promise<void> {
    const errors = [this.problems.base, this.problems.later].filter(Boolean);
    this.find('[data-profile-error]')?.replaceChildren(...errors.map((m) => el('p', {}, m)));
    const status = this.find('[data-profile-status]');
    const host = this.find('[data-report]');
    if (!host) return;
    const { base, later } = this.loaded;
    const only = later ?? base;
    for (const which of ['base', 'later'] as const) {
      const name = this.find(`[data-profile-name="${which}"]`);
      if (name) name.textContent = this.loaded[which]?.name ?? 'none';
    }
    this.renderTimeline();
    if (!only) {
      host.replaceChildren();
      this.shown = null;
      if (status) status.textContent = this.dataset.emptyText ?? 'No profile yet.';
      this.syncSampleTypes([]);
      return;
    }
    this.dataset.busy = 'true';
    const report = await this.worker.report(this.choices());
    if (generation !== this.renders) return;
    delete this.dataset.busy;
    if (report === null) return;
    if (typeof report === 'string') {
      this.find('[data-profile-error]')?.append(el('p', {}, report));
      return;
    }
    this.shown = report;
    this.syncSampleTypes(report.sampleTypes, report.sampleType);
    const id = this.dataset.id ?? 'profile';
    // The graph's viewBox follows the panel's width, so that its text stays legible on a phone.
    const width = Math.round(host.clientWidth) || undefined;
    const drawn = renderReport(document, report, id, { width });
    host.replaceChildren(drawn.root);
    if (status) {
      status.textContent = report.diff
        ? `Comparing ${base!.name} (base) with ${later!.name}.`
        : `Showing ${only.name}${base && !later ? ' (load a later profile to compare)' : ''}.`;
    }
    this.dataset.sampleType = report.sampleType;
  }

  /** Keeps the sample type selector's options those of the profile shown. */
  private syncSampleTypes(types: string[], chosen?: string): void {
    const select = this.find<HTMLSelectElement>('[data-sample-type]');
    if (!select) return;
    const current = [...select.options].map((o) => o.value).join(',');
    if (current !== types.join(',')) {
      select.replaceChildren(
        ...types.map((t) => {
          const option = el('option', { value: t }, t);
          const words = sampleTypeWords[t];
          if (words) option.title = words;
          return option;
        }),
      );
    }
    if (chosen) select.value = chosen;
    select.disabled = types.length < 2;
    const help = this.find('[data-sample-help]');
    if (help) help.textContent = chosen ? (sampleTypeWords[chosen] ?? '') : '';
  }

  private renderTimeline(): void {
    const host = this.find('[data-timeline]');
    if (!host) return;
    const marks = (['base', 'later'] as const)
      .filter((w) => this.loaded[w])
      .map((w) => ({
        label: w === 'base' ? 'base' : this.loaded.base ? 'later' : 'profile',
        name: this.loaded[w]!.name,
        t: this.loaded[w]!.elapsedSeconds,
      }));
    host.replaceChildren(
      renderTimeline(document, {
        cycles: this.cycles,
        domain: this.domain,
        marks,
        trace: this.dataset.traceName ?? null,
      }),
    );
  }
}

customElements.define('profile-view', ProfileViewElement);

export type { ProfileViewElement };

/**
 * The bytes behind a sample profile's address. The build inlines small files as data: URLs, and
 * the page's Content-Security-Policy lets fetch reach only the site itself, so those are decoded
 * here instead of fetched.
 */
async function bytesAt(url: string): Promise<Uint8Array> {
  const inline = /^data:[^,]*;base64,(.*)$/s.exec(url);
  if (inline) return Uint8Array.from(atob(inline[1]!), (char) => char.charCodeAt(0));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}
