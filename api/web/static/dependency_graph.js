// The initiative page's dependencies: a graph laid out in layers (prerequisites left, dependents right,
// by dagre), its labels legible at the zoom it opens with, each edge's kind and confidence shown and
// explained in a legend, and the same edges as a table for the keyboard and screen readers.
import { format, number, t } from "./i18n.js";
import { api, el, link } from "./ui.js";
import { showEvidence } from "./evidence.js";

const FONT_SIZE = 13;
const LEGIBLE = 11;  // the smallest label size, in screen pixels, the graph opens with
const PADDING = 16;
const LABEL_OFFSET = 72;  // along the edge from the node's border: past half a label's width
const KINDS = {  // the line of each dependency kind: colour and dashes, in the graph and in its legend
  requires: { colour: "#3d4854", line: "solid" },
  buildsOn: { colour: "#6b3fa0", line: "dashed" },
  follows: { colour: "#9a4a0b", line: "dotted" },
  integratesWith: { colour: "#1c6b4f", line: "solid" },
  coordinatedWith: { colour: "#1c6b4f", line: "dashed" },
};
const DASHES = { solid: "none", dashed: "8 4", dotted: "2 4" };

export function dependencyPanel(detail, evidence) {
  const transitive = el("input", { type: "checkbox", id: "transitive" });
  const canvas = el("div", { id: "graph", role: "img" });
  const table = el("div", { class: "edges", id: "edge-list" });
  const panel = el("section", { class: "panel", "aria-labelledby": "graph-heading" },
    el("h2", { id: "graph-heading" }, t("graph")), el("label", {}, transitive, " ", t("transitive")),
    canvas, legend(), table);
  let graph = null;
  const draw = async () => {
    const flag = transitive.checked ? "true" : "false";
    const [up, down] = await Promise.all([api(`/api/initiatives/${detail.id}/dependencies?transitive=${flag}&limit=1000`),
                                          api(`/api/initiatives/${detail.id}/dependents?transitive=${flag}&limit=1000`)]);
    const edges = hops([...up.items, ...down.items]);
    canvas.setAttribute("aria-label", format("graphSummary", { label: detail.label, up: up.total, down: down.total }));
    graph?.destroy();
    graph = window.cy = drawGraph(canvas, detail, [...up.items, ...down.items], edges, evidence);
    table.replaceChildren(edgeTable(edges, evidence));
  };
  transitive.addEventListener("change", draw);
  return { panel, draw };
}

function hops(reached) {
  const edges = new Map();
  for (const hop of reached.flatMap((item) => item.hops)) edges.set(`${hop.prerequisite.id}->${hop.dependent.id}:${hop.kind}`, hop);
  return edges;
}

function drawGraph(canvas, detail, reached, edges, evidence) {
  const nodes = [{ data: { id: detail.id, label: detail.label, center: 1 } },
    ...reached.map((item) => ({ data: { id: item.initiative.id, label: item.initiative.label } }))];
  const cy = cytoscape({
    container: canvas, minZoom: 0.3, maxZoom: 2.5, boxSelectionEnabled: false,
    elements: [...nodes, ...[...edges].map(([id, hop]) => ({ data: {
      id, source: hop.prerequisite.id, target: hop.dependent.id, kind: hop.kind, hop,
      label: `${t(hop.kind)} · ${number(hop.confidence)}`, width: 1.5 + 3 * hop.confidence,
      side: hop.dependent.id === detail.id ? "source" : "target" } }))],
    style: graphStyle(),
  });
  cy.layout({ name: "dagre", rankDir: "LR", nodeSep: 30, rankSep: 190, edgeSep: 16, fit: false }).run();
  frame(cy, canvas, detail.id);
  cy.on("tap", "node", (event) => { if (!event.target.data("center")) location.href = `/initiatives/${event.target.id()}`; });
  cy.on("tap", "edge", (event) => showEvidence(evidence, event.target.data("hop")));
  return cy;
}

function graphStyle() {
  return [
    { selector: "node", style: { shape: "round-rectangle", width: 150, height: 46, label: "data(label)",
      "font-size": FONT_SIZE, "text-wrap": "wrap", "text-max-width": 138, "text-valign": "center", "text-halign": "center",
      color: "#1d2733", "background-color": "#e6eef6", "border-width": 1.5, "border-color": "#17324d" } },
    { selector: "node[center]", style: { "background-color": "#17324d", color: "#fff", "font-weight": "bold" } },
    { selector: "edge", style: { width: "data(width)", "curve-style": "taxi", "taxi-direction": "rightward",
      "target-arrow-shape": "triangle",
      "font-size": FONT_SIZE, color: "#1d2733", "source-text-offset": LABEL_OFFSET, "target-text-offset": LABEL_OFFSET,
      "source-text-margin-y": -10, "target-text-margin-y": -10 } },
    // an edge's label stands above its straight stretch at the end away from the centre initiative, where the
    // edges are apart; the edge turns towards the centre after it
    { selector: "edge[side = 'source']", style: { "source-label": "data(label)", "taxi-turn": "85%" } },
    { selector: "edge[side = 'target']", style: { "target-label": "data(label)", "taxi-turn": "15%" } },
    ...Object.entries(KINDS).map(([kind, { colour, line }]) => ({ selector: `edge[kind = '${kind}']`,
      style: { "line-color": colour, "target-arrow-color": colour, "line-style": line } })),
  ];
}

// Zoom to fit the graph to the panel's width, but never below the legible size: the panel grows in
// height to hold the graph, and a graph wider than the panel opens at its centre initiative, to be panned.
function frame(cy, canvas, centre) {
  const box = cy.elements().boundingBox();
  const zoom = Math.min(1.2, Math.max(LEGIBLE / FONT_SIZE, (canvas.clientWidth - 2 * PADDING) / box.w));
  canvas.style.height = `${Math.round(Math.min(720, Math.max(220, box.h * zoom + 2 * PADDING)))}px`;
  cy.resize();
  cy.zoom(zoom);
  if (box.w * zoom <= canvas.clientWidth - 2 * PADDING) cy.center();
  else cy.center(cy.getElementById(centre));
}

function legend() {
  const sample = ({ colour, line }) => {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("width", "36"); svg.setAttribute("height", "10"); svg.setAttribute("aria-hidden", "true");
    svg.innerHTML = `<line x1="0" y1="5" x2="36" y2="5" stroke="${colour}" stroke-width="3" stroke-dasharray="${DASHES[line]}"/>`;
    return svg;
  };
  return el("ul", { class: "legend graph-legend", id: "graph-legend" },
    Object.entries(KINDS).map(([kind, style]) => el("li", {}, sample(style), " ", t(kind))),
    el("li", {}, t("legendWidth")));
}

function edgeTable(edges, evidence) {
  if (!edges.size) return el("p", {}, t("noEdges"));
  const header = [t("prerequisite"), t("dependent"), t("kind"), t("confidence"), t("evidence")];
  return el("table", {}, el("caption", {}, t("edgeTable")),
    el("thead", {}, el("tr", {}, header.map((text) => el("th", { scope: "col" }, text)))),
    el("tbody", {}, [...edges.values()].map((hop) => el("tr", {},
      el("td", {}, link(hop.prerequisite)), el("td", {}, link(hop.dependent)), el("td", {}, t(hop.kind)),
      el("td", {}, number(hop.confidence)),
      el("td", {}, el("button", { type: "button", onclick: () => showEvidence(evidence, hop) }, t("showEvidence"),
        " ", el("span", { class: "sr-only" }, `${hop.prerequisite.label} → ${hop.dependent.label}`)))))));
}
