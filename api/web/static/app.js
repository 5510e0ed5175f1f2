// The Veikart web client: explorer, initiative, roadmap, actor and document pages over the public REST API.
import { language, t } from "./i18n.js";
import { renderRoadmap } from "./roadmap.js";
import { schedulePanel } from "./schedule.js";

const main = document.querySelector("main");
const show = (...nodes) => main.replaceChildren(...nodes.filter((node) => node != null));

export async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error((await response.json()).detail || response.statusText);
  return response.json();
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child != null) node.append(child);
  return node;
}

export const badge = (phase) => phase
  ? el("span", { class: `badge phase-${phase.notation}` }, phase.label)
  : el("span", { class: "badge none" }, t("noPhase"));

const link = (ref, kind = "initiatives") => el("a", { href: `/${kind}/${ref.id}` }, ref.label);

function header() {
  const toggle = el("button", { type: "button", onclick: () => {
    localStorage.setItem("veikart-lang", language() === "nb" ? "en" : "nb"); location.reload(); } }, t("lang"));
  document.documentElement.lang = language() === "nb" ? "nb" : "en";
  document.body.prepend(el("header", {}, el("a", { href: "/", class: "brand" }, "Veikart"),
    el("nav", { "aria-label": "Hovedmeny" }, el("a", { href: "/" }, t("explore")), " ",
       el("a", { href: "/roadmap" }, t("roadmap")), " ", el("a", { href: "/sparql" }, t("sparql"))), toggle));
}

async function explorer() {
  const [all, phases, actors, goals] = await Promise.all([
    api("/api/initiatives?limit=100000"), api("/api/phases"), api("/api/actors?limit=100000"), api("/api/goals")]);
  const options = (items, label, value, text) => [el("option", { value: "" }, label),
    ...items.map((item) => el("option", { value: value(item) }, text(item)))];
  const search = el("input", { type: "search", id: "search", list: "suggestions", "aria-label": t("search"),
                               placeholder: t("search"), autocomplete: "off" });
  const suggestions = el("datalist", { id: "suggestions" },
    all.items.flatMap((i) => [i.label, ...i.altLabels].map((name) => el("option", { value: name }))));
  const phase = el("select", { id: "phase", "aria-label": t("allPhases") },
    options(phases.items, t("allPhases"), (p) => p.notation, (p) => p.label));
  const actor = el("select", { id: "actor", "aria-label": t("allActors") },
    options(actors.items, t("allActors"), (a) => a.id, (a) => a.label));
  const goal = el("select", { id: "goal", "aria-label": t("allGoals") },
    options(goals.items.flatMap((g) => [g, ...g.subgoals]), t("allGoals"), (g) => g.notation,
            (g) => `${g.notation} ${g.label}`.slice(0, 70)));
  const count = el("p", { id: "count", "aria-live": "polite" });
  const list = el("ul", { class: "results", id: "results" });
  show(el("h1", {}, t("explore")),
    el("div", { class: "controls" }, search, suggestions, phase, actor, goal), count, list);
  const exact = (name) => all.items.find((i) => [i.label, ...i.altLabels].some((n) => n.toLowerCase() === name.toLowerCase()));
  async function refresh() {
    const query = new URLSearchParams({ limit: "100000" });
    if (search.value) query.set("q", search.value);
    for (const [key, select] of [["phase", phase], ["actor", actor], ["goal", goal]]) if (select.value) query.set(key, select.value);
    const page = await api(`/api/initiatives?${query}`);
    count.textContent = `${page.total} ${t("initiatives")}`;
    list.replaceChildren(...page.items.map((i) => el("li", {}, link(i), " ",
      i.altLabels.length ? el("span", { class: "alt" }, i.altLabels.join(", ")) : null, badge(i.phase))));
  }
  search.addEventListener("input", refresh);
  search.addEventListener("keydown", (event) => {
    const hit = event.key === "Enter" && exact(search.value);
    if (hit) location.href = `/initiatives/${hit.id}`;
  });
  search.addEventListener("change", () => { const hit = exact(search.value); if (hit) location.href = `/initiatives/${hit.id}`; });
  for (const select of [phase, actor, goal]) select.addEventListener("change", refresh);
  await refresh();
}

const CUES = /(forutsett\w*|forutsetning\w*|bygge[rst]? på|avhengig\w* av|følge\w* innføring\w* av|krev\w*|integrer\w*|koordiner\w*|på plass før)/gi;

