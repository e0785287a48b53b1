/**
 * The search page (/tim-kiem/): reads the query and filters from the URL, runs the search
 * as the user types or changes a filter, and keeps the URL in step so results can be shared.
 */
import { FILTERS } from '../lib/search/constants.ts';
import { createEngine, type SearchOutcome, type SortOrder } from './search-engine.ts';
import { directHitItem, resultItem } from './search-render.ts';

const PAGE_SIZE = 10;
const SORTS: Record<string, SortOrder> = { '': 'relevance', moi: 'newest', cu: 'oldest' };

const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
if (form) start(form);

function start(form: HTMLFormElement): void {
  const base = form.dataset['base'] ?? '/';
  const engine = createEngine(base);
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = document.querySelector<HTMLElement>('[data-search-status]')!;
  const directBox = document.querySelector<HTMLElement>('[data-direct-hits]')!;
  const resultsBox = document.querySelector<HTMLElement>('[data-results]')!;
  const list = resultsBox.querySelector('ol')!;
  const more = resultsBox.querySelector<HTMLButtonElement>('[data-more]')!;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];
  let generation = 0;
  let current: SearchOutcome | null = null;
  let shown = 0;

  const fromUrl = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    for (const s of selects) {
      const value = params.get(s.name) ?? '';
      // A value not among the options (an old link, a typo) is dropped rather than silently kept.
      s.value = [...s.options].some((o) => o.value === value) ? value : '';
    }
  };

  const toUrl = (push: boolean) => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const s of selects) if (s.value) params.set(s.name, s.value);
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
  };

  const showMore = async () => {
    if (!current) return;
    const mine = generation;
    const page = await current.page(shown, PAGE_SIZE);
    if (mine !== generation) return;
    list.append(...page.map(resultItem));
    shown += page.length;
    more.hidden = shown >= current.total;
  };

  const run = async () => {
    const mine = ++generation;
    const filters: Record<string, string> = {};
    for (const [key] of FILTERS) {
      const s = selects.find((x) => x.name === key);
      if (s?.value) filters[key] = s.value;
    }
    const sort = SORTS[selects.find((x) => x.name === 'sap_xep')?.value ?? ''] ?? 'relevance';
    const query = input.value;
    if (!query.trim() && !Object.keys(filters).length) {
      status.textContent = 'Nhập số hiệu hoặc từ khóa, hoặc chọn một bộ lọc.';
      directBox.hidden = true;
      resultsBox.hidden = true;
      current = null;
      form.dataset['searched'] = query;
      return;
    }
    status.textContent = 'Đang tìm…';
    form.setAttribute('aria-busy', 'true');
    try {
      const outcome = await engine.run({ query, filters, sort });
      if (mine !== generation) return;
      current = outcome;
      shown = 0;
      const directList = directBox.querySelector('ul')!;
      directList.replaceChildren(...outcome.direct.map((hit) => directHitItem(hit, base)));
      directBox.hidden = outcome.direct.length === 0;
      list.replaceChildren();
      resultsBox.hidden = outcome.total === 0;
      await showMore();
      if (mine !== generation) return;
      const shownQuery = outcome.query.exact ? ` cho “${outcome.query.exact}”` : '';
      if (outcome.total === 0 && outcome.direct.length === 0) {
        status.textContent = `Không tìm thấy văn bản nào${shownQuery}. Hãy thử từ khóa khác, viết ít chữ hơn hoặc bỏ bớt bộ lọc.`;
      } else {
        status.textContent = `Tìm thấy ${outcome.total} kết quả${shownQuery}.`;
      }
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
  window.addEventListener('popstate', () => {
    fromUrl();
    void run();
  });

  fromUrl();
  form.dataset['ready'] = 'true';
  void run();
}
