/**
 * A trace watched live with `gctrace watch`, on the workbench opened as `/lab/?live=TOKEN`: the
 * event stream feeds the lines through a LiveFeed (one update at a time, paused on request) to
 * the view, and the live bar says where things are.
 */
import { LiveBar } from './live-bar.ts';
import { LiveFeed, type LiveFeedOptions } from './live-feed.ts';
import {
  connectLive,
  type LiveExit,
  type LiveHandlers,
  type LiveOptions,
  type LiveStatus,
} from './live-stream.ts';
import { liveAnnouncements, liveStatusText, liveWhatText } from './live-wording.ts';

/** What shows the live trace: the workbench's first slot, its charts and findings. */
export interface LiveView {
  /** Adds whole lines to the dataset (`end`: nothing more will come); resolves with its counts. */
  append(lines: string[], end: boolean): Promise<{ lines: number; cycles: number }>;
  /** Redraws the text, charts and findings for lines 1 … `lastLine`; resolves when drawn. */
  show(lastLine: number): Promise<void>;
  /** The last lines are in after the program's end: the trace is now like any other. */
  ended(): void;
  failed(message: string): void;
}

export interface LiveSessionOptions {
  connect?: (url: string, handlers: LiveHandlers, options?: LiveOptions) => { close(): void };
  streamOptions?: LiveOptions;
  feed?: LiveFeedOptions;
}

export class LiveSession {
  readonly feed: LiveFeed;
  readonly bar: LiveBar;
  private readonly url: string;
  private readonly view: LiveView;
  private readonly connect: NonNullable<LiveSessionOptions['connect']>;
  private readonly streamOptions: LiveOptions | undefined;
  private stream: { close(): void } | null = null;
  private counts = { lines: 0, cycles: 0 };
  private running = false;
  private lost = false;
  private exit: LiveExit | null = null;
  private endAnnounced = false;
  private closed = false;

  constructor(url: string, barRoot: HTMLElement, view: LiveView, options: LiveSessionOptions = {}) {
    this.url = url;
    this.view = view;
    this.connect = options.connect ?? connectLive;
    this.streamOptions = options.streamOptions;
    this.bar = new LiveBar(barRoot, () => this.toggle());
    this.feed = new LiveFeed(
      {
        append: async (lines, end) => {
          this.counts = await view.append(lines, end);
        },
        show: async (lastLine) => {
          await view.show(lastLine);
          if (this.feed.finished) this.finish();
        },
        failed: (error) => this.fail(error),
      },
      options.feed,
    );
    this.feed.onChange = () => this.showCounts();
  }

  start(): void {
    this.bar.show();
    this.bar.setPhase('connecting');
    this.bar.setButton('pause');
    this.bar.setMessage(liveStatusText({ state: 'connecting' }));
    this.showCounts();
    this.stream = this.connect(
      this.url,
      {
        onLines: (lines) => this.feed.receive(lines),
        onStatus: (status) => this.status(status),
        onExit: (exit) => this.ended(exit),
      },
      this.streamOptions,
    );
  }

  /** Stops following for good (the trace was cleared). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stream?.close();
    this.feed.stop();
    this.bar.setPhase('stopped');
    this.bar.setButton('none');
    this.bar.setMessage(liveStatusText({ state: 'closed' }));
  }

  /** Pause or Resume. */
  toggle(): void {
    const feed = this.feed;
    if (feed.paused) {
      const waiting = feed.waiting;
      feed.resume();
      this.bar.setPhase(
        this.exit ? 'ended' : this.lost ? (this.running ? 'reconnecting' : 'unreachable') : 'live',
      );
      this.bar.setButton(this.exit ? 'none' : 'pause');
      this.bar.announce(liveAnnouncements.resumed(waiting));
    } else {
      feed.pause();
      this.bar.setPhase('paused');
      this.bar.setButton('resume');
      this.bar.announce(liveAnnouncements.paused);
    }
  }

  private showCounts(): void {
    const feed = this.feed;
    this.bar.setCounts(this.counts.lines, this.counts.cycles, feed.paused ? feed.waiting : 0);
  }

  private status(status: LiveStatus): void {
    if (this.closed || this.exit !== null) return;
    const paused = this.feed.paused;
    if (status.state === 'running') {
      if (!this.running) {
        this.running = true;
        this.bar.setWhat(liveWhatText(status.what, status.source));
        this.bar.announce(liveAnnouncements.started(status.what, status.source));
      } else if (this.lost) this.bar.announce(liveAnnouncements.back);
      this.lost = false;
      this.bar.setPhase(paused ? 'paused' : 'live');
      this.bar.setMessage(null);
    } else if (status.state === 'reconnecting') {
      if (!this.lost)
        this.bar.announce(this.running ? liveAnnouncements.lost : liveAnnouncements.unreachable);
      this.lost = true;
      if (!paused) this.bar.setPhase(this.running ? 'reconnecting' : 'unreachable');
      this.bar.setMessage(liveStatusText(status, this.running));
    } else if (status.state === 'connecting' && !this.running) {
      this.bar.setMessage(liveStatusText(status));
    }
  }

  private ended(exit: LiveExit): void {
    if (this.closed) return;
    this.exit = exit;
    this.lost = false;
    this.bar.setWhat(liveWhatText(exit.what, exit.source));
    this.bar.setMessage(liveStatusText({ state: 'exited', ...exit }));
    if (!this.feed.paused) {
      this.bar.setPhase('ended');
      this.bar.setButton('none');
    }
    this.feed.end();
  }

  /** The dataset has the whole trace: say how it ended, once, with what it holds. */
  private finish(): void {
    if (this.endAnnounced || this.exit === null) return;
    this.endAnnounced = true;
    this.view.ended();
    this.bar.announce(liveAnnouncements.ended(this.exit, this.counts.lines, this.counts.cycles));
  }

  private fail(error: Error): void {
    this.stream?.close();
    this.closed = true;
    this.bar.setPhase('stopped');
    this.bar.setButton('none');
    this.bar.setMessage(`The live trace stopped: ${error.message}`);
    this.view.failed(`The live trace could not be read further: ${error.message}`);
  }
}
