// The roadmap as a table, for the keyboard and screen readers: each initiative with its dated phases and the
// initiatives it depends on, the same as the figure shows. It folds out under the figure and stays open
// while the figure is redrawn.
import { t } from "./i18n.js";
import { el, link } from "./ui.js";

export function roadmapTable(phases) {
  const names = new Map(phases.map((p) => [p.notation, p.label]));
  const body = el("div", { class: "table-scroll" });
  const element = el("details", { id: "roadmap-table" }, el("summary", {}, t("roadmapTable")), body);
  const update = (items, dependencies) => {
    const needs = new Map();
    for (const edge of dependencies) needs.set(edge.dependent.iri, [...(needs.get(edge.dependent.iri) ?? []), edge.prerequisite]);
    const header = [t("initiative"), t("timeline"), t("prerequisites")];
    body.replaceChildren(el("table", {}, el("caption", { class: "sr-only" }, t("roadmapTable")),
      el("thead", {}, el("tr", {}, header.map((text) => el("th", { scope: "col" }, text)))),
      el("tbody", {}, items.map((item) => el("tr", {}, el("th", { scope: "row" }, link(item)),
        el("td", {}, el("ul", {}, item.bars.map((bar) => el("li", {}, `${bar.date}: ${names.get(bar.phase) ?? bar.phase} (${t(bar.status)})`)))),
        el("td", {}, el("ul", {}, (needs.get(item.iri) ?? []).map((ref) => el("li", {}, link(ref))))))))));
  };
  return { element, update };
}
