// briefsmith review page: the brief's text with what the analysis took from
// it, the analysis to correct, and the documents as they will print. Every
// change is sent to the server as the whole corrections object; the server
// applies it to a fresh analysis and answers with the new state. Text from
// the brief is only ever placed with textContent, never parsed as HTML.
"use strict";

const ROLES = ["threat", "enabler", "host", "partner", "subject", "own", "victim", "other"];
const KINDS = ["actor", "risk"];
let state = null;
let corrections = {};
let product = "summary";

const $ = (id) => document.getElementById(id);
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== false && v != null) e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function status(text) { $("status").textContent = text; }

async function load() {
  const r = await fetch("api/state");
  if (!r.ok) { status(await r.text()); return; }
  accept(await r.json());
}

function accept(next) {
  state = next;
  corrections = state.corrections || {};
  render();
}

// Sends the corrections after `mutate` changed them; the answer is the new
// state. Changes go one at a time, each on the state the last one left, so
// quick edits never overwrite each other.
let pending = Promise.resolve();
function change(mutate) {
  pending = pending.then(() => send(mutate), () => send(mutate));
  return pending;
}

async function send(mutate) {
  const c = structuredClone(corrections);
  c.threats = Object.assign({ add: [], merge: [], edit: [], drop: [], order: [] }, c.threats);
  c.recommendations = Object.assign({ add: [], edit: [], drop: [], order: [] }, c.recommendations);
  c.bottom_line = c.bottom_line || [];
  mutate(c);
  status("updating…");
  const r = await fetch("api/corrections", {
    method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(c),
  });
  if (!r.ok) { status(await r.text()); return; }
  accept(await r.json());
}

function threatEdit(c, anchor) {
  let e = c.threats.edit.find((x) => x.name === anchor);
  if (!e) { e = { name: anchor }; c.threats.edit.push(e); }
  return e;
}

function recEdit(c, anchor) {
  let e = c.recommendations.edit.find((x) => x.title === anchor);
  if (!e) { e = { title: anchor }; c.recommendations.edit.push(e); }
  return e;
}

// ---- Rendering -----------------------------------------------------------

function render() {
  $("brief-path").textContent = state.brief;
  $("title").value = state.title;
  for (const input of document.querySelectorAll("[data-control]")) {
    input.value = state.control[input.dataset.control] || "";
  }
  $("save").disabled = !state.dirty;
  status(state.dirty ? "unsaved changes" : (state.saved ? "saved to " + state.saved : "no corrections yet"));
  const un = $("unresolved");
  un.replaceChildren(...state.unresolved.map((u) => el("div", { class: "unresolved", text: "Not applied: " + u })));
  renderSource();
  renderDoubtful();
  renderBottomLine();
  renderThreats();
  renderRecommendations();
  renderPreview();
}

const PRIORITY = ["threat", "rec", "summary", "conclusion", "figure", "event"];

function renderSource() {
  const text = state.text;
  const marks = state.highlights;
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const cover = marks.filter((m) => m.start <= a && m.end >= b);
    const piece = text.slice(a, b);
    if (cover.length === 0) { out.push(document.createTextNode(piece)); continue; }
    cover.sort((x, y) => PRIORITY.indexOf(x.kind) - PRIORITY.indexOf(y.kind));
    const m = cover[0];
    out.push(el("mark", {
      class: "k-" + m.kind, "data-kind": m.kind, "data-item": m.item ?? "",
      title: m.label, text: piece, onclick: () => focusItem(m.kind, m.item),
    }));
  }
  $("source").replaceChildren(...out);
}

function marksOf(kind, item) {
  return [...document.querySelectorAll(`#source mark[data-kind="${kind}"]`)]
    .filter((m) => item == null || m.dataset.item === String(item));
}

function highlight(kind, item, on) {
  for (const m of marksOf(kind, item)) m.classList.toggle("active", on);
}

function focusItem(kind, item) {
  const list = kind === "threat" ? "threats" : kind === "rec" ? "recommendations" : null;
  if (list == null) return;
  const li = document.querySelector(`#${list} li[data-item="${item}"]`);
  if (!li) return;
  document.querySelectorAll("#analysis-pane li.active").forEach((x) => x.classList.remove("active"));
  li.classList.add("active");
  li.scrollIntoView({ block: "nearest" });
}

