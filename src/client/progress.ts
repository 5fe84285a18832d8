/**
 * The learner's progress in the page: a lesson page notes that it was opened and which of its
 * exercises were answered right (the `exercisesolved` event of <trace-exercise>), and
 * <lesson-progress> marks each lesson of the list it wraps and offers to clear the record.
 */
import {
  clearProgress,
  describeLessonProgress,
  hasProgress,
  lessonOfPath,
  loadProgress,
  progressKey,
  recordOpened,
  recordSolved,
} from '../site/progress.ts';
import { browserStorage } from '../site/browser-storage.ts';

const base = import.meta.env.BASE_URL;

const localStore = () => browserStorage('local');

const lesson = lessonOfPath(location.pathname, base);
if (lesson !== null) {
  recordOpened(localStore(), lesson);
  document.addEventListener('exercisesolved', (event) => {
    const id = (event as CustomEvent<{ id?: unknown }>).detail?.id;
    if (typeof id === 'string' && id !== '') recordSolved(localStore(), lesson, id);
  });
}

class LessonProgressList extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-progress-clear]');
    const status = this.querySelector<HTMLElement>('[data-progress-status]');
    this.show();
    button?.addEventListener('click', () => {
      const outcome = clearProgress(localStore());
      this.show();
      if (status) {
        status.textContent =
          outcome === 'saved'
            ? 'Your progress is cleared.'
            : 'Your progress could not be cleared: this browser does not let the site use its storage.';
      }
      // The button is gone: keep the focus on the list rather than losing it to the page.
      this.querySelector<HTMLElement>('a')?.focus();
    });
    // Another tab opened a lesson or solved an exercise.
    window.addEventListener('storage', (event) => {
      if (event.key === progressKey || event.key === null) this.show();
    });
  }

  private show(): void {
    const progress = loadProgress(localStore());
    for (const mark of this.querySelectorAll<HTMLElement>('[data-progress-lesson]')) {
      const entry = progress.lessons[mark.dataset.progressLesson ?? ''];
      const exercises = (mark.dataset.exercises ?? '').split(' ').filter(Boolean);
      const text = describeLessonProgress(entry, exercises);
      mark.textContent = text;
      mark.hidden = text === '';
    }
    const button = this.querySelector<HTMLButtonElement>('[data-progress-clear]');
    if (button) button.hidden = !hasProgress(progress);
  }
}

if (!customElements.get('lesson-progress')) {
  customElements.define('lesson-progress', LessonProgressList);
}
