/**
 * <run-program>: Run and Stop for the trace cell around it. Run checks the settings, starts the
 * program in a worker (the runner's code and the program are downloaded only now), and streams
 * its standard error into the cell line by line, where it is parsed, charted and judged as it
 * arrives; standard output is shown apart. Stop ends the worker at once.
 */
import type { ProgramRun, RunEnd } from '../run/run-client.ts';
import { endMessage, memoryCapBytes } from '../run/end-message.ts';
import {
  commandLine,
  runArgv,
  runEnv,
  settingProblems,
  type FlagSpec,
  type RunSettings,
} from '../run/run-settings.ts';
import type { TraceCellElement } from './trace-cell.ts';

interface BuildData {
  id: string;
  goVersion: string;
  wasmUrl: string;
  wasmExecUrl: string;
  gzipBytes: number;
}

/** A run may take its -d and this much more (the download, a slow machine) before it is stopped. */
const timeCapMarginSeconds = 30;
/** A program without a -d flag may run this long. */
const timeCapSeconds = 120;
/** Standard output keeps its last lines only: progress lines, not a log. */
const stdoutLineLimit = 500;

/** Milliseconds since the epoch, on the clock the program's worker reports its start with. */
const now = () => performance.timeOrigin + performance.now();
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

class RunProgramElement extends HTMLElement {
  private run: ProgramRun | null = null;
  private startedAt = 0;
  private stderrLines = 0;
  private stdoutLines: string[] = [];
  private stdoutFrame = 0;
  private progressTimer = 0;
  private specs: FlagSpec[] = [];
  private builds: BuildData[] = [];

