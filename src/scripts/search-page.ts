/**
 * The search page (/tim-kiem/): reads the query and filters from the URL, runs the search
 * as the user types or changes a filter, and keeps the URL in step so results can be shared.
 * Filter counts follow the current results. Coming Back from a result restores how many
 * results were shown and the scroll position (sessionStorage, per URL).
 */
import { FILTERS } from '../lib/search/constants.ts';
import { QUERY_PROBLEM_TEXT } from '../lib/search/ranking.ts';
import { createEngine, type SearchOutcome, type SortOrder } from './search-engine.ts';
import { directHitItem, resultItem } from './search-render.ts';

const PAGE_SIZE = 10;
const SORTS: Record<string, SortOrder> = { '': 'relevance', moi: 'newest', cu: 'oldest' };
const STATE_KEY = 'tim-kiem:';

interface SavedState {
  shown: number;
  scrollY: number;
}

const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
if (form) start(form);

function start(form: HTMLFormElement): void {
  const base = form.dataset['base'] ?? '/';
  const engine = createEngine(base);
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = document.querySelector<HTMLElement>('[data-search-status]')!;
  const directBox = document.querySelector<HTMLElement>('[data-direct-hits]')!;
  const pagesBox = document.querySelector<HTMLElement>('[data-page-hits]')!;
  const resultsBox = document.querySelector<HTMLElement>('[data-results]')!;
  const list = resultsBox.querySelector('ol')!;
  const more = resultsBox.querySelector<HTMLButtonElement>('[data-more]')!;
  const details = form.querySelector<HTMLDetailsElement>('details[data-filters]');
  const active = form.querySelector<HTMLElement>('[data-filters-active]');
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];
  let generation = 0;
  let current: SearchOutcome | null = null;
  let shown = 0;

  // The page restores its own scroll once the results are back (they come after load).
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  const stateKey = () => STATE_KEY + location.search;
  const saveState = () => {
    try {
      sessionStorage.setItem(stateKey(), JSON.stringify({ shown, scrollY: Math.round(window.scrollY) } satisfies SavedState));
    } catch {
      /* storage full or refused: Back then starts at the top */
    }
  };
  const savedState = (): SavedState | null => {
    try {
      const raw = sessionStorage.getItem(stateKey());
      return raw ? (JSON.parse(raw) as SavedState) : null;
    } catch {
      return null;
    }
  };

  const showActive = () => {
    const n = selects.filter((s) => s.value && s.name !== 'sap_xep').length;
    if (active) active.textContent = n ? `(${n} bộ lọc đang chọn)` : '';
  };

  /**
   * Option labels show how many of the current results have each value. The engine counts
   * only the filters whose lists it has loaded (one file per filter key, fetched when the
   * filters are opened or a filter is used: an unseen count is not worth the download), and
   * until then an option shows no number rather than one that does not belong to the results.
   */
  const initialLabels = new Map<HTMLOptionElement, string>();
  for (const s of selects) for (const o of s.options) initialLabels.set(o, o.textContent ?? '');
  const showCounts = (counts: Record<string, Record<string, number>> | null) => {
    for (const s of selects) {
      for (const o of s.options) {
        const label = o.dataset['label'];
        if (label === undefined) continue;
        const mine = counts?.[s.name];
        o.textContent = counts === null ? initialLabels.get(o)! : mine ? `${label} (${mine[label] ?? 0})` : label;
      }
    }
  };

  const fromUrl = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    for (const s of selects) {
      const value = params.get(s.name) ?? '';
      // A value not among the options (an old link, a typo) is dropped rather than silently kept.
      s.value = [...s.options].some((o) => o.value === value) ? value : '';
    }
    showActive();
    if (details && selects.some((s) => s.value)) details.open = true;
  };

  const toUrl = (push: boolean) => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const s of selects) if (s.value) params.set(s.name, s.value);
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
  };

  const showMore = async (count = PAGE_SIZE) => {
    if (!current) return;
    const mine = generation;
    const page = await current.page(shown, count);
    if (mine !== generation) return;
    list.append(...page.map(resultItem));
    shown += page.length;
    more.hidden = shown >= current.listed;
  };

  const run = async (restore: SavedState | null = null) => {
    const mine = ++generation;
    const filters: Record<string, string> = {};
    for (const [key] of FILTERS) {
      const s = selects.find((x) => x.name === key);
      if (s?.value) filters[key] = s.value;
    }
    const sort = SORTS[selects.find((x) => x.name === 'sap_xep')?.value ?? ''] ?? 'relevance';
    const query = input.value;
    const clear = () => {
      directBox.hidden = true;
      pagesBox.hidden = true;
      resultsBox.hidden = true;
      current = null;
    };
    if (!query.trim() && !Object.keys(filters).length) {
      status.textContent = 'Nhập số hiệu hoặc từ khóa, hoặc chọn một bộ lọc.';
      clear();
      showCounts(null);
      form.dataset['searched'] = query;
      return;
    }
    status.textContent = 'Đang tìm…';
    form.setAttribute('aria-busy', 'true');
    try {
      const outcome = await engine.run({ query, filters, sort });
      if (mine !== generation) return;
      if (outcome.problem) {
        clear();
        status.textContent = QUERY_PROBLEM_TEXT[outcome.problem];
        return;
      }
      current = outcome;
      shown = 0;
      directBox.querySelector('ul')!.replaceChildren(...outcome.direct.map((hit) => directHitItem(hit, base)));
      directBox.hidden = outcome.direct.length === 0;
      pagesBox.querySelector('ul')!.replaceChildren(
        ...outcome.pages.map((p) => {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = p.url;
          a.textContent = p.title;
          li.append(a, document.createTextNode(p.details.length ? ` (${p.details.join(', ')})` : ''));
          return li;
        }),
      );
      pagesBox.hidden = outcome.pages.length === 0;
      list.replaceChildren();
      resultsBox.hidden = outcome.listed === 0;
      await showMore(Math.max(PAGE_SIZE, restore?.shown ?? 0));
      if (mine !== generation) return;
      showCounts(outcome.counts);
      const searched = outcome.corrected ?? outcome.query.exact;
      const shownQuery = searched ? ` cho “${searched}”` : '';
      const correctedNote = outcome.corrected ? ` (không có kết quả cho “${outcome.query.exact}”, đã sửa một chữ gõ nhầm)` : '';
      if (outcome.total === 0 && outcome.direct.length === 0 && outcome.pages.length === 0) {
        status.textContent = `Không tìm thấy văn bản nào${shownQuery}. Hãy thử từ khóa khác, viết ít chữ hơn hoặc bỏ bớt bộ lọc.`;
      } else {
        status.textContent = `Tìm thấy ${outcome.total} văn bản${shownQuery}${correctedNote}.`;
      }
      if (restore) window.scrollTo(0, restore.scrollY);
    } catch (error) {
      if (mine !== generation) return;
      console.error(error);
      status.textContent = 'Không tải được bộ tìm kiếm. Hãy kiểm tra kết nối rồi tải lại trang.';
    } finally {
      if (mine === generation) {
        form.removeAttribute('aria-busy');
        // Lets tests (and anything else) tell which query the shown results belong to.
        form.dataset['searched'] = query;
      }
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      toUrl(false);
      void run();
    }, 250);
  });
  for (const s of selects) {
    s.addEventListener('change', () => {
      toUrl(false);
      showActive();
      void run();
    });
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    toUrl(true);
    void run();
  });
  more.addEventListener('click', () => void showMore());
  let filtersLoaded = false;
  details?.addEventListener('toggle', () => {
    if (!details.open || filtersLoaded) return;
    filtersLoaded = true;
    void engine.filterValues().then(() => {
      if (current) void run({ shown, scrollY: window.scrollY });
    });
  });
  window.addEventListener('popstate', () => {
    fromUrl();
    void run(savedState());
  });
  // Leaving for a result (or anywhere): remember how far the reader got.
  window.addEventListener('pagehide', saveState);

  fromUrl();
  form.dataset['ready'] = 'true';
  void run(savedState());
}
