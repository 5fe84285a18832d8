/**
 * <run-program>: Run and Stop for the trace cell around it. Run checks the settings, starts the
 * program in a worker (the runner's code and the program are downloaded only now), and streams
 * its standard error into the cell line by line, where it is parsed, charted and judged as it
 * arrives; standard output is shown apart. Stop ends the worker at once.
 */
import type { ProgramRun, RunEnd } from '../run/run-client.ts';
import { endMessage, memoryCapBytes } from '../run/end-message.ts';
import type { ProgramDescription } from '../run/manifest.ts';
import type { ProgramInvocation } from '../run/program-args.ts';
import {
  commandLine,
  problemField,
  problemMessage,
  runInvocation,
  type RunForm,
} from '../run/run-command.ts';
import type { ProgramProfileKind } from '../run/protocol.ts';
import type { TraceCellElement } from './trace-cell.ts';
import type { ProfileViewElement } from './profile-view.ts';
import { plural } from '../gctrace/index.ts';

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

class RunProgramElement extends HTMLElement {
  private run: ProgramRun | null = null;
  private startedAt = 0;
  private stderrLines = 0;
  private stdoutLines: string[] = [];
  private stdoutFrame = 0;
  private progressTimer = 0;
  private program: ProgramDescription | null = null;
  private builds: BuildData[] = [];
  /** Counts the runs, so that a profile panel knows a new run from the one it compares. */
  private runNumber = 0;
  /** Profiles are asked for one after another: each press is answered in its turn. */
  private profileQueue: Promise<void> = Promise.resolve();

