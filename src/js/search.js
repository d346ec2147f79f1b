// The search page's script, the only script of the site. It runs Pagefind on the ?q= that a search
// form sends and shows the results in groups: jobs, kinds of work (business areas), sites and
// pages, each group in the order of its best result, jobs first when the query reads as a job
// search. It keeps the address in step so that a search can be shared. Without it the page still
// offers the lists to browse. Pagefind loads on the first query only: its core, its WASM, and the
// index chunks of the words; a result's own file ("fragment") loads only when the result is shown.
//
// How results are told apart without loading them (scripts/steps/search-index.ts): every page but
// a site has a `kind` filter (job, area, page), so a search for each kind, over the same loaded
// chunks, gives its group, and the sites are the rest.

import { canonicalForm, isKana, plainForm } from "../../scripts/lib/search-text.ts";

// `topic` marks the main page about a subject (a business area, a prefecture): twice the weight of
// a title, so that the area page comes before the many sites named after it. `words` are the
// glossary's reader's words (出資金: investment …). The `kana…` fields hold the readings and
// canonical spellings of the topic, the title and the rest of a Japanese page, weighed alike.
const RANKING = { metaWeights: { topic: 10, kanatopic: 10, title: 5, kanatitle: 5, words: 5 } };
const FILTERS = ["employment", "pay", "prefecture", "area"];
/** Words that make a query a job search; they are not searched for themselves. */
const JOB_WORDS = new Set(["求人", "募集", "採用", "仕事", "job", "jobs", "vacancy", "vacancies", "hiring", "career", "careers"]);
/** Words that ask for an employment or a kind of pay (in their canonical form: ぱーと, ﾊﾟｰﾄ): a job search with that filter. */
const byCanonical = (words) =>
  Object.fromEntries(Object.entries(words).flatMap(([value, list]) => list.split(" ").map((word) => [canonicalForm(word), value])));
const EMPLOYMENT = byCanonical({
  PartTime: "パート アルバイト バイト part-time parttime",
  Regular: "正職員 正社員 常勤 フルタイム full-time fulltime permanent",
  Contract: "契約職員 契約社員 contract",
});
const PAY = byCanonical({ Hour: "時給 hourly", Day: "日給 daily", Month: "月給 monthly salary" });
/** A word that names an occupation (保育士, 介護職員, nurse): a job search too, but searched for. */
const OCCUPATION =
  /(?:士|師|職|職員|員|スタッフ|ヘルパー|マネジャー|コーディネーター|(?:worker|staff|nurse|cook|cleaner|carer|teacher|manager|assistant|adviser|counsellor|instructor|driver)s?)$/i;
/**
 * Results shown at first, by the groups' order: each one shown loads its own file, so five at most
 * (the first query of a search must stay within 100 KB); a group beyond shows its count and a
 * button. A page's file holds all its text: two of them at most.
 */
const FIRST = [3, 1, 1, 0];
const MOST = { page: 2 };
const SHOWN = 5;
/** More sites than this, with a business area among the results, fold into one line per area. */
const FOLD_SITES = 5;

const root = document.getElementById("search");
const text = root.dataset;
const lang = document.documentElement.lang;
// The page's own search form (the header's is for wide screens only).
const form = document.querySelector("main form[role=search]");
const input = form.elements.q;
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const filterBox = document.getElementById("search-filters");

let pagefind = null;
let filtersLoaded = false;
let searchId = 0;

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => values[key]);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
};

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

/**
 * Conditions on a job's days and shifts, read from the query as filters on its schedule facts
 * (each job's `schedule` in the data) rather than as words to find: a job that says 夜勤手当 is no
 * answer to 夜勤なし. Each is a pattern of the query in its plain form and the filter it sets.
 */
