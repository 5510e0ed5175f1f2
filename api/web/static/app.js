// The Veikart web client: explorer, initiative, roadmap, actor and document pages over the public REST API.
import { dependencyPanel } from "./dependency_graph.js";
import { evidencePanel } from "./evidence.js";
import { historyPanel } from "./history.js";
import { t } from "./i18n.js";
import { renderHeader } from "./nav.js";
import { relatedPanel } from "./related.js";
import { renderRoadmap } from "./roadmap.js";
import { schedulePanel } from "./schedule.js";
import { api, badge, el, link } from "./ui.js";

const main = document.querySelector("main");
const show = (...nodes) => main.replaceChildren(...nodes.filter((node) => node != null));

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

async function initiative(id) {
  const detail = await api(`/api/initiatives/${encodeURIComponent(id)}`);
  document.title = `${detail.label} – Veikart`;
  const [history, related, schedule] = await Promise.all([api(`/api/initiatives/${id}/history`),
    api(`/api/initiatives/${id}/related?limit=10`), schedulePanel(id)]);
  const evidence = evidencePanel();
  const graph = dependencyPanel(detail, evidence);
  const leads = el("section", { class: "panel" }, el("h2", {}, t("leads")),
    el("ul", {}, detail.actors.map((a) => el("li", {}, link(a.actor, "actors"), ` (${t(a.role)})`))));
  const goals = el("section", { class: "panel" }, el("h2", {}, t("goals")),
    el("ul", {}, detail.subgoals.map((g) => el("li", {}, `${g.notation} ${g.label}`))));
  show(
    el("h1", {}, detail.label, " ", badge(detail.phase)),
    detail.altLabels.length ? el("p", { class: "alt" }, detail.altLabels.join(", ")) : null,
    detail.description ? el("p", {}, detail.description) : null,
    el("div", { class: "grid" }, el("div", {}, graph.panel, evidence, historyPanel(history)),
       el("div", {}, schedule, leads, goals, relatedPanel(related))));
  await graph.draw();
}

async function actor(id) {
  const detail = await api(`/api/actors/${encodeURIComponent(id)}`);
  show(el("h1", {}, detail.label),
    detail.altLabels.length ? el("p", { class: "alt" }, detail.altLabels.join(", ")) : null,
    el("section", { class: "panel" }, el("h2", {}, t("roles")),
      el("ul", {}, detail.roles.map((r) => el("li", {}, link(r.initiative), ` (${t(r.role)})`)))),
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
  renderHeader();
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
