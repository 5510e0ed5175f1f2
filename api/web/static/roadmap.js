// The roadmap figure: phase bars on a time axis in the value-chain colours, planned solid and tentative
// dashed, arrows for dependencies, grouped by subgoal or lead actor. Reads /sparql and the REST API.
import { api, el } from "./ui.js";
import { format, t } from "./i18n.js";
import { roadmapTable } from "./roadmap_table.js";
import { roadmapConflicts } from "./schedule.js";
import { downloadLinks } from "./downloads.js";

const SVG = "http://www.w3.org/2000/svg";
const COLOURS = { konsept: "#5d6b82", utvikling_begrenset_utproving: "#f2b134", tilpasning_utvidet_utproving: "#f0802a",
                  innforing: "#1f6fb2", i_drift: "#2d7a3a" };
const STATEMENTS = `PREFIX vk: <https://w3id.org/veikart/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?initiative ?notation ?date ?status WHERE {
  ?s a vk:PhaseStatement ; vk:initiative ?initiative ; vk:phase/skos:notation ?notation ;
     vk:status/skos:notation ?status ; vk:date ?date .
} ORDER BY ?initiative ?date`;

const svg = (tag, attrs = {}, ...children) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
};

const year = (date) => { const [y, m = "1", d = "1"] = String(date).split("-"); return +y + (+m - 1) / 12 + (+d - 1) / 365; };

async function data() {
  const response = await fetch(`/sparql?query=${encodeURIComponent(STATEMENTS)}`, { headers: { Accept: "application/sparql-results+json" } });
  const rows = (await response.json()).results.bindings;
  const [initiatives, dependencies] = await Promise.all([api("/api/initiatives?limit=100000"), api("/api/dependencies?limit=100000")]);
  const byIri = new Map(initiatives.items.map((i) => [i.iri, { ...i, bars: [] }]));
  for (const row of rows) {
    const item = byIri.get(row.initiative.value);
    if (item) item.bars.push({ phase: row.notation.value, date: row.date.value, start: year(row.date.value), status: row.status.value });
  }
  for (const item of byIri.values()) {
    item.bars.sort((a, b) => a.start - b.start);
    item.bars.forEach((bar, i) => { bar.end = Math.max(bar.start + 0.25, item.bars[i + 1]?.start ?? bar.start + 1); });
  }
  return { items: [...byIri.values()].filter((i) => i.bars.length), dependencies: dependencies.items };
}

export async function renderRoadmap(main) {
  const { items, dependencies } = await data();
  const group = el("select", { id: "group", "aria-label": t("groupBy") },
    el("option", { value: "goal" }, `${t("groupBy")} ${t("byGoal")}`), el("option", { value: "actor" }, `${t("groupBy")} ${t("byActor")}`));
  const filter = el("input", { type: "search", id: "roadmap-filter", placeholder: t("filter"), "aria-label": t("filter") });
  const figure = el("div", { id: "roadmap", style: "overflow-x:auto", tabindex: "0", role: "region", "aria-label": t("roadmap") });
  const svgButton = el("button", { type: "button", id: "export-svg" }, t("exportSvg"));
  const pngButton = el("button", { type: "button", id: "export-png" }, t("exportPng"));
  const phases = await api("/api/phases");
  const table = roadmapTable(phases.items);
  const legend = el("p", { class: "legend" }, phases.items.map((p) => el("span", {}, el("span", { class: `badge phase-${p.notation}` }, p.label))),
    el("span", {}, `— ${t("planned")}/${t("actual")}, - - ${t("tentative")}`));
  const conflicts = await roadmapConflicts();
  main.replaceChildren(el("h1", {}, t("roadmap")), el("div", { class: "controls" }, group, filter, svgButton, pngButton), legend, figure,
    table.element, conflicts.section);
  main.append(downloadLinks());
  const draw = () => {
    const shown = items.filter((i) => [i.label, ...i.altLabels].join(" ").toLowerCase().includes(filter.value.toLowerCase()));
    figure.replaceChildren(chart(shown, dependencies, group.value));
    table.update(shown, dependencies);
    conflicts.mark(figure);
  };
  group.addEventListener("change", draw);
  filter.addEventListener("input", draw);
  svgButton.addEventListener("click", () => download(new Blob([serialise(figure)], { type: "image/svg+xml" }), "veikart.svg"));
  pngButton.addEventListener("click", () => toPng(figure));
  draw();
}