const CONDITIONS = [
  [/夜勤(?:なし|無し|ナシ|不要)|日勤(?:のみ|だけ)|\bno[ -]?night(?:s| shifts?| work)?\b|\bday(?:time)?(?: shifts?)? only\b/g, { night: ["no"] }],
  [
    /(?:土日|週末)祝?(?:は|が)?(?:休み?|やすみ)|平日(?:のみ|だけ)|\bweekends? off\b|\bno weekends?(?: work)?\b|\bweekdays? only\b|\bmon(?:day)? ?(?:-|to) ?fri(?:day)?\b/g,
    { weekends: ["off"] },
  ],
  [
    /週 ?(\d) ?日(?:以下|以内|まで)|\b(\d) days? (?:a|per|each) week or (?:less|fewer)\b|\bup to (\d) days\b/g,
    (n) => ({ days: Array.from({ length: Number(n) }, (_, i) => String(i + 1)) }),
  ],
  [/週 ?(\d) ?日(?:から|以上|〜|~|だけ|のみ)?|\b(\d) days? (?:a|per|each) week\b/g, (n) => ({ days: [n] })],
];
/** "full time", "part time" and their spellings: one employment word. */
const EMPLOYMENT_PHRASES = /\b(full|part)[ -]?time(?:rs?)?\b/g;

/**
 * The query read as a reader means it: the words to search for (spaces, ASCII or full-width,
 * separate them), whether it is a job search, the employment and pay it asks for, and the
 * conditions on a job's days and shifts.
 */
function readQuery(q) {
  let plain = plainForm(q).replace(EMPLOYMENT_PHRASES, "$1-time");
  const conditions = {};
  const said = [];
  for (const [pattern, filter] of CONDITIONS) {
    plain = plain.replace(pattern, (match, ...groups) => {
      Object.assign(conditions, typeof filter === "function" ? filter(groups.find((g) => /^\d$/.test(g ?? ""))) : filter);
      said.push(match.trim());
      return " ";
    });
  }
  const words = [];
  const wants = { employment: [], pay: [] };
  let jobs = said.length > 0;
  for (const word of plain.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word))) {
    const key = canonicalForm(word);
    if (JOB_WORDS.has(key)) jobs = true;
    else if (EMPLOYMENT[key]) wants.employment.push(text[`employment${EMPLOYMENT[key]}`]);
    else if (PAY[key]) wants.pay.push(text[`pay${PAY[key]}`]);
    else {
      words.push(word);
      if (OCCUPATION.test(word)) jobs = true;
    }
  }
  jobs ||= wants.employment.length > 0 || wants.pay.length > 0;
  // The little English words are not searched for: Pagefind would look for every word that starts with "a".
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  return { words: meaningful.length || !words.length ? meaningful : words, jobs, wants, conditions, said };
}

const STOP_WORDS = new Set(
  "a an the of and or to in on at for with by from is are was were be been as i me my we our you your it its this that what which who how when where why much many do does did can could will would should may might must there here some any not if so than too very just also need want have has get please near about".split(
    " ",
  ),
);
/** Japanese words that carry no subject: particles, question words, and predicates in kana (あります, できますか, 働きたい). */
const FUNCTION_WORDS = new Set(
  "ある あり いる いい でき できる する して なる について とは って から まで など いくら どう どこ なに 何 大丈夫 可能 ok".split(" "),
);
const PREDICATE = /(?:ます|ません|です|でした|ない|たい|たく|ください|か)$/;
const segmenter = lang === "ja" ? new Intl.Segmenter("ja", { granularity: "word" }) : null;
const pieces = (word) => (segmenter ? [...segmenter.segment(word)].filter((s) => s.isWordLike).map((s) => s.segment) : [word]);
const short = (piece) => [...piece].length === 1;
const HIRAGANA = /^\p{Script=Hiragana}+$/u;

/**
 * The compounds a word is searched by, each a list of units found, dropped or corrected on their
 * own: an English word is one; in Japanese, a word is cut into pieces as Pagefind cuts it
 * (Intl.Segmenter), and a compound is a run of pieces between the words that carry no subject
 * (particles, copulas, question endings: 出資金|はいくらですか). A one-character piece (市, 者, 型,
 * 士) is a suffix that narrows almost nothing, yet its index chunk is among the largest: with
 * longer pieces beside it, it is left out (「労働者協同組合法」 is searched as 労働 協同 組合;
 * Pagefind matches the start of a word, so 保育 still finds 保育士), unless it starts a compound,
 * as in a clipped word (放デイ), or every piece is one character (児発, b型). A word in kana alone
 * (ほいくし, ケアマネージャー) is one unit: it may be the reading of a compound that the segmenter
 * would cut anywhere.
 */
