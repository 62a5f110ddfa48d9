// embargo web UI: plain JavaScript, no build step. Every value from the API
// is inserted with textContent, never as HTML.
"use strict";

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

const keyInput = $("#apikey");
keyInput.value = localStorage.getItem("embargo-key") || "";
keyInput.addEventListener("change", () => localStorage.setItem("embargo-key", keyInput.value.trim()));

async function api(method, path, body) {
  const headers = { "Accept": "application/json" };
  const key = keyInput.value.trim();
  if (key) headers["Authorization"] = "Bearer " + key;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let data = null;
  try { data = await res.json(); } catch (e) { /* not JSON */ }
  if (!res.ok) {
    const msg = data && data.error ? data.error : res.status + " " + res.statusText;
    throw new Error(msg + (data && data.request_id ? " (request " + data.request_id + ")" : ""));
  }
  return data;
}

// put replaces target's children, leaving out null ones (replaceChildren
// would print them as "null").
function put(target, ...nodes) {
  target.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
}

function showError(target, err) {
  target.replaceChildren(el("p", { class: "error", role: "alert" }, "Error: " + err.message));
}

// banner shows the demo and staleness notices that every answer carries.
function banner(meta) {
  const b = $("#banner");
  if (!meta) return;
  b.replaceChildren();
  if (meta.notice) b.append(el("p", { class: meta.demo ? "demo" : "stale" }, meta.notice));
}

// ---------- routing ----------
const pages = ["screen", "entity", "lists", "batch", "goods", "coverage"];
function route() {
  const hash = location.hash || "#/screen";
  const [, page, ...rest] = hash.split("/");
  const name = pages.includes(page) ? page : "screen";
  for (const p of pages) $("#page-" + p).hidden = p !== name;
  document.querySelectorAll("nav a").forEach((a) => {
    if (a.dataset.page === name) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });
  if (name === "entity") loadEntity(decodeURIComponent(rest.join("/")));
  if (name === "lists") loadLists();
  document.title = "embargo — " + name;
}
window.addEventListener("hashchange", route);

