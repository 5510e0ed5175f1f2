// The evidence panel of the initiative page: the sentences a dependency rests on, its cue word marked.
import { number, t } from "./i18n.js";
import { el } from "./ui.js";

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

export function evidencePanel() {
  return el("section", { class: "panel", id: "evidence", tabindex: "-1", "aria-live": "polite" },
    el("h2", {}, t("evidence")), el("p", {}, t("chooseEdge")));
}

export function showEvidence(panel, edge) {
  panel.replaceChildren(el("h2", {}, t("evidence")),
    el("p", {}, `${edge.prerequisite.label} → ${edge.dependent.label} (${t(edge.kind)}, ${t("confidence").toLowerCase()} ${number(edge.confidence)})`),
    ...edge.evidence.map((e) => el("div", { class: "evidence" }, highlightCue(e.text),
      el("a", { href: `/documents/${e.document}#${e.start}-${e.end}` }, `${t("document")}: ${e.document}`))));
  panel.focus();
}
