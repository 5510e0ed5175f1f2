// The initiative page's related initiatives, each with its score and its reasons worded in the page's language.
import { format, language, number, t } from "./i18n.js";
import { el, link } from "./ui.js";

// "sharedPrerequisite" is worded by the text "reasonSharedPrerequisite"; a count of one by "...One".
export function reason({ kind, label, count }, lang = language()) {
  const key = `reason${kind[0].toUpperCase()}${kind.slice(1)}${count === 1 ? "One" : ""}`;
  return format(key, { label, count }, lang);
}

export function relatedPanel(related) {
  return el("section", { class: "panel", id: "related" }, el("h2", {}, t("related")),
    el("ol", {}, related.items.map((r) => el("li", {}, link(r.initiative), ` (${number(r.score)} ${t("score")}) `,
      el("span", { class: "alt" }, r.why.map((w) => reason(w)).join("; "))))));
}