// ---------- screen ----------
function highlight(text, tokens) {
  // Marks the tokens of text that an explanation names (case-insensitive).
  const want = new Set(tokens.map((t) => t.toLowerCase()));
  const out = [];
  for (const part of text.split(/(\s+|[,.\-'()]+)/)) {
    if (part && want.has(part.toLowerCase())) out.push(el("mark", {}, part)); else out.push(part);
  }
  return out;
}

function explanationTable(exps) {
  const rows = exps.map((x) => el("tr", {},
    el("td", {}, x.field), el("td", {}, x.query || ""), el("td", {}, x.candidate || ""),
    el("td", {}, x.method + (x.distance ? " (" + x.distance + ")" : "")),
    el("td", { class: "num" }, (x.score >= 0 && x.field !== "name" ? "+" : "") + x.score.toFixed(3)),
    el("td", { class: "num" }, x.weight ? Math.round(100 * x.weight) + " %" : ""),
    el("td", {}, x.note || "")));
  return el("table", { class: "explain" },
    el("caption", {}, "Why this score (a name part's weight is its share of the name score)"),
    el("thead", {}, el("tr", {}, ["Field", "Query", "List", "Method", "Score", "Weight", "Note"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows));
}

function renderMatches(target, resp) {
  banner(resp);
  const result = resp.results[0];
  const ms = result.matches;
  const head = el("p", { class: "summary" }, ms.filter((m) => m.match).length + " match(es) at threshold " +
    resp.threshold + "; " + ms.length + " candidate(s) shown. Lists: " + listsText(resp));
  if (!ms.length) {
    target.replaceChildren(head, el("p", { class: "clear" }, "No candidate found."));
    return;
  }
  const cards = ms.map((m) => {
    const tokens = m.explanations.filter((x) => x.field === "name").flatMap((x) => (x.candidate || "").split(/\s+/));
    return el("article", { class: "hit" + (m.match ? " is-match" : "") },
      el("h3", {}, el("a", { href: "#/entity/" + encodeURIComponent(m.entity_id) }, m.caption),
        " ", el("span", { class: "score", "aria-label": "score" }, m.score.toFixed(3)),
        m.match ? el("span", { class: "badge" }, "MATCH") : null),
      el("p", {}, el("span", { class: "id" }, m.entity_id), " · ", m.schema, " · matched name: ",
        el("span", { class: "matched" }, highlight(m.matched_name || m.caption, tokens))),
      el("details", { open: m.match ? "" : null }, el("summary", {}, "Explanation"), explanationTable(m.explanations)));
  });
  target.replaceChildren(head, ...cards);
}

$("#screen-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const f = new FormData(ev.target);
  const q = { name: f.get("name").trim() };
  if (f.get("schema")) q.schema = f.get("schema");
  if (f.get("birth_date")) q.birth_date = f.get("birth_date").trim();
  if (f.get("country")) q.country = f.get("country").trim();
  if (f.get("identifier")) q.identifiers = [{ type: "", value: f.get("identifier").trim() }];
  if (f.get("threshold")) q.threshold = Number(f.get("threshold"));
  const out = $("#screen-results");
  out.replaceChildren(el("p", {}, "Screening…"));
  try {
    renderMatches(out, await api("POST", "/v1/screen", q));
  } catch (err) { showError(out, err); }
});

// ---------- entity ----------
function kv(rows) {
  return el("dl", { class: "kv" }, rows.filter(([, v]) => v && (!Array.isArray(v) || v.length))
    .map(([k, v]) => [el("dt", {}, k), el("dd", {}, Array.isArray(v) ? v.join("; ") : v)]));
}

async function loadEntity(id) {
  const body = $("#entity-body");
  body.replaceChildren(el("p", {}, "Loading " + id + "…"));
  try {
    const r = await api("GET", "/v1/entities/" + encodeURIComponent(id));
    const e = r.entity;
    $("#h-entity").textContent = e.names && e.names.length ? e.names[0].full : e.id;
    const names = el("table", {}, el("caption", {}, "Names"),
      el("thead", {}, el("tr", {}, ["Name", "Kind", "Quality", "Script"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, (e.names || []).map((n) => el("tr", {}, el("td", {}, n.full), el("td", {}, n.kind), el("td", {}, n.quality || ""), el("td", {}, n.script || "")))));
    const desigs = el("table", {}, el("caption", {}, "Designations"),
      el("thead", {}, el("tr", {}, ["Authority", "List", "Programme", "Reference", "Listed on", "Cross-references"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, (e.designations || []).map((d) => el("tr", {}, el("td", {}, d.authority), el("td", {}, d.list),
        el("td", {}, (d.program || "") + (d.source_program ? " (" + d.source_program + ")" : "")), el("td", {}, d.ref),
        el("td", {}, fmtDate(d.listed_on)), el("td", {}, (d.cross_refs || []).map((x) => el("a", { href: "#/entity/" + encodeURIComponent(x) }, x + " ")))))));
    const hist = !r.history.length ? el("p", {}, "History across list versions: none held (" +
        (r.demo ? "demo subset, no list store" : "this entity is in no stored version") + ").") :
      el("table", {}, el("caption", {}, "History across list versions"),
      el("thead", {}, el("tr", {}, ["Source", "Version", "Published", "Imported", "Change"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, r.history.map((h) => el("tr", {}, el("td", {}, h.source), el("td", {}, h.version), el("td", {}, h.published || ""),
        el("td", {}, h.imported_at), el("td", {}, h.change + (h.fields ? ": " + h.fields.join(", ") : ""))))));
    put(body,
      el("p", {}, el("span", { class: "id" }, e.id), " · ", e.schema, r.current ? " · listed in the lists in use" : " · NOT in the lists in use (history only)"),
      kv([["Birth dates", (e.birth_dates || []).map(fmtBirth)], ["Birth places", e.birth_places], ["Nationality", e.nationality],
        ["Citizenship", e.citizenship], ["Countries", e.countries], ["Gender", e.gender], ["Titles", e.titles], ["Positions", e.positions],
        ["Identifiers", (e.identifiers || []).map((i) => i.type + " " + i.value + (i.country ? " (" + i.country + ")" : ""))],
        ["Addresses", (e.addresses || []).map((a) => a.full || [a.street, a.city, a.region, a.postal_code, a.country].filter(Boolean).join(", "))],
        ["Remarks", e.remarks]]),
      names, desigs, hist,
      e.record ? el("details", {}, el("summary", {}, "Original record as published"), el("pre", {}, e.record)) : null);
  } catch (err) { showError(body, err); }
}

function fmtDate(d) {
  if (!d || !d.year) return "";
  return [d.year, d.month, d.day].filter(Boolean).map((n, i) => i ? String(n).padStart(2, "0") : String(n)).join("-");
}
function fmtBirth(b) {
  return (b.approx ? "~" : "") + fmtDate(b.date) + (b.to && b.to.year ? ".." + fmtDate(b.to) : "");
}

// ---------- lists ----------
async function loadLists() {
  const body = $("#lists-body");
  body.replaceChildren(el("p", {}, "Loading…"));
  try {
    const r = await api("GET", "/v1/lists");
    banner(r.in_use);
    const rows = r.lists.map((v) => {
      const age = r.in_use.lists.find((l) => l.source === v.source);
      return el("tr", {}, el("td", {}, v.source), el("td", { class: "num" }, v.version), el("td", {}, fmtDate(v.published)),
        el("td", {}, v.imported_at ? v.imported_at.slice(0, 10) : ""), el("td", { class: "num" }, age ? age.age_days : ""),
        el("td", { class: "num" }, v.entities), el("td", {}, Object.entries(v.by_schema || {}).map(([k, n]) => k + " " + n).join(", ")),
        el("td", {}, v.version > 1 ? el("button", { type: "button", onclick: () => loadDiff(v.source) }, "Latest diff") : ""));
    });
    if (!r.lists.length) {
      const st = await api("GET", "/v1/status");
      put(body, el("p", { class: "lists-empty" }, "No official list has been imported. Screening uses the embedded demo subset of " + st.entities +
        " real designations, which is not a compliance list."),
        el("p", {}, "Download the official lists with ", el("code", {}, "embargo update"), " or import files with ",
          el("code", {}, "embargo lists import FILE"), "; a running server picks new versions up by itself."));
      return;
    }
    body.replaceChildren(
      el("table", {}, el("caption", {}, r.in_use.demo ? "Demo subset in use" : "Lists in the store"),
        el("thead", {}, el("tr", {}, ["Source", "Version", "Published", "Imported", "Age (days)", "Entities", "By schema", ""].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, rows)),
      el("div", { id: "diff-body", "aria-live": "polite" }));
  } catch (err) { showError(body, err); }
}

async function loadDiff(source) {
  const body = $("#diff-body");
  try {
    const d = await api("GET", "/v1/lists/" + encodeURIComponent(source) + "/diff");
    const link = (id) => el("li", {}, el("a", { href: "#/entity/" + encodeURIComponent(id) }, id));
    body.replaceChildren(el("h3", {}, source + ": version " + d.from + " → " + d.to),
      el("p", {}, d.added.length + " added, " + d.removed.length + " removed, " + d.changed.length + " changed"),
      el("h4", {}, "Added"), el("ul", {}, d.added.slice(0, 200).map(link)),
      el("h4", {}, "Removed"), el("ul", {}, d.removed.slice(0, 200).map(link)),
      el("h4", {}, "Changed"), el("ul", {}, d.changed.slice(0, 200).map((c) => el("li", {}, el("a", { href: "#/entity/" + encodeURIComponent(c.id) }, c.id), " (" + c.fields.join(", ") + ")"))));
  } catch (err) { showError(body, err); }
}

// ---------- coverage ----------
$("#coverage-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const out = $("#coverage-results");
  out.replaceChildren(el("p", {}, "Measuring…"));
  const q = new URLSearchParams();
  for (const [k, id] of [["reference", "#c-reference"], ["regime", "#c-regime"], ["min_score", "#c-min"]]) {
    const v = $(id).value.trim();
    if (v) q.set(k, v);
  }
  try {
    const r = await api("GET", "/v1/analysis/coverage?" + q.toString());
    banner(r);
    const link = (id) => el("a", { href: "#/entity/" + encodeURIComponent(id) }, id);
    const lag = (l) => l.dated ? l.median_days + " / " + l.max_days + " (" + l.dated + " dated, " + l.listed_before + " before)" : "no dates";
    const rows = r.sources.map((c) => el("tr", {}, el("th", { scope: "row" }, c.source), el("td", { class: "num" }, c.covered + " of " + r.entities),
      el("td", { class: "num" }, c.percent + " %"), el("td", { class: "num" }, c.by_cross_reference), el("td", { class: "num" }, c.by_match),
      el("td", {}, lag(c.lag)), el("td", { class: "num" }, c.missing.length)));
    put(out,
      el("p", {}, r.entities + " entities of " + r.reference + (r.regime ? " (" + r.regime + ")" : "") + "; a match counts from score " + r.min_score + "."),
      el("table", {}, el("caption", {}, "Who else lists them"),
        el("thead", {}, el("tr", {}, ["List", "Covers", "Share", "By cross-reference", "By match", "Lag in days: median / max", "Misses"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, rows)),
      el("h3", {}, "Listed by no other list (" + r.gaps.length + ")"),
      r.gaps.length ? el("ul", { class: "gaps" }, r.gaps.map((g) => el("li", {}, link(g.id), " " + g.name + (g.listed_on ? " — listed " + fmtDate(g.listed_on) : "")))) : el("p", {}, "None."),
      r.sources.filter((c) => c.missing.length).map((c) => el("details", {}, el("summary", {}, c.source + " misses " + c.missing.length),
        el("ul", {}, c.missing.map((g) => el("li", {}, link(g.id), " " + g.name))))));
  } catch (err) { showError(out, err); }
});

// ---------- batch ----------
function parseCSV(text) {
  // RFC 4180: quoted fields, doubled quotes, CRLF or LF.
  const rows = []; let row = []; let field = ""; let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c;
    } else if (c === '"') q = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); field = ""; if (row.length > 1 || row[0] !== "") rows.push(row); row = [];
    } else field += c;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  return rows;
}
const csvCell = (v) => /[",\n\r]/.test(String(v)) ? '"' + String(v).replace(/"/g, '""') + '"' : String(v);

$("#batch-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const out = $("#batch-results");
  const file = $("#b-file").files[0];
  if (!file) return;
  try {
    const rows = parseCSV(await file.text());
    const header = rows.shift().map((h) => h.trim().toLowerCase());
    const col = header.indexOf($("#b-column").value.trim().toLowerCase());
    if (col < 0) throw new Error("no column named " + $("#b-column").value + " in the header (" + header.join(", ") + ")");
    const at = (r, name) => { const i = header.indexOf(name); return i >= 0 ? (r[i] || "").trim() : ""; };
    const status = await api("GET", "/v1/status");
    const chunk = Math.min(500, status.max_batch || 500);
    const results = [["row", "name", "entity_id", "caption", "score", "match"]];
    const prog = $("#b-progress"); prog.hidden = false; prog.max = rows.length; prog.value = 0;
    let matched = 0;
    for (let start = 0; start < rows.length; start += chunk) {
      const part = rows.slice(start, start + chunk);
      const queries = part.map((r, i) => {
        const q = { id: String(start + i + 1), name: (r[col] || "").trim() };
        if (at(r, "schema")) q.schema = at(r, "schema");
        if (at(r, "birth_date")) q.birth_date = at(r, "birth_date");
        if (at(r, "country")) q.country = at(r, "country");
        if (at(r, "id")) q.identifiers = [{ type: "", value: at(r, "id") }];
        return q;
      }).filter((q) => q.name || q.identifiers);
      const resp = await api("POST", "/v1/screen", { queries });
      banner(resp);
      for (const res of resp.results) {
        const hits = res.matches.filter((m) => m.match);
        if (hits.length) matched++;
        if (!hits.length) results.push([res.id, res.query.name, "", "", "", "false"]);
        for (const m of hits) results.push([res.id, res.query.name, m.entity_id, m.caption, m.score.toFixed(4), "true"]);
      }
      prog.value = Math.min(rows.length, start + chunk);
    }
    const blob = new Blob([results.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n"], { type: "text/csv" });
    out.replaceChildren(el("p", {}, rows.length + " rows screened; " + matched + " with a match. "),
      el("a", { href: URL.createObjectURL(blob), download: "embargo-results.csv", class: "button" }, "Download results (CSV)"));
  } catch (err) { showError(out, err); }
});

// ---------- goods ----------
$("#goods-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const f = new FormData(ev.target);
  const body = { hs: f.get("hs").trim(), from: f.get("from").trim(), to: f.get("to").trim(), date: f.get("date") };
  if (f.get("origin")) body.origin = f.get("origin").trim();
  if (f.get("via")) body.via = f.get("via").split(/[;,]/).map((s) => s.trim()).filter(Boolean);
  if (f.get("quantity")) body.quantity = Number(f.get("quantity"));
  if (f.get("unit")) body.unit = f.get("unit").trim();
  if (f.get("parties")) body.parties = f.get("parties").split(";").map((s) => s.trim()).filter(Boolean);
  if (f.get("imo")) body.imo = f.get("imo").trim();
  const out = $("#goods-results");
  try {
    const r = await api("POST", "/v1/goods/check", body);
    const table = (caption, heads, rows) => rows.length ? el("table", {}, el("caption", {}, caption),
      el("thead", {}, el("tr", {}, heads.map((h) => el("th", { scope: "col" }, h)))), el("tbody", {}, rows)) : null;
    const measures = table("Measures triggered", ["Measure", "Citation", "Status", "Code match", "Why", "Outcome"],
      (r.measures || []).map((h) => el("tr", {}, el("td", {}, h.id), el("td", {}, h.citation || (h.instrument + " para " + h.paragraph)),
        el("td", {}, h.status + (h.basis ? " / HS basis " + h.basis : "")), el("td", {}, h.level + " " + (h.measure_code || "")),
        el("td", {}, h.reason), el("td", { class: "verdict-" + h.outcome }, h.outcome))));
    const exemptions = table("Exemptions considered", ["Measure", "Exemption", "Outcome", "Why"],
      (r.exemptions || []).map((x) => el("tr", {}, el("td", {}, x.measure), el("td", {}, x.text), el("td", {}, x.outcome), el("td", {}, x.reason))));
    const parties = table("Parties screened", ["Role", "Name", "Best hit", "Outcome"],
      (r.parties || []).map((p) => el("tr", {}, el("td", {}, p.role), el("td", {}, p.name),
        el("td", {}, p.matches && p.matches.length ? p.matches[0].caption + " (" + p.matches[0].score.toFixed(3) + ")" : "none"),
        el("td", { class: "verdict-" + p.outcome }, p.outcome))));
    put(out, el("p", { class: "verdict verdict-" + r.verdict }, "Verdict: " + String(r.verdict).toUpperCase()),
      measures || el("p", {}, "No measure triggered."), exemptions, parties,
      (r.notes || []).length ? el("ul", {}, r.notes.map((n) => el("li", {}, n))) : null,
      el("details", {}, el("summary", {}, "Full answer (JSON)"), el("pre", {}, JSON.stringify(r, null, 2))));
  } catch (err) { showError(out, err); }
});

// listsText names the list versions an answer used.
function listsText(meta) {
  if (meta.demo) return "the embedded demo subset (not a compliance list)";
  return meta.lists.map((l) => l.source + " v" + l.version + (l.published ? " (" + l.published + ")" : "") + (l.stale ? " STALE" : "")).join(", ");
}

// ---------- status ----------
async function status() {
  try {
    const s = await api("GET", "/v1/status");
    banner(s.meta);
    $("#status-line").textContent = s.entities + " entities indexed from " + listsText(s.meta);
  } catch (err) { $("#status-line").textContent = "Status unavailable: " + err.message; }
}

route();
status();