function compoundsOf(word) {
  if (!segmenter || isKana(word)) return FUNCTION_WORDS.has(word) ? [] : [[word]];
  const compounds = [[]];
  // After a particle, kana alone is the predicate (研修|は|ありますか, 扶養内|で|働き|たい).
  let predicate = false;
  for (const piece of pieces(word)) {
    const kana = HIRAGANA.test(piece);
    if (FUNCTION_WORDS.has(piece) || (kana && (predicate || [...piece].length <= 2 || PREDICATE.test(piece)))) {
      predicate = true;
      compounds.push([]);
    } else compounds.at(-1).push(piece);
  }
  return compounds
    .filter((compound) => compound.length)
    .map((compound) => (compound.every(short) ? [compound.join("")] : compound.filter((piece, i) => !short(piece) || (i === 0 && !HIRAGANA.test(piece)))));
}

/**
 * How many pages a term finds, counting only what Pagefind finds for every piece of it: Pagefind
 * leaves out a piece that finds nothing, and for a word that no indexed word starts with it takes
 * the longest indexed word the word starts with (software → soft, 美容 → 美). Neither is an answer.
 */
async function found(module, term) {
  const parts = term.split(" ").flatMap(pieces);
  for (const part of parts.length > 1 ? parts : []) if (!(await found(module, part))) return 0;
  const { results } = await module.search(term);
  if (!results.length || parts.length > 1 || short(term) || (await module.search(`"${term}"`)).results.length) return results.length;
  // Not a word of the index: only the start of longer ones, or a word that starts with a shorter one.
  const ids = new Set(results.map((r) => r.id));
  const same = (other) => other.length === ids.size && other.every((r) => ids.has(r.id));
  if (/^[a-z0-9]+$/.test(term)) return same((await module.search(`${term}qx`)).results) ? 0 : results.length;
  for (let n = [...term].length - 1; n > 0; n--) if (same((await module.search(`"${[...term].slice(0, n).join("")}"`)).results)) return 0;
  return results.length;
}

/**
 * The term a unit is searched by, and how many pages it finds alone: as typed, or in the
 * canonical form the index also holds (scripts/lib/search-text.ts: readings, spelling variants),
 * whichever finds something first; a unit in hiragana is a reading, its canonical form first.
 * An English word that finds nothing may be two run together (caremanager) or a slip of one letter
 * in a word of five or more (nurserry): the index's own words then say which.
 */
async function termOf(module, unit) {
  const canonical = canonicalForm(unit);
  for (const term of new Set(HIRAGANA.test(unit) ? [canonical, unit] : [unit, canonical])) {
    const count = term && (await found(module, term));
    if (count) return { unit, term, count };
  }
  if (!segmenter && /^[a-z]{5,}$/.test(unit)) {
    for (const term of nearWords(unit)) {
      const count = (await module.search(`"${term}"`)).results.length && (await found(module, term));
      if (count) return { unit, term, count, corrected: true };
    }
    // Two words run together (caremanager): the longest first part that is a word of the index
    // (those share the word's index chunk), then the rest.
    for (let i = unit.length - 3; i >= 3; i--) {
      const term = `${unit.slice(0, i)} ${unit.slice(i)}`;
      const count =
        (await module.search(`"${unit.slice(0, i)}"`)).results.length && (await module.search(`"${term}"`)).results.length && (await found(module, term));
      if (count) return { unit, term, count, corrected: true };
    }
  }
  return { unit, term: unit, count: 0 };
}

/** A person (hairdresser, programmer) is not a thing (programme): a near word keeps the ending. */
const PERSON = /(?:er|or|ist|ian)s?$/;

/** Words one slip from a word, its first two letters kept (their index chunk is the word's): a letter dropped, two swapped, a vowel mistyped. */
function nearWords(word) {
  const near = new Set();
  for (let i = 2; i < word.length; i++) {
    near.add(word.slice(0, i) + word.slice(i + 1));
    near.add(word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1));
    for (const vowel of "aeiouy") near.add(word.slice(0, i) + vowel + word.slice(i + 1));
  }
  near.delete(word);
  return [...near].filter((other) => !PERSON.test(word) || PERSON.test(other));
}

