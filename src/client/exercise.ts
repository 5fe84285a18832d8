/**
 * <trace-exercise>: checks the learner's answer to a predict-then-reveal question. The answer data
 * (computed at build time) is in data-answer; the result is announced through a live region. A
 * right answer dispatches a bubbling `exercisesolved` event whose detail is `{ id }` (data-exercise),
 * which the learner's progress listens for.
 */
import { checkAnswer, type Answer } from '../lesson/exercise-check.ts';

class TraceExercise extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('[data-form]');
    const result = this.querySelector<HTMLElement>('[data-result]');
    const raw = this.dataset.answer;
    if (form === null || result === null || raw === undefined) return;
    const answer = JSON.parse(raw) as Answer;
    const working = this.dataset.working ?? '';
    form.hidden = false;

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const given = String(data.get('answer') ?? '').trim();
      result.replaceChildren();
      if (given === '') {
        this.say(
          result,
          'invalid',
          answer.type === 'choice' ? 'Pick one of the answers first.' : 'Type an answer first.',
        );
        return;
      }
      const outcome = checkAnswer(answer, given);
      if (outcome.verdict === 'invalid') {
        this.say(
          result,
          'invalid',
          outcome.why ? `${outcome.why}.` : 'Type a number, for example 42 or 0.021.',
        );
        return;
      }
      if (outcome.verdict === 'right') {
        this.say(result, 'right', 'Right.', working);
        const detail = { id: this.dataset.exercise };
        if (detail.id)
          this.dispatchEvent(new CustomEvent('exercisesolved', { bubbles: true, detail }));
        return;
      }
      const shown =
        answer.type === 'choice'
          ? (answer.options.find((o) => o.value === given)?.label ?? given)
          : given;
      if (outcome.why !== undefined) {
        this.say(result, 'wrong', `Not quite: you answered ${shown}, but ${outcome.why}.`, working);
      } else {
        this.say(
          result,
          'wrong',
          `Not quite: ${shown} is not it. Try the hint, or show the answer.`,
        );
      }
    });
  }

  private say(
    result: HTMLElement,
    verdict: 'right' | 'wrong' | 'invalid',
    message: string,
    working?: string,
  ): void {
    result.dataset.verdict = verdict;
    const lead = document.createElement('span');
    lead.textContent = message;
    result.append(lead);
    if (working) {
      const detail = document.createElement('span');
      detail.className = 'ex-working';
      detail.textContent = working;
      result.append(detail);
    }
  }
}

if (!customElements.get('trace-exercise')) customElements.define('trace-exercise', TraceExercise);