export function highlightCue(text) {
  const quote = el("blockquote");
  let cursor = 0;
  for (const match of text.matchAll(CUES)) {
    quote.append(text.slice(cursor, match.index), el("mark", {}, match[0]));
    cursor = match.index + match[0].length;
  }
  quote.append(text.slice(cursor));
  return quote;
}

function showEvidence(panel, edge) {
  panel.replaceChildren(el("h2", {}, t("evidence")),
    el("p", {}, `${edge.prerequisite.label} → ${edge.dependent.label} (${edge.kind}, ${edge.confidence})`),
    ...edge.evidence.map((e) => el("div", { class: "evidence" }, highlightCue(e.text),
      el("a", { href: `/documents/${e.document}#${e.start}-${e.end}` }, `${t("document")}: ${e.document}`))));
  panel.focus();
}

async function initiative(id) {
  const detail = await api(`/api/initiatives/${encodeURIComponent(id)}`);
  document.title = `${detail.label} – Veikart`;
  const [history, related, schedule] = await Promise.all([api(`/api/initiatives/${id}/history`),
    api(`/api/initiatives/${id}/related?limit=10`), schedulePanel(id)]);
  const transitive = el("input", { type: "checkbox", id: "transitive" });
  const evidence = el("section", { class: "panel", id: "evidence", tabindex: "-1", "aria-live": "polite" },
                      el("h2", {}, t("evidence")), el("p", {}, t("chooseEdge")));
  const edgeList = el("div", { class: "edges", id: "edge-list" });
  const graphPanel = el("section", { class: "panel" }, el("h2", {}, t("graph")),
    el("label", {}, transitive, " ", t("transitive")),
    el("div", { id: "graph", role: "img", "aria-label": t("graph") }), edgeList);
  const timeline = el("section", { class: "panel" }, el("h2", {}, t("timeline")),
    el("ol", { class: "timeline", id: "timeline" }, history.items.map((h) => el("li", { class: h.status || "status" },
      el("strong", {}, h.date || "–"), " ",
      h.phase ? badge(h.phase) : el("span", { class: "badge none" }, t("status")), " ",
      h.status ? el("em", {}, t(h.status)) : null, " ", h.text))));
  const leads = el("section", { class: "panel" }, el("h2", {}, t("leads")),
    el("ul", {}, detail.actors.map((a) => el("li", {}, link(a.actor, "actors"), ` (${a.role})`))));
  const goals = el("section", { class: "panel" }, el("h2", {}, t("goals")),
    el("ul", {}, detail.subgoals.map((g) => el("li", {}, `${g.notation} ${g.label}`))));
  const relatedPanel = el("section", { class: "panel", id: "related" }, el("h2", {}, t("related")),
    el("ol", {}, related.items.map((r) => el("li", {}, link(r.initiative), ` (${r.score} ${t("score")}) `,
      el("span", { class: "alt" }, r.reasons.join("; "))))));
  show(
    el("h1", {}, detail.label, " ", badge(detail.phase)),
    detail.altLabels.length ? el("p", { class: "alt" }, detail.altLabels.join(", ")) : null,
    detail.description ? el("p", {}, detail.description) : null,
    el("div", { class: "grid" }, el("div", {}, graphPanel, evidence, timeline), el("div", {}, schedule, leads, goals, relatedPanel)));
  const draw = async () => {
    const flag = transitive.checked ? "true" : "false";
    const [up, down] = await Promise.all([api(`/api/initiatives/${id}/dependencies?transitive=${flag}&limit=1000`),
                                          api(`/api/initiatives/${id}/dependents?transitive=${flag}&limit=1000`)]);
    drawGraph(detail, up.items, down.items, evidence, edgeList);
  };
  transitive.addEventListener("change", draw);
  await draw();
}