/**
 * The English words for a person (programmer) that the best result does not say: Pagefind's
 * stemmer makes one of a person and a thing (programmer, programme → programm), which is no answer.
 * The best result's file is the one shown first; a match in the words only searched is trusted.
 */
async function unsaid(groups, compounds) {
  const people = compounds.filter((c) => !segmenter && PERSON.test(c.term) && !c.corrected.length);
  const best = [groups.jobs, groups.areas, groups.sites, groups.pages].flatMap((results) => results.slice(0, 1)).sort((a, b) => b.score - a.score)[0];
  if (!people.length || !best || best.matchedMetaFields?.some((name) => /^(?:words|kana)/.test(name))) return [];
  const data = await best.data();
  const said = `${data.excerpt} ${data.meta.title} ${data.meta.summary ?? ""}`.toLowerCase();
  return people.filter((c) => !c.term.split(" ").every((word) => new RegExp(`\\b${word.replace(/s$/, "")}`).test(said)));
}

/** Pagefind's filter argument: the values of one filter are alternatives; filters narrow each other. */
const anyOf = (filters) =>
  Object.fromEntries(
    Object.entries(filters)
      .filter(([, values]) => values.length)
      .map(([name, values]) => [name, { any: values }]),
  );

async function search(q, ticked) {
  const id = ++searchId;
  input.value = q;
  list.replaceChildren();
  offer.hidden = true;
  list.setAttribute("aria-busy", "true");
  try {
    if (!q) {
      status.textContent = text.prompt;
      return;
    }
    status.textContent = text.loading;
    const module = await load();
    const { words, jobs: jobSearch, wants, conditions, said } = readQuery(q);
    const jobFilters = { ...ticked, ...conditions, kind: ["job"] };
    for (const name of ["employment", "pay"]) if (wants[name].length) jobFilters[name] = [...new Set([...(ticked[name] ?? []), ...wants[name]])];
    const onlyJobs = Boolean(ticked.employment || ticked.pay || wants.employment.length || wants.pay.length || said.length);
    const placeFilters = Object.fromEntries(Object.entries(ticked).filter(([name]) => name === "prefecture" || name === "area"));

    // A compound that finds nothing on its own is dropped, and said so, while the others still find something.
    const compounds = [];
    for (const units of words.flatMap(compoundsOf)) {
      const terms = [];
      for (const unit of units) terms.push(await termOf(module, unit));
      const term = terms.map((t) => t.term).join(" ");
      const count = terms.every((t) => t.count) ? await found(module, term) : 0;
      compounds.push({ text: units.join(""), term, count, corrected: terms.filter((t) => t.corrected) });
    }
    const dropped = compounds.filter((c) => !c.count).map((c) => c.text);
    const apart = [];
    const kept = compounds.filter((c) => c.count);
    let groups = await findGroups(module, compounds.length && !kept.length ? null : kept, jobFilters, placeFilters, onlyJobs);
    // Every compound finds something, but not all of them together: drop the least informative
    // (the one that finds the most pages alone) until something does.
    while (groups.total === 0 && kept.length > 1) {
      const common = kept.reduce((a, b) => (b.count > a.count ? b : a));
      apart.push(common.text);
      kept.splice(kept.indexOf(common), 1);
      groups = await findGroups(module, kept, jobFilters, placeFilters, onlyJobs);
    }
    for (const other of groups.total ? await unsaid(groups, kept) : []) {
      dropped.push(other.text);
      kept.splice(kept.indexOf(other), 1);
      groups = await findGroups(module, kept.length ? kept : null, jobFilters, placeFilters, onlyJobs);
    }
    if (id !== searchId) return;
    status.textContent = fill(groups.total ? text.count : text.none, { q, n: groups.total });
    const corrected = kept.flatMap((c) => c.corrected);
    if (corrected.length) status.append(" ", fill(text.corrected, { words: corrected.map((t) => `${t.unit} → ${t.term}`).join(text.separator) }));
    if (said.length && groups.total) status.append(" ", fill(text.conditions, { conditions: said.join(text.separator) }));
    if (dropped.length && groups.total) status.append(" ", fill(text.dropped, { words: dropped.join(text.separator) }));
    if (apart.length && groups.total) status.append(" ", fill(text.together, { words: apart.join(text.separator) }));
    offer.hidden = Boolean(groups.total);
    if (filtersLoaded) await showFilters(module, ticked);
    await showGroups(groups, jobSearch, id);
  } catch (error) {
    status.textContent = text.error;
    console.error(error);
  } finally {
    if (id === searchId) list.setAttribute("aria-busy", "false");
  }
}