function linkItem(li, kind, item) {
  li.dataset.item = item;
  li.addEventListener("mouseenter", () => {
    highlight(kind, item, true);
    const first = marksOf(kind, item)[0];
    if (first) first.scrollIntoView({ block: "nearest" });
  });
  li.addEventListener("mouseleave", () => highlight(kind, item, false));
}

// What `check` would doubt, first: each a link to its item.
function renderDoubtful() {
  const items = [
    ...state.threats.map((t, i) => ({ t, i })).filter(({ t }) => t.doubtful)
      .map(({ t, i }) => ({ kind: "threat", i, text: `threat ${t.label} (${t.confidence.toFixed(2)})` })),
    ...state.recommendations.map((r, i) => ({ r, i })).filter(({ r }) => r.doubtful)
      .map(({ r, i }) => ({ kind: "rec", i, text: `recommendation ${i + 1} (${r.confidence.toFixed(2)})` })),
  ];
  $("doubtful").replaceChildren(...(items.length === 0 ? [] : [
    el("strong", { class: "doubt", text: "To check first: " }),
    ...items.map((d) => el("button", { type: "button", class: "doubt-link", text: d.text,
      onclick: () => focusItem(d.kind, d.i) })),
  ]));
}

function renderBottomLine() {
  $("bottom-line").replaceChildren(...state.bottom_line.map((s, i) => {
    const li = el("li", {}, el("span", { text: s + " " }),
      el("button", { type: "button", class: "icon", title: "Remove from the bottom line", text: "✕",
        onclick: () => change((c) => { c.bottom_line = state.bottom_line.filter((_, k) => k !== i); }) }));
    li.addEventListener("mouseenter", () => highlight("summary", null, true));
    li.addEventListener("mouseleave", () => highlight("summary", null, false));
    return li;
  }));
}

function select(options, value, onchange) {
  return el("select", { onchange: (e) => onchange(e.target.value) },
    ...options.map((o) => el("option", { value: o, selected: o === value, text: o })));
}

function renderThreats() {
  // Doubtful threats first, each keeping its number in the model.
  const order = state.threats.map((t, i) => i).sort((a, b) => state.threats[b].doubtful - state.threats[a].doubtful);
  $("threats").replaceChildren(...order.map((i) => {
    const t = state.threats[i];
    const li = el("li", { class: t.doubtful ? "doubtful threat" : "threat" },
      el("div", { class: "row" },
        el("input", { type: "checkbox", class: "pick", "data-anchor": t.anchor, title: "Select to merge",
          onchange: updateMerge }),
        el("input", { type: "text", class: "name", value: t.name, "aria-label": "Threat name",
          onchange: (e) => change((c) => { threatEdit(c, t.anchor).rename = e.target.value.trim(); }) }),
        el("button", { type: "button", class: "icon drop", title: "Not a threat: drop it", text: "✕",
          onclick: () => change((c) => { c.threats.drop.push(t.anchor); }) })),
      el("div", { class: "row meta" },
        "label ", el("input", { type: "text", class: "label", value: t.label, size: 8,
          onchange: (e) => change((c) => { threatEdit(c, t.anchor).label = e.target.value.trim(); }) }),
        " kind ", select(KINDS, t.kind, (v) => change((c) => { threatEdit(c, t.anchor).kind = v; })),
        " role ", select(ROLES, t.role, (v) => change((c) => { threatEdit(c, t.anchor).role = v; }))),
      el("div", { class: "meta", text:
        (t.aliases.length ? "also " + t.aliases.join(", ") + " · " : "") + t.salience
        + " · confidence " + t.confidence.toFixed(2) + (t.reason ? " (" + t.reason + ")" : "") }),
      t.doubtful ? el("div", { class: "doubt", text: "Doubtful: check this threat" }) : null);
    linkItem(li, "threat", i);
    return li;
  }));
  updateMerge();
}

function picked() {
  return [...document.querySelectorAll("#threats input.pick:checked")].map((x) => x.dataset.anchor);
}

function updateMerge() { $("merge").disabled = picked().length < 2; }