function drawGraph(detail, upstream, downstream, evidence, edgeList) {
  const nodes = new Map([[detail.id, { data: { id: detail.id, label: detail.label, center: 1 }, position: { x: 0, y: 0 } }]]);
  const edges = new Map();
  const place = (items, direction) => {
    const perDepth = {};
    for (const item of items) {
      const row = (perDepth[item.depth] = (perDepth[item.depth] || 0) + 1);
      nodes.set(item.initiative.id, { data: { id: item.initiative.id, label: item.initiative.label },
        position: { x: direction * 230 * item.depth, y: (row - 1) * 70 * (row % 2 ? 1 : -1) } });
      for (const hop of item.hops) {
        const key = `${hop.prerequisite.id}->${hop.dependent.id}:${hop.kind}`;
        edges.set(key, { data: { id: key, source: hop.prerequisite.id, target: hop.dependent.id, kind: hop.kind, edge: hop } });
      }
    }
  };
  place(upstream, -1);
  place(downstream, 1);
  const cy = window.cy = cytoscape({
    container: document.getElementById("graph"), elements: [...nodes.values(), ...edges.values()], layout: { name: "preset" },
    style: [
      { selector: "node", style: { label: "data(label)", "text-wrap": "wrap", "text-max-width": 140, "font-size": 12,
                                   "background-color": "#3a8fd0", "text-valign": "bottom" } },
      { selector: "node[center]", style: { "background-color": "#17324d", width: 38, height: 38 } },
      { selector: "edge", style: { width: 3, "curve-style": "bezier", "target-arrow-shape": "triangle",
                                   "line-color": "#6b7785", "target-arrow-color": "#6b7785" } },
      { selector: "edge[kind = 'buildsOn']", style: { "line-style": "dashed", "line-color": "#8a5cc2", "target-arrow-color": "#8a5cc2" } },
      { selector: "edge[kind = 'follows']", style: { "line-style": "dotted", "line-color": "#c26b1e", "target-arrow-color": "#c26b1e" } },
      { selector: "edge[kind = 'integratesWith'], edge[kind = 'coordinatedWith']", style: { "line-color": "#2f8f6b", "target-arrow-color": "#2f8f6b" } },
    ],
  });
  cy.fit(undefined, 40);
  cy.on("tap", "node", (event) => { if (!event.target.data("center")) location.href = `/initiatives/${event.target.id()}`; });
  cy.on("tap", "edge", (event) => showEvidence(evidence, event.target.data("edge")));
  edgeList.replaceChildren(...[...edges.values()].map(({ data }) => el("button", { type: "button",
    onclick: () => showEvidence(evidence, data.edge) }, `${data.edge.prerequisite.label} → ${data.edge.dependent.label} (${data.kind})`)));
}

async function actor(id) {
  const detail = await api(`/api/actors/${encodeURIComponent(id)}`);
  show(el("h1", {}, detail.label),
    detail.altLabels.length ? el("p", { class: "alt" }, detail.altLabels.join(", ")) : null,
    el("section", { class: "panel" }, el("h2", {}, t("roles")),
      el("ul", {}, detail.roles.map((r) => el("li", {}, link(r.initiative), ` (${r.role})`)))),
    el("section", { class: "panel" }, el("h2", {}, t("documents")),
      el("ul", {}, detail.documents.map((d) => el("li", {}, el("a", { href: `/documents/${d.id}` }, d.title))))));
}

async function documentPage(id) {
  const detail = await api(`/api/documents/${encodeURIComponent(id)}`);
  const text = el("div", { class: "doctext", id: "doctext" });
  let cursor = 0;
  const spans = detail.annotations.filter((a, i, all) => i === 0 || a.start >= all[i - 1].end);
  for (const a of spans) {
    if (a.start < cursor) continue;
    text.append(detail.text.slice(cursor, a.start),
      el("mark", { class: `k-${a.kind}`, id: `${a.start}-${a.end}`, title: a.kind }, detail.text.slice(a.start, a.end)));
    cursor = a.end;
  }
  text.append(detail.text.slice(cursor));
  const kinds = {};
  for (const a of detail.annotations) kinds[a.kind] = (kinds[a.kind] || 0) + 1;
  show(el("h1", {}, detail.title),
    el("p", { class: "legend" }, Object.entries(kinds).map(([k, n]) => el("span", {}, el("mark", { class: `k-${k}` }, k), ` ${n}`))),
    text);
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

async function route() {
  header();
  const [, page, id] = location.pathname.split("/");
  try {
    if (!page) await explorer();
    else if (page === "initiatives" && id) await initiative(decodeURIComponent(id));
    else if (page === "actors" && id) await actor(decodeURIComponent(id));
    else if (page === "documents" && id) await documentPage(decodeURIComponent(id));
    else if (page === "roadmap") await renderRoadmap(main);
    else show(el("p", {}, t("notFound")));
  } catch (error) {
    show(el("p", { role: "alert" }, String(error.message || error)));
  }
  document.body.dataset.ready = "true";
}

route();
