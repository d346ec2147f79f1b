// The search page's script, the only script of the site. It runs Pagefind on the ?q= that the
// header's search form sends, shows the results and filters, and keeps the URL in step so that a
// search can be shared. Without it the page still offers the browse lists.
// Pagefind loads on the first query only: its core, its WASM, and the index chunks for the words.

// `topic` is the metadata that scripts/search-index.ts gives a page that is the main page about a
// subject (a business area, a prefecture): twice the weight of a title (Pagefind's default 5), so
// that the area page comes before the many sites named after it.
const RANKING = { metaWeights: { topic: 10, title: 5 } };
const FILTERS = ["field", "area", "prefecture"];
// Five results at first, as Pagefind's own UI shows: each result loads its own fragment.
const PAGE_SIZE = 5;

const root = document.getElementById("search");
const text = root.dataset;
// The page's own search form (the header's is for wide screens only).
const form = document.querySelector("main form[role=search]");
const input = form.elements.q;
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const filterBox = document.getElementById("search-filters");

let pagefind = null;
let filtersLoaded = false;
let results = [];
let shown = 0;
let searchId = 0;

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => values[key]);

function load() {
  pagefind ??= import(`${text.bundle}pagefind.js`).then(async (module) => {
    // The web worker would be one more download; one search at a time runs fine on the page.
    await module.options({ noWorker: true, ranking: RANKING });
    return module;
  });
  return pagefind;
}

/** The query and the ticked filters, from the address bar. */
function readUrl() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const name of FILTERS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  return { q: (params.get("q") ?? "").trim(), filters };
}

function writeUrl(q, filters) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  for (const [name, values] of Object.entries(filters)) for (const value of values) params.append(name, value);
  const query = params.toString();
  history.pushState(null, "", query ? `?${query}` : location.pathname);
}

function tickedFilters() {
  const filters = {};
  for (const box of filterBox.querySelectorAll("input:checked")) (filters[box.name] ??= []).push(box.value);
  return filters;
}

async function search(q, filters) {
  const id = ++searchId;
  input.value = q;
  list.replaceChildren();
  list.setAttribute("aria-busy", "true");
  more.hidden = true;
  try {
    if (!q) {
      status.textContent = text.prompt;
      return;
    }
    status.textContent = text.loading;
    const module = await load();
    // Values of one filter are alternatives; different filters narrow each other.
    const any = Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values }]));
    const response = await module.search(q, { filters: any });
    if (id !== searchId) return;
    results = response.results;
    shown = 0;
    status.textContent = fill(results.length ? text.count : text.none, { q, n: results.length });
    if (filtersLoaded) showFilters(response, filters);
    await showMore(id);
  } catch (error) {
    status.textContent = text.error;
    console.error(error);
  } finally {
    if (id === searchId) list.setAttribute("aria-busy", "false");
  }
}

async function showMore(id) {
  const batch = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((result) => result.data()));
  if (id !== searchId) return;
  shown += batch.length;
  list.append(...batch.map(resultItem));
  more.hidden = shown >= results.length;
}

function resultItem(data) {
  const item = document.createElement("li");
  const link = item.appendChild(document.createElement("a"));
  link.href = data.url;
  link.textContent = data.meta.title;
  const about = item.appendChild(document.createElement("p"));
  about.className = "meta";
  const kind = data.meta.kind ?? "page";
  about.textContent = [text[`kind${kind[0].toUpperCase()}${kind.slice(1)}`], data.meta.place].filter(Boolean).join(" · ");
  const excerpt = item.appendChild(document.createElement("p"));
  // Pagefind's excerpt is escaped text with <mark> around the matches: rebuild it as nodes.
  for (const [i, part] of data.excerpt.split(/<\/?mark>/).entries()) {
    const plain = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    excerpt.append(i % 2 ? Object.assign(document.createElement("mark"), { textContent: plain }) : plain);
  }
  return item;
}

/** One checkbox per value that the query finds, with the number of results it would give. */
function showFilters(response, ticked) {
  const focused = filterBox.contains(document.activeElement) ? document.activeElement : null;
  for (const fieldset of filterBox.querySelectorAll("fieldset")) {
    const name = fieldset.dataset.filter;
    const counts = response.filters[name] ?? {};
    const totals = { ...Object.fromEntries((ticked[name] ?? []).map((value) => [value, 0])), ...response.totalFilters[name] };
    const values = Object.entries(totals)
      .filter(([value, total]) => total > 0 || ticked[name]?.includes(value))
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, document.documentElement.lang));
    fieldset.replaceChildren(fieldset.querySelector("legend"));
    for (const [value] of values) {
      const label = fieldset.appendChild(document.createElement("label"));
      const box = label.appendChild(Object.assign(document.createElement("input"), { type: "checkbox", name, value }));
      box.checked = Boolean(ticked[name]?.includes(value));
      label.append(` ${value} `, Object.assign(document.createElement("span"), { className: "count", textContent: counts[value] ?? 0 }));
      // The boxes are made anew for each search: keep the keyboard where it was.
      if (focused?.name === name && focused.value === value) box.focus();
    }
    fieldset.hidden = values.length === 0;
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const q = input.value.trim();
  const { filters } = readUrl();
  writeUrl(q, filters);
  search(q, filters);
});

filterBox.addEventListener("change", () => {
  const { q } = readUrl();
  const filters = tickedFilters();
  writeUrl(q, filters);
  search(q, filters);
});

// Filter data is one more download, made only when someone opens the filters.
filterBox.addEventListener("toggle", async () => {
  if (!filterBox.open || filtersLoaded) return;
  const module = await load();
  await module.filters();
  filtersLoaded = true;
  const { q, filters } = readUrl();
  search(q, filters);
});

more.addEventListener("click", async () => {
  const first = shown;
  await showMore(searchId);
  list.children[first]?.querySelector("a").focus();
});

window.addEventListener("popstate", () => {
  const { q, filters } = readUrl();
  search(q, filters);
});

document.getElementById("search-nojs").hidden = true;
root.hidden = false;
const start = readUrl();
if (Object.keys(start.filters).length) filterBox.open = true;
search(start.q, start.filters);