function chart(items, dependencies, grouping) {
  const groups = new Map();
  for (const item of items) {
    const key = grouping === "actor" ? (item.leads[0]?.label ?? t("other")) : (item.goals.find((g) => g.includes(".")) ?? item.goals[0] ?? t("other"));
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  const starts = items.flatMap((i) => i.bars.map((b) => b.start)), ends = items.flatMap((i) => i.bars.map((b) => b.end));
  const from = Math.floor(Math.min(...starts, 2024)), to = Math.ceil(Math.max(...ends, from + 4));
  const left = 260, width = 900, rowHeight = 26, scale = (y) => left + ((y - from) / (to - from)) * width;
  const rows = [...groups.entries()].sort(([a], [b]) => String(a).localeCompare(String(b)))
    .flatMap(([key, members]) => [{ heading: key }, ...members.map((item) => ({ item }))]);
  const height = 40 + rows.length * rowHeight;
  const root = svg("svg", { xmlns: SVG, class: "roadmap", width: left + width + 20, height, viewBox: `0 0 ${left + width + 20} ${height}`,
                            role: "img", "aria-label": format("roadmapSummary", { count: items.length }) });
  root.append(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto" },
    svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#17324d" }))));
  for (let y = from; y <= to; y++) {
    root.append(svg("line", { x1: scale(y), x2: scale(y), y1: 20, y2: height, stroke: "#d7dde4" }),
                svg("text", { x: scale(y) + 2, y: 14 }, String(y)));
  }
  const where = new Map();
  rows.forEach((row, index) => {
    const y = 30 + index * rowHeight;
    if (row.heading) { root.append(svg("text", { x: 4, y: y + 16, "font-weight": "bold" }, String(row.heading))); return; }
    root.append(svg("text", { x: 14, y: y + 16 }, row.item.label.slice(0, 38)));
    for (const bar of row.item.bars) {
      root.append(svg("rect", { class: "bar", x: scale(bar.start), y: y + 4, width: Math.max(4, scale(bar.end) - scale(bar.start)), height: 16,
        fill: COLOURS[bar.phase], stroke: "#17324d", "stroke-dasharray": bar.status === "tentative" ? "4 3" : "none",
        "fill-opacity": bar.status === "tentative" ? 0.55 : 1, "data-initiative": row.item.id }, svg("title", {}, `${row.item.label}: ${bar.phase} (${bar.status})`)));
    }
    where.set(row.item.iri, { x: scale(row.item.bars[0].start), y: y + 12 });
  });
  for (const edge of dependencies) {
    const a = where.get(edge.prerequisite.iri), b = where.get(edge.dependent.iri);
    if (!a || !b) continue;
    root.append(svg("path", { class: "arrow", d: `M${a.x},${a.y} C${a.x - 30},${(a.y + b.y) / 2} ${b.x - 30},${(a.y + b.y) / 2} ${b.x},${b.y}`,
      fill: "none", stroke: "#17324d", "stroke-width": 1.5, "marker-end": "url(#arrow)" }, svg("title", {}, `${edge.prerequisite.label} → ${edge.dependent.label}`)));
  }
  return root;
}

const serialise = (figure) => new XMLSerializer().serializeToString(figure.querySelector("svg"));

function download(blob, name) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a); a.click(); a.remove();
}

function toPng(figure) {
  const source = figure.querySelector("svg"), image = new Image();
  image.onload = () => {
    const canvas = el("canvas", { width: source.getAttribute("width"), height: source.getAttribute("height") });
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff"; context.fillRect(0, 0, canvas.width, canvas.height); context.drawImage(image, 0, 0);
    canvas.toBlob((blob) => download(blob, "veikart.png"));
  };
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serialise(figure))}`;
}