/** When nothing matches, the ways to browse beside the words that say so: jobs by prefecture and the fields of work, as the page lists them below. */
const offer = el(
  "ul",
  { className: "jump", hidden: true },
  ...[...document.querySelectorAll("#search-browse a[href*='#']")].map((a) => el("li", {}, a.cloneNode(true))),
);
status.after(offer);

/** The results of the terms, by group: jobs, areas, pages, and the sites, which are the rest; `null`: no term finds anything. */
async function findGroups(module, terms, jobFilters, placeFilters, onlyJobs) {
  if (terms === null) return { jobs: [], areas: [], sites: [], pages: [], total: 0 };
  const term = terms.length ? terms.map((t) => t.term).join(" ") : null;
  // Results where the words stand side by side come first: an English query's words as typed
  // (Workers' Cooperative Act), a Japanese word with a number in it (週3日, 時給1200円).
  const phrases = segmenter ? terms.map((t) => t.term).filter((pieces) => / /.test(pieces) && /\d/.test(pieces)) : / /.test(term) ? [term] : [];
  const jobs = await sideBySideFirst(module, term, phrases, anyOf(jobFilters));
  let areas = [];
  let pages = [];
  let sites = [];
  if (term !== null && !onlyJobs) {
    const all = ranked((await module.search(term, { filters: anyOf(placeFilters) })).results);
    areas = await sideBySideFirst(module, term, phrases, anyOf({ ...placeFilters, kind: ["area"] }));
    pages = await sideBySideFirst(module, term, phrases, anyOf({ ...placeFilters, kind: ["page"] }));
    const known = new Set([...jobs, ...areas, ...pages].map((result) => result.id));
    sites = all.filter((result) => !known.has(result.id));
  }
  return { jobs, areas, sites, pages, total: jobs.length + areas.length + sites.length + pages.length };
}

/** Results by score, and pages of the same score always in the same order (Pagefind's differs from one page load to the next). */
const ranked = (results) => results.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));

/** Pagefind's results for the term, those where each phrase's words stand side by side first. */
async function sideBySideFirst(module, term, phrases, filters) {
  const results = ranked((await module.search(term, { filters })).results);
  const exact = new Set();
  for (const phrase of phrases) for (const result of (await module.search(`"${phrase}"`, { filters })).results) exact.add(result.id);
  return exact.size ? [...results.filter((result) => exact.has(result.id)), ...results.filter((result) => !exact.has(result.id))] : results;
}