  connectedCallback(): void {
    if (this.specs.length > 0 || this.builds.length > 0) return;
    this.specs = JSON.parse(this.dataset.flagSpecs ?? '[]') as FlagSpec[];
    this.builds = JSON.parse(this.dataset.builds ?? '[]') as BuildData[];
    const form = this.find<HTMLFormElement>('[data-run-form]');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.start();
    });
    form.addEventListener('input', () => this.showCommand());
    this.find('[data-action="stop"]').addEventListener('click', () => this.run?.stop());
    const stdout = this.find('[data-stdout]');
    stdout.addEventListener('scroll', () => {
      this.followStdout = stdout.scrollTop + stdout.clientHeight >= stdout.scrollHeight - 4;
    });
    this.find('[data-stdout-box]').addEventListener('toggle', () => this.showStdout());
  }

  private find<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private get cell(): TraceCellElement {
    return this.closest<TraceCellElement>('trace-cell')!;
  }

  /** The settings as the form holds them now. */
  private settings(): RunSettings {
    const form = this.find<HTMLFormElement>('[data-run-form]');
    const data = new FormData(form);
    const flags: RunSettings['flags'] = JSON.parse(this.dataset.flags ?? '{}');
    for (const spec of this.specs) {
      const input = form.elements.namedItem(`flag-${spec.name}`);
      if (!(input instanceof HTMLInputElement)) continue;
      flags[spec.name] =
        spec.type === 'bool'
          ? input.checked
          : input.value.trim() === ''
            ? NaN
            : Number(input.value);
    }
    return {
      flags,
      gogc: String(data.get('gogc') ?? ''),
      gomemlimit: String(data.get('gomemlimit') ?? ''),
      gcpacertrace: data.get('gcpacertrace') === 'on',
      scavtrace: data.get('scavtrace') === 'on',
    };
  }

  private build(): BuildData {
    const id = new FormData(this.find<HTMLFormElement>('[data-run-form]')).get('release');
    return this.builds.find((b) => b.id === id) ?? this.builds[0]!;
  }

  private showCommand(): void {
    const settings = this.settings();
    this.find('[data-command]').textContent = commandLine(
      runArgv(this.dataset.program!, settings, this.specs),
      runEnv(settings),
    );
  }

  /** Marks the fields that cannot be used and says why; true when there were none. */
  private checkSettings(settings: RunSettings): boolean {
    const form = this.find<HTMLFormElement>('[data-run-form]');
    const problems = settingProblems(settings, this.specs);
    const box = this.find('[data-problems]');
    for (const field of form.querySelectorAll('[aria-invalid]'))
      field.removeAttribute('aria-invalid');
    box.replaceChildren(
      ...problems.map((problem) => {
        const p = document.createElement('p');
        p.textContent = problem.message;
        return p;
      }),
    );
    for (const problem of problems) {
      const field = form.elements.namedItem(
        problem.field === 'gogc' || problem.field === 'gomemlimit'
          ? problem.field
          : `flag-${problem.field}`,
      );
      if (field instanceof HTMLElement) field.setAttribute('aria-invalid', 'true');
    }
    const first = form.querySelector<HTMLElement>('[aria-invalid]');
    first?.focus();
    return problems.length === 0;
  }

  private async start(): Promise<void> {
    if (this.run) return;
    const settings = this.settings();
    if (!this.checkSettings(settings)) return;
    const build = this.build();
    const program = this.dataset.program!;
    const argv = runArgv(program, settings, this.specs);
    const duration = this.specs.some((s) => s.name === 'd' && s.type === 'duration')
      ? Number(settings.flags.d ?? this.specs.find((s) => s.name === 'd')!.default)
      : null;
    const timeCapMs = (duration === null ? timeCapSeconds : duration + timeCapMarginSeconds) * 1000;

    this.setRunning(true);
    this.status(`Starting ${program} on ${build.goVersion}…`);
    this.stderrLines = 0;
    this.stdoutLines = [];
    this.showStdout();
    this.find('[data-share-row]').hidden = true;
    const cell = this.cell;
    cell.beginRun();
    this.startedAt = now();
    const { startRun } = await import('../run/run-client.ts');
    this.run = startRun(
      {
        wasmUrl: new URL(build.wasmUrl, location.href).href,
        wasmExecUrl: new URL(build.wasmExecUrl, location.href).href,
        argv,
        env: runEnv(settings),
        memoryCapBytes,
        timeCapMs,
      },
      {
        started: ({ at }) => {
          // The worker's clock: a page busy when the message arrived does not shorten the run.
          this.startedAt = at;
          this.status(`Running ${program} on ${build.goVersion}. Stop ends it at once.`);
          this.progressTimer = window.setInterval(() => this.showProgress(), 1000);
        },
        stderr: (lines) => {
          this.stderrLines += lines.length;
          cell.appendLines(lines);
        },
        stdout: (lines) => {
          this.stdoutLines.push(...lines);
          if (this.stdoutLines.length > stdoutLineLimit) {
            this.stdoutLines.splice(0, this.stdoutLines.length - stdoutLineLimit);
          }
          this.stdoutFrame ||= requestAnimationFrame(() => this.showStdout());
        },
        ended: (end) => this.ended(end, program, build),
      },
    );
  }

  private ended(end: RunEnd, program: string, build: BuildData): void {
    const elapsed = now() - this.startedAt;
    this.run = null;
    window.clearInterval(this.progressTimer);
    this.cell.endRun();
    this.showStdout();
    this.setRunning(false);
    this.find('[data-progress]').textContent = '';
    this.status(endMessage(end, program, elapsed, this.stderrLines, navigator.onLine));
    if (end.kind !== 'failed') {
      void this.offerWorkbench();
      void import('../run/offline-cache.ts').then(({ keepForOffline }) =>
        keepForOffline([build.wasmUrl, build.wasmExecUrl]),
      );
    }
  }

  private setRunning(running: boolean): void {
    const run = this.find<HTMLButtonElement>('[data-action="run"]');
    const stop = this.find<HTMLButtonElement>('[data-action="stop"]');
    const stopHadFocus = document.activeElement === stop;
    run.disabled = running;
    stop.disabled = !running;
    this.toggleAttribute('data-running', running);
    for (const field of this.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      'fieldset input, fieldset select',
    )) {
      field.disabled = running;
    }
    // The pressed button turns off: focus goes to the one that takes over.
    if (running) stop.focus();
    else if (stopHadFocus || document.activeElement === document.body) run.focus();
  }

  private status(text: string): void {
    this.find('[data-status]').textContent = text;
  }

  private showProgress(): void {
    this.find('[data-progress]').textContent =
      `${Math.floor((now() - this.startedAt) / 1000)} s · ${plural(this.stderrLines, 'line')}`;
  }

  /** Standard output follows its last line unless the learner scrolled up to read. */
  private followStdout = true;

  private showStdout(): void {
    this.stdoutFrame = 0;
    this.find('[data-stdout-count]').textContent = `(${plural(this.stdoutLines.length, 'line')})`;
    // A closed box is filled when it opens: nothing to lay out meanwhile.
    if (!this.find<HTMLDetailsElement>('[data-stdout-box]').open) return;
    const pre = this.find('[data-stdout]');
    pre.textContent = this.stdoutLines.join('\n');
    if (this.followStdout) pre.scrollTop = pre.scrollHeight;
  }

  /** A link that opens the run's trace in the workbench, where it can be compared and shared. */
  private async offerWorkbench(): Promise<void> {
    const { encodeShare } = await import('../workbench/share.ts');
    const result = await encodeShare(this.cell.value);
    const row = this.find('[data-share-row]');
    if (!result.ok) {
      row.hidden = true;
      return;
    }
    this.find<HTMLAnchorElement>('[data-share]').href =
      `${this.dataset.workbench}#${result.fragment}`;
    row.hidden = false;
  }
}

customElements.define('run-program', RunProgramElement);
