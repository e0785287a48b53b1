/**
 * Quick results under the header search box. The engine (and with it the search index) is imported
 * on the first focus or keystroke, never on page load. Enter still submits the form to the
 * search page, so the box behaves like a plain form for keyboard and no-JS users.
 */
import type { SearchEngine } from './search-engine.ts';

const QUICK_RESULTS = 5;

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-box]')) enhance(form);

function enhance(form: HTMLFormElement): void {
  const base = form.dataset['base'] ?? '/';
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const panel = form.querySelector<HTMLElement>('[data-search-panel]')!;
  const status = panel.querySelector<HTMLElement>('[role="status"]')!;
  const list = panel.querySelector('ul')!;
  const all = panel.querySelector<HTMLAnchorElement>('.search-box__all')!;
  // On the search page the page itself shows results; the box stays a plain form there.
  if (document.querySelector('form[data-search-page]')) return;

  let engine: Promise<SearchEngine> | null = null;
  const load = () => {
    engine ??= import('./search-engine.ts').then((m) => m.createEngine(base));
    engine.catch(() => {
      engine = null;
    });
    return engine;
  };
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };

  const update = async () => {
    const mine = ++generation;
    const query = input.value.trim();
    if (!query) {
      close();
      return;
    }
    all.href = `${base}tim-kiem/?q=${encodeURIComponent(query)}`;
    try {
      const [render, eng] = await Promise.all([import('./search-render.ts'), load()]);
      const outcome = await eng.run({ query, filters: {}, sort: 'relevance' });
      const page = await outcome.page(0, QUICK_RESULTS);
      if (mine !== generation) return;
      if (outcome.problem) {
        const { QUERY_PROBLEM_TEXT } = await import('../lib/search/ranking.ts');
        list.replaceChildren();
        status.textContent = QUERY_PROBLEM_TEXT[outcome.problem];
        panel.hidden = false;
        return;
      }
      list.replaceChildren(...outcome.direct.slice(0, 3).map((hit) => render.directHitItem(hit, base)), ...page.map(render.resultItem));
      status.textContent = outcome.direct.length || outcome.total ? `${outcome.total} kết quả` : 'Không tìm thấy văn bản nào.';
      panel.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    } catch (error) {
      if (mine !== generation) return;
      console.error(error);
      status.textContent = 'Không tải được bộ tìm kiếm.';
      list.replaceChildren();
      panel.hidden = false;
    }
  };

  input.addEventListener('focus', () => void load(), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 200);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
    if (event.key === 'ArrowDown' && !panel.hidden) {
      event.preventDefault();
      panel.querySelector<HTMLAnchorElement>('a')?.focus();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
}