/** The groups, the best first (jobs first for a job search), each with its first few results. */
async function showGroups(groups, jobSearch, id) {
  const order = [
    ["job", groups.jobs],
    ["area", groups.areas],
    ["site", groups.sites],
    ["page", groups.pages],
  ]
    .filter(([, results]) => results.length)
    .sort(([kindA, a], [kindB, b]) => (jobSearch ? (kindB === "job") - (kindA === "job") : 0) || b[0].score - a[0].score);
  const sections = order.map(([kind, results], i) => ({
    kind,
    results,
    section: groupSection(kind, results.length),
    first: Math.min(FIRST[i] ?? 0, MOST[kind] ?? 3, results.length),
  }));
  // A first group of five or fewer is shown whole; fewer groups: the first ones show more, five in all.
  if (sections[0]?.results.length <= SHOWN && sections[0].kind !== "page") {
    sections[0].first = sections[0].results.length;
    let left = SHOWN - sections[0].first;
    for (const group of sections.slice(1)) {
      group.first = Math.min(group.first, left);
      left -= group.first;
    }
  }
  // Many sites fold into a line for each area shown: that group takes as many lines, and the
  // area group no more, or the lines would grow with it.
  const areaGroup = sections.find((group) => group.kind === "area");
  const siteGroup = sections.find((group) => group.kind === "site");
  const fold = Boolean(siteGroup && areaGroup?.first && siteGroup.results.length > FOLD_SITES);
  if (fold) siteGroup.first = areaGroup.first;
  const open = sections.filter((group) => !fold || (group !== siteGroup && group !== areaGroup));
  // Spare lines: first one for each group not yet shown, then to the first groups.
  let spare = Math.max(0, SHOWN - sections.reduce((sum, group) => sum + group.first, 0));
  for (const group of [...open.filter((group) => !group.first), ...open]) {
    const more = Math.max(0, Math.min(spare, group.results.length - group.first, group.first ? (MOST[group.kind] ?? Infinity) - group.first : 1));
    group.first += more;
    spare -= more;
  }
  // The area lines come first: many sites fold into them.
  const shownAreas = areaGroup ? await showMore(areaGroup, areaGroup.first, id) : [];
  for (const group of sections) {
    if (group.kind === "area") continue;
    if (group === siteGroup && fold) foldSites(group, shownAreas, id);
    else await showMore(group, group.first, id);
  }
  if (id === searchId) list.append(...sections.map((group) => group.section));
}

function groupSection(kind, count) {
  const name = text[`kind${kind[0].toUpperCase()}${kind.slice(1)}`];
  const heading = el("h2", {}, `${name} `, el("span", { className: "count", textContent: fill(text.n, { n: count }) }));
  const items = el("ul", { className: kind === "job" ? "cards" : "results" });
  const more = el("button", { type: "button", className: "more", textContent: fill(text.more, { kind: lang === "en" ? name.toLowerCase() : name }) });
  return Object.assign(el("section", { className: "result-group" }, heading, items, el("p", {}, more)), { items, more });
}

/** Show the next `count` results of a group, loading their fragments; the data shown. */
async function showMore(group, count, id) {
  const { section, results } = group;
  const shown = section.items.children.length;
  const batch = await Promise.all(results.slice(shown, shown + count).map((result) => result.data()));
  if (id !== searchId) return [];
  section.items.append(...batch.map((data) => resultItem(group.kind, data)));
  const left = results.length - section.items.querySelectorAll(":scope > li:not(.fold)").length;
  section.more.hidden = left <= 0;
  section.more.onclick = async () => {
    const first = section.items.children.length;
    section.items.querySelectorAll(":scope > li.fold").forEach((item) => item.remove());
    await showMore(group, 10, searchId);
    section.items.children[Math.min(first, section.items.children.length - 1)]?.querySelector("a")?.focus();
  };
  return batch;
}

/** Many sites: one line per business area found, with its number of sites; one by one on request. */
function foldSites(group, areas, id) {
  if (id !== searchId) return;
  for (const area of areas) {
    const count = Number(area.meta.sites ?? 0);
    if (!count) continue;
    group.section.items.append(
      el(
        "li",
        { className: "fold" },
        el("a", { href: area.url, textContent: fill(text.sites, { area: fromIndex(area.meta.title) }) }),
        " ",
        el("span", { className: "count", textContent: fill(text.n, { n: count }) }),
      ),
    );
  }
  group.section.more.textContent = fill(text.allSites, { n: group.results.length });
  group.section.more.hidden = false;
  group.section.more.onclick = async () => {
    group.section.items.replaceChildren();
    group.section.more.textContent = fill(text.more, { kind: lang === "en" ? text.kindSite.toLowerCase() : text.kindSite });
    await showMore(group, 10, searchId);
    group.section.items.querySelector("a")?.focus();
  };
}

/**
 * A title or summary as the index wrote it (scripts/steps/search-index.ts, metaWords): Japanese in
 * the words a query is cut into, one space between them and two where the text had one.
 */
const fromIndex = (value) => (lang === "ja" && value ? value.replace(/ {2,}/g, "\0").replace(/ /g, "").replace(/\0/g, " ") : value);