  connectedCallback(): void {
    if (this.program) return;
    this.program = JSON.parse(this.dataset.programDescription!) as ProgramDescription;
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
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-take-profile]')) {
      const kind = button.dataset.takeProfile as ProgramProfileKind;
      button.addEventListener('click', () => this.takeProfile(kind));
    }
  }

  private find<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private get cell(): TraceCellElement {
    return this.closest<TraceCellElement>('trace-cell')!;
  }

  /** The settings as the form holds them now. */
  private form(): RunForm {
    const form = this.find<HTMLFormElement>('[data-run-form]');
    const data = new FormData(form);
    const flags: RunForm['flags'] = JSON.parse(this.dataset.flags ?? '{}');
    for (const flag of this.program!.flags) {
      const input = form.elements.namedItem(`flag-${flag.name}`);
      if (!(input instanceof HTMLInputElement)) continue;
      flags[flag.name] =
        flag.type === 'bool'
          ? input.checked
          : input.value.trim() === ''
            ? NaN
            : Number(input.value);
    }
    return {
      flags,
      gogc: String(data.get('gogc') ?? ''),
      gomemlimit: String(data.get('gomemlimit') ?? ''),
      traces: ['gcpacertrace', 'scavtrace'].filter((trace) => data.get(trace) === 'on'),
    };
  }

  private build(): BuildData {
    const id = new FormData(this.find<HTMLFormElement>('[data-run-form]')).get('release');
    return this.builds.find((b) => b.id === id) ?? this.builds[0]!;
  }

  private showCommand(): void {
    const result = runInvocation(this.program!, this.form());
    // While a field is wrong the command stays as it was; Run says what is wrong.
    if (result.ok) {
      const { argv, env } = result.invocation;
      this.find('[data-command]').textContent = commandLine(argv, env);
    }
  }

  /**
   * The run the form describes; when something is wrong, each field at fault is marked, the
   * problems are listed, and the first field takes the focus (at the column named, if any).
   */
  private checkedInvocation(): ProgramInvocation | null {
    const form = this.find<HTMLFormElement>('[data-run-form]');
    const result = runInvocation(this.program!, this.form());
    for (const field of form.querySelectorAll('[aria-invalid]')) {
      field.removeAttribute('aria-invalid');
    }
    const problems = result.ok ? [] : result.problems;
    this.find('[data-problems]').replaceChildren(
      ...problems.map((problem) => {
        const p = document.createElement('p');
        p.textContent = problemMessage(problem);
        return p;
      }),
    );
    let first: HTMLElement | null = null;
    for (const problem of problems) {
      const field = form.elements.namedItem(problemField(problem));
      if (!(field instanceof HTMLElement)) continue;
      field.setAttribute('aria-invalid', 'true');
      if (first) continue;
      first = field;
      field.focus();
      if (field instanceof HTMLInputElement && field.type === 'text' && problem.column) {
        field.setSelectionRange(problem.column - 1, field.value.length);
      }
    }
    return result.ok ? result.invocation : null;
  }

  private async start(): Promise<void> {
    if (this.run) return;
    const invocation = this.checkedInvocation();
    if (!invocation) return;
    const build = this.build();
    const program = this.program!.name;
    // The program's own -d, as the invocation writes it (-d=15s), bounds the run.
    const duration = invocation.argv.map((arg) => /^-d=([\d.]+)s$/.exec(arg)).find(Boolean);
    const timeCapMs =
      (duration ? Number(duration[1]) + timeCapMarginSeconds : timeCapSeconds) * 1000;

    this.setRunning(true);
    this.runNumber++;
    this.setProfileButtons('starting');
    this.status(`Starting ${program} on ${build.goVersion}…`);
    this.stderrLines = 0;
    this.stdoutLines = [];
    this.showStdout();
    this.find('[data-share-row]').hidden = true;
    const cell = this.cell;
    cell.beginRun();
    // Comparisons name the release a cell's run was made with.
    cell.dataset.runRelease = build.goVersion;
    this.startedAt = now();
    const { startRun } = await import('../run/run-client.ts');
    this.run = startRun(
      {
        wasmUrl: new URL(build.wasmUrl, location.href).href,
        wasmExecUrl: new URL(build.wasmExecUrl, location.href).href,
        argv: invocation.argv,
        env: invocation.env,
        memoryCapBytes,
        timeCapMs,
      },
      {
        started: ({ at }) => {
          // The worker's clock: a page busy when the message arrived does not shorten the run.
          this.startedAt = at;
          this.setProfileButtons('running');
          this.status(`Running ${program} on ${build.goVersion}. Stop ends it at once.`);
          this.progressTimer = window.setInterval(() => this.showProgress(), 1000);
        },
        stderr: (lines) => {
          this.stderrLines += lines.length;
          cell.appendLines(lines);
        },
        stdout: (lines) => {
          // One at a time: a batch can hold more lines than a call takes arguments.
          for (const line of lines) this.stdoutLines.push(line);
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
    this.setProfileButtons(end.kind === 'failed' ? 'idle' : 'ended');
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
    // A profile button turns off with the run too: focus then goes to Run as well.
    const focusTurnsOff =
      document.activeElement === stop ||
      (document.activeElement as HTMLElement | null)?.dataset.takeProfile !== undefined;
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
    else if (focusTurnsOff || document.activeElement === document.body) run.focus();
  }

  // ---------------------------------------------------------------- profiles of the running program

  /** Enables the profile buttons while the program runs; the words under them say why not. */
  private setProfileButtons(state: 'idle' | 'starting' | 'running' | 'ended'): void {
    const help = this.querySelector('[data-profile-help]');
    if (!help) return;
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-take-profile]'))
      button.disabled = state !== 'running';
    help.textContent = {
      idle: 'Press Run first: a profile can only be taken from a running program.',
      starting: 'The program is starting: a profile can be taken once it runs.',
      running:
        'Each press asks the running program for a profile and puts it into the panel below: the first is the base, the next one is compared with it.',
      ended:
        'The program has ended: a profile can only be taken while it runs. Press Run to start it again.',
    }[state];
  }

  /** The panel on the page that takes this cell's profiles of `kind`. */
  private profilePanel(kind: ProgramProfileKind): ProfileViewElement | null {
    const cellId = this.dataset.cellId ?? '';
    return document.querySelector<ProfileViewElement>(
      `profile-view[data-run-cell="${CSS.escape(cellId)}"][data-expect="${kind}"]`,
    );
  }

  /** Asks the running program for a profile and hands it to the panel, after the presses before. */
  private takeProfile(kind: ProgramProfileKind): void {
    const run = this.run;
    if (!run) return;
    const runNumber = this.runNumber;
    const startedAt = this.startedAt;
    this.profileQueue = this.profileQueue.then(async () => {
      const panel = this.profilePanel(kind);
      if (!panel) {
        this.find('[data-problems]').replaceChildren(
          `No profile panel on this page takes the ${kind} profiles of this run.`,
        );
        return;
      }
      // The panel's script may still be on its way.
      await customElements.whenDefined('profile-view');
      const taken = await run.takeProfile(kind);
      if (!taken.ok) {
        panel.runProfileProblem(`The ${kind} profile could not be taken. ${taken.message}`);
        return;
      }
      try {
        await panel.addRunProfile({
          kind,
          bytes: taken.bytes,
          elapsedSeconds: Math.max(0, (taken.at - startedAt) / 1000),
          run: runNumber,
          cycles: this.cell.view.chartCycles
            .filter((c) => c.timeKnown !== false)
            .map((c) => ({ t: c.t, heapLive: c.heapLive, gc: c.gc, forced: c.forced })),
        });
      } catch (error) {
        panel.runProfileProblem(
          `The ${kind} profile could not be shown: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
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
    const result = await encodeShare({ text: this.cell.value });
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
