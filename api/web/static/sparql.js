// The SPARQL page: a query editor with syntax highlighting and a result table (YASGUI), with example
// queries for the common questions.
import { renderHeader } from "./nav.js";
import { repairYasgui } from "./yasgui_repairs.js";

const PREFIXES = `PREFIX vk: <https://w3id.org/veikart/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
`;
const EXAMPLES = {
  "Forutsetninger for PLL": `${PREFIXES}SELECT DISTINCT ?prerequisite WHERE {
  <https://w3id.org/veikart/id/initiative/pasientens-legemiddelliste> vk:dependsOn+ ?p .
  ?p skos:prefLabel ?prerequisite }`,
  "Hva avhenger av SFM": `${PREFIXES}SELECT ?dependent ?sentence WHERE {
  ?d vk:prerequisite <https://w3id.org/veikart/id/initiative/sentral-forskrivningsmodul> ;
     vk:dependent [ skos:prefLabel ?dependent ] ; prov:wasDerivedFrom/oa:hasSelector/oa:exact ?sentence }`,
  "Hvem leder hva": `${PREFIXES}SELECT ?initiative ?actor WHERE {
  ?i vk:ledBy ?a . ?i skos:prefLabel ?initiative . ?a skos:prefLabel ?actor }`,
  "Fase per tiltak": `${PREFIXES}SELECT ?initiative ?phase ?date ?status WHERE {
  ?s a vk:PhaseStatement ; vk:initiative [ skos:prefLabel ?initiative ] ; vk:phase [ skos:notation ?phase ] ;
     vk:status [ skos:notation ?status ] . OPTIONAL { ?s vk:date ?date } } ORDER BY ?initiative ?date`,
};

renderHeader();
const yasgui = new Yasgui(document.getElementById("yasgui"), {
  requestConfig: { endpoint: `${location.origin}/sparql`, method: "POST" },
  copyEndpointOnNewTab: true,
  persistenceId: null,
  // the editor wraps long lines and grows with its query: no scrolled region that a keyboard cannot reach
  yasqe: { lineWrapping: true, viewportMargin: Infinity, resizeable: false },
});
const [first, ...others] = Object.entries(EXAMPLES);
const tab = yasgui.getTab();
tab.setName(first[0]);
tab.setQuery(first[1]);
for (const [name, query] of others) yasgui.addTab(false, { ...Yasgui.Tab.getDefaults(), name, yasqe: { value: query } });
repairYasgui(yasgui, document.getElementById("yasgui"));
window.yasgui = yasgui;
document.body.dataset.ready = "true";
