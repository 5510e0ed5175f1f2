// The initiative page's history: its phase statements and status notes grouped by date, oldest first and the
// undated last, each sentence once with every phase it states.
import { t } from "./i18n.js";
import { badge, el } from "./ui.js";

export function historyPanel(history) {
  return el("section", { class: "panel" }, el("h2", {}, t("timeline")),
    el("ol", { class: "timeline", id: "timeline" }, [...byDate(history.items)].map(([date, statements]) =>
      el("li", { class: "date-group" }, el("h3", {}, date ?? t("withoutDate")),
        el("ul", {}, statements.map(statement))))));
}

// Map each date (null for none, put last) to its statements, one per sentence with the phases of its entries.
function byDate(entries) {
  const groups = new Map();
  for (const entry of [...entries.filter((e) => e.date), ...entries.filter((e) => !e.date)]) {
    if (!groups.has(entry.date)) groups.set(entry.date, new Map());
    const sentences = groups.get(entry.date), where = entry.evidence[0], key = `${where.document}#${where.start}`;
    if (!sentences.has(key)) sentences.set(key, { ...entry, phases: [] });
    if (entry.phase && !sentences.get(key).phases.some((p) => p.notation === entry.phase.notation)) sentences.get(key).phases.push(entry.phase);
  }
  return new Map([...groups].map(([date, sentences]) => [date, [...sentences.values()]]));
}

const statement = (s) => el("li", { class: s.status || "status" },
  s.phases.length ? s.phases.flatMap((phase) => [badge(phase), " "]) : [el("span", { class: "badge none" }, t("status")), " "],
  s.status ? [el("em", {}, t(s.status)), " "] : null, s.text);