function renderRecommendations() {
  const titles = state.recommendations.map((r) => r.title);
  const move = (i, d) => change((c) => {
    const t = [...titles];
    [t[i], t[i + d]] = [t[i + d], t[i]];
    c.recommendations.order = t;
  });
  $("recommendations").replaceChildren(...state.recommendations.map((r, i) => {
    const li = el("li", { class: r.doubtful ? "doubtful rec" : "rec" },
      el("div", { class: "row" },
        el("input", { type: "text", class: "title", value: r.title, "aria-label": "Recommendation title",
          onchange: (e) => change((c) => {
            const v = e.target.value.trim();
            recEdit(c, r.anchor).rename = v;
            c.recommendations.order = c.recommendations.order.map((x) => (x === r.title ? v : x));
          }) }),
        el("button", { type: "button", class: "icon up", title: "Move up", text: "↑", disabled: i === 0,
          onclick: () => move(i, -1) }),
        el("button", { type: "button", class: "icon down", title: "Move down", text: "↓",
          disabled: i === titles.length - 1, onclick: () => move(i, 1) }),
        el("button", { type: "button", class: "icon drop", title: "Not a recommendation: drop it", text: "✕",
          onclick: () => change((c) => {
            c.recommendations.drop.push(r.title);
            c.recommendations.order = c.recommendations.order.filter((x) => x !== r.title);
          }) })),
      el("textarea", { class: "detail", rows: 2, "aria-label": "Recommendation detail",
        onchange: (e) => change((c) => { recEdit(c, r.anchor).detail = e.target.value.trim(); }) }, r.detail),
      el("div", { class: "meta", text: "confidence " + r.confidence.toFixed(2) + (r.reason ? " (" + r.reason + ")" : "") }),
      r.doubtful ? el("div", { class: "doubt", text: "Doubtful: check this recommendation" }) : null);
    linkItem(li, "rec", i);
    return li;
  }));
}

function renderPreview() {
  for (const tab of document.querySelectorAll("[role=tab]")) {
    tab.setAttribute("aria-selected", tab.dataset.product === product ? "true" : "false");
  }
  const pages = state.pages[product] || 0;
  const imgs = [];
  for (let n = 1; n <= pages; n++) {
    imgs.push(el("img", { src: `api/preview/${product}/${n}?rev=${state.revision}`,
      alt: `${product} page ${n}`, "data-page": n }));
  }
  $("preview").replaceChildren(...imgs);
  $("preview-time").textContent = state.preview_ms != null ? `rendered in ${state.preview_ms} ms` : "";
}

// ---- Selections in the source ----------------------------------------------

function selectionText() {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !$("source").contains(sel.anchorNode)) return "";
  return sel.toString().replace(/\s+/g, " ").trim();
}

document.addEventListener("selectionchange", () => { $("selection-actions").hidden = selectionText() === ""; });

$("add-threat").addEventListener("click", () => {
  const name = selectionText();
  if (name) change((c) => { c.threats.add.push({ name }); });
});
$("add-rec").addEventListener("click", () => {
  const quote = selectionText();
  if (quote) change((c) => { c.recommendations.add.push({ quote }); });
});
$("add-bottom").addEventListener("click", () => {
  const quote = selectionText();
  if (quote) change((c) => { c.bottom_line = [...state.bottom_line, quote]; });
});
$("merge").addEventListener("click", () => {
  const names = picked();
  if (names.length >= 2) change((c) => { c.threats.merge.push({ into: names[0], names: names.slice(1) }); });
});
$("title").addEventListener("change", (e) => change((c) => { c.title = e.target.value.trim(); }));
for (const input of document.querySelectorAll("[data-control]")) {
  input.addEventListener("change", () => change((c) => {
    c.document = Object.assign({}, c.document, { [input.dataset.control]: input.value.trim() });
  }));
}
$("save").addEventListener("click", async () => {
  const r = await fetch("api/save", { method: "POST" });
  if (!r.ok) { status(await r.text()); return; }
  accept(await r.json());
});
for (const tab of document.querySelectorAll("[role=tab]")) {
  tab.addEventListener("click", () => { product = tab.dataset.product; renderPreview(); });
}

// The brief or its corrections file changed on disk: fetch the new state.
new EventSource("api/events").addEventListener("state", () => load());

load();