function resultItem(kind, data) {
  const meta = { ...data.meta, title: fromIndex(data.meta.title), summary: fromIndex(data.meta.summary) };
  const link = el("a", { href: data.url, textContent: meta.title });
  const badge = meta.sample ? el("span", { className: "badge", textContent: text.sample }) : null;
  if (kind === "job") {
    // The job card's facts (_includes/macros/jobs.njk, card), each figure of the pay kept on one line.
    const facts = el("dl", { className: "job-facts" });
    for (const name of ["employment", "pay", "hours", "posted"]) {
      const value =
        name === "pay"
          ? (meta.pay ?? "").split(/(¥?[\d,]+円?)/).map((part, i) => (i % 2 ? el("span", { className: "fig", textContent: part }) : part))
          : [meta[name] ?? ""];
      facts.append(
        el("dt", { textContent: text[`label${name[0].toUpperCase()}${name.slice(1)}`] }),
        el("dd", { className: name === "pay" ? "pay" : "" }, ...value),
      );
    }
    return el(
      "li",
      { className: "card" },
      el("p", { className: "card-title" }, link),
      el("p", { className: "meta" }, meta.place ?? "", badge ? " " : "", badge),
      facts,
    );
  }
  const place = meta.place ? el("p", { className: "meta", textContent: meta.place }) : null;
  const count = kind === "area" && meta.sites ? el("span", { className: "count", textContent: ` ${fill(text.n, { n: meta.sites })}` }) : null;
  const summary = meta.summary ? marked(meta.summary, readQuery(input.value).words) : cleanExcerpt(data.excerpt);
  return el("li", {}, el("p", { className: "result-title" }, link, badge ? " " : "", badge, count), place, el("p", {}, ...summary));
}

/** Text with the query's words marked, as nodes (never as HTML). */
function marked(summary, words) {
  const found = words.map((word) => word.toLowerCase()).filter(Boolean);
  if (!found.length) return [summary];
  const pattern = new RegExp(`(${found.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "gi");
  return summary.split(pattern).map((part, i) => (i % 2 ? el("mark", { textContent: part }) : part));
}

/**
 * Pagefind's excerpt, escaped text with <mark> around the matches, as nodes: without a stray
 * bracket or full stop at its start, and with the ". " Pagefind puts between blocks made a 。 in
 * Japanese.
 */
function cleanExcerpt(excerpt) {
  let plain = excerpt
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
  if (lang === "ja") plain = plain.replace(/([。！？])\. /g, "$1").replace(/([^\s.。])\. /g, "$1。");
  plain = plain.replace(/^(?:<\/?mark>)?[\s\p{P}]+(?=\S)/u, (lead) => (lead.startsWith("<mark>") ? "<mark>" : ""));
  return plain.split(/(<mark>[^<]*<\/mark>)/).map((part) => (part.startsWith("<mark>") ? el("mark", { textContent: part.slice(6, -7) }) : part));
}

/** One checkbox per value of each filter in the index (loaded when the filters are first opened). */
async function showFilters(module, ticked) {
  const focused = filterBox.contains(document.activeElement) ? document.activeElement : null;
  const available = await module.filters();
  for (const fieldset of filterBox.querySelectorAll("fieldset")) {
    const name = fieldset.dataset.filter;
    const values = Object.keys(available[name] ?? {}).sort((a, b) => a.localeCompare(b, lang));
    fieldset.replaceChildren(fieldset.querySelector("legend"));
    for (const value of values) {
      const label = fieldset.appendChild(el("label"));
      const box = label.appendChild(el("input", { type: "checkbox", name, value, checked: Boolean(ticked[name]?.includes(value)) }));
      label.append(` ${value}`);
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
  filtersLoaded = true;
  const { q, filters } = readUrl();
  search(q, filters);
});

window.addEventListener("popstate", () => {
  const { q, filters } = readUrl();
  search(q, filters);
});

document.getElementById("search-nojs").hidden = true;
root.hidden = false;
const start = readUrl();
if (Object.keys(start.filters).length) {
  filterBox.open = true;
  filtersLoaded = true;
}
search(start.q, start.filters);
