// Schedule conflicts and the critical path: a list of conflicts and marks on the roadmap figure, and a panel of
// an initiative's conflicts and critical path on its page. Reads /api/conflicts and /api/initiatives/{id}/critical-path.
import { api, el, link } from "./ui.js";
import { t } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const SIGNS = { conflict: "!", possible: "?" };  // the severities marked on the roadmap; unknown is only listed

const severity = (name) => el("span", { class: `badge severity-${name}` }, t(`severity-${name}`));

const PLAIN_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/;  // a year, month or day; not a season, quarter or interval

// When a milestone falls: a plain date as such, else in the text's own words ("høsten 2025", "innen utgangen av 2025").
function when(milestone) {
  const statement = milestone.statement;
  if (!statement) return t("undated");
  const date = PLAIN_DATE.test(statement.date ?? "") ? statement.date
    : statement.dateText || statement.date || (milestone.last ? `${t("by")} ${milestone.last}` : `(${t("nowUndated")})`);
  return `${statement.phase.label.toLowerCase()} ${date}${statement.status === "tentative" ? `, ${t("tentative")}` : ""}`;
}

function conflictItem(conflict) {
  const gap = conflict.gapMonths == null ? null : ` – ${conflict.gapMonths} ${t("monthsApart")}`;
  return el("li", { class: `severity-${conflict.severity}`, "data-dependent": conflict.dependent.initiative.id },
    severity(conflict.severity), " ", link(conflict.dependent.initiative), ` (${when(conflict.dependent)}) ${t("dependsOn")} `,
    link(conflict.prerequisite.initiative), ` (${when(conflict.prerequisite)})`, gap,
    el("details", {}, el("summary", {}, t("evidence")),
      el("ul", {}, [...conflict.dependencies.flatMap((d) => d.evidence), conflict.dependent.statement?.evidence[0],
                    conflict.prerequisite.statement?.evidence[0]].filter(Boolean)
        .map((e) => el("li", {}, `«${e.text}» `, el("a", { href: `/documents/${e.document}#${e.start}-${e.end}` }, e.document))))));
}

function conflictList(conflicts) {
  return conflicts.length ? el("ul", { class: "conflicts" }, conflicts.map(conflictItem)) : el("p", {}, t("noConflicts"));
}

// The conflicts of the whole roadmap, as a section below the figure, and a function that marks them on it.
export async function roadmapConflicts() {
  const conflicts = (await api("/api/conflicts?limit=100000")).items;
  const section = el("section", { class: "panel", id: "conflicts" }, el("h2", {}, t("conflicts")), conflictList(conflicts));
  return { section, mark: (figure) => markConflicts(figure, conflicts) };
}

// Put a sign before the name of each dependent in conflict, ! for a conflict and ? for a possible one, and outline
// its bars in the sign's colour.
function markConflicts(figure, conflicts) {
  for (const conflict of conflicts) {
    const id = conflict.dependent.initiative.id, sign = SIGNS[conflict.severity];
    const bar = figure.querySelector(`rect.bar[data-initiative="${id}"]`);
    if (!sign || !bar || figure.querySelector(`.conflict-mark[data-initiative="${id}"]`)) continue;
    const mark = document.createElementNS(SVG, "text");
    for (const [k, v] of Object.entries({ class: `conflict-mark severity-${conflict.severity}`, "data-initiative": id,
      x: 2, y: +bar.getAttribute("y") + 13 })) mark.setAttribute(k, v);
    for (const each of figure.querySelectorAll(`rect.bar[data-initiative="${id}"]`)) each.classList.add(`severity-${conflict.severity}`);
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${t(`severity-${conflict.severity}`)}: ${conflict.dependent.initiative.label} ${t("dependsOn")} `
      + conflict.prerequisite.initiative.label;
    mark.append(sign, title);
    bar.after(mark);
  }
}

// The panel of an initiative's page: the conflicts it is in, and its critical path to innføring.
export async function schedulePanel(id) {
  const [conflicts, path] = await Promise.all([api(`/api/conflicts?initiative=${encodeURIComponent(id)}&limit=1000`),
                                               api(`/api/initiatives/${encodeURIComponent(id)}/critical-path`)]);
  const links = path.links.map((l) => el("li", { class: l.prerequisite.statement ? "dated" : "undated" },
    link(l.prerequisite.initiative), ` – ${when(l.prerequisite)}`,
    l.slackMonths == null ? null : ` (${t("slack")} ${l.slackMonths} ${t("months")})`));
  const earliest = path.earliest ? el("p", {}, `${t("earliest")}: ${when(path.earliest)} (`, link(path.earliest.initiative), ")") : null;
  return el("section", { class: "panel", id: "schedule" }, el("h2", {}, t("conflicts")), conflictList(conflicts.items),
    el("h3", {}, `${t("criticalPath")}: ${path.initiative.phase.label}`), el("p", {}, `${t("ownPlan")}: ${when(path.initiative)}`),
    links.length ? el("ol", { class: "critical-path" }, links) : el("p", {}, t("noPrerequisites")), earliest);
}
