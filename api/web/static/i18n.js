// Norwegian user interface text, with English available (?lang=en or the language button).
export const TEXT = {
  nb: { explore: "Utforsk", roadmap: "Veikart", sparql: "SPARQL", search: "Søk etter tiltak eller forkortelse",
        allPhases: "Alle faser", allActors: "Alle aktører", allGoals: "Alle mål", initiatives: "tiltak",
        noPhase: "ingen fase", leads: "Ledes av", goals: "Delmål", timeline: "Faser og status over tid",
        graph: "Avhengigheter", transitive: "Vis indirekte avhengigheter", related: "Relaterte tiltak",
        evidence: "Kildebelegg", chooseEdge: "Velg en avhengighet for å se setningen den bygger på.",
        downloads: "Last ned for andre verktøy", download_archimate: "ArchiMate-modell (XML, for Archi)",
        download_xlsx: "Regneark (XLSX)", download_csv: "Tabeller (CSV i zip)", download_mermaid: "Tidslinje (Mermaid)",
        download_graphml: "Avhengighetsgraf (GraphML)", download_jsonld: "Tiltak som lenkede data (JSON-LD)",
        document: "Åpne dokumentet", prerequisites: "Forutsetninger", dependents: "Avhenger av dette",
        groupBy: "Grupper etter", byGoal: "mål", byActor: "aktør", filter: "Filtrer", exportSvg: "Last ned SVG",
        exportPng: "Last ned PNG", roles: "Roller", documents: "Dokumenter", facts: "fakta", planned: "planlagt",
        tentative: "tentativ", actual: "faktisk", status: "status", other: "Annet", lang: "English",
        notFound: "Fant ikke siden.", score: "poeng",
        conflicts: "Planleggingskonflikter", noConflicts: "Ingen planleggingskonflikter.", dependsOn: "avhenger av",
        "severity-conflict": "konflikt", "severity-possible": "mulig konflikt", "severity-unknown": "ukjent",
        monthsApart: "mnd. mellom", undated: "uten dato", by: "senest", nowUndated: "nå, uten dato",
        criticalPath: "Kritisk vei", ownPlan: "Egen plan", slack: "slakk", months: "mnd.", earliest: "Tidligst mulig",
        noPrerequisites: "Ingen forutsetninger." },
  en: { explore: "Explore", roadmap: "Roadmap", sparql: "SPARQL", search: "Search initiatives or abbreviations",
        allPhases: "All phases", allActors: "All actors", allGoals: "All goals", initiatives: "initiatives",
        noPhase: "no phase", leads: "Led by", goals: "Subgoals", timeline: "Phases and status over time",
        graph: "Dependencies", transitive: "Show indirect dependencies", related: "Related initiatives",
        evidence: "Evidence", chooseEdge: "Choose a dependency to see the sentence it rests on.",
        downloads: "Download for other tools", download_archimate: "ArchiMate model (XML, for Archi)",
        download_xlsx: "Spreadsheet (XLSX)", download_csv: "Tables (CSV in a zip)", download_mermaid: "Timeline (Mermaid)",
        download_graphml: "Dependency graph (GraphML)", download_jsonld: "Initiatives as linked data (JSON-LD)",
        document: "Open the document", prerequisites: "Prerequisites", dependents: "Depends on this",
        groupBy: "Group by", byGoal: "goal", byActor: "actor", filter: "Filter", exportSvg: "Download SVG",
        exportPng: "Download PNG", roles: "Roles", documents: "Documents", facts: "facts", planned: "planned",
        tentative: "tentative", actual: "actual", status: "status", other: "Other", lang: "Norsk",
        notFound: "Page not found.", score: "score",
        conflicts: "Schedule conflicts", noConflicts: "No schedule conflicts.", dependsOn: "depends on",
        "severity-conflict": "conflict", "severity-possible": "possible conflict", "severity-unknown": "unknown",
        monthsApart: "months apart", undated: "no date", by: "by", nowUndated: "now, undated",
        criticalPath: "Critical path", ownPlan: "Own plan", slack: "slack", months: "months", earliest: "Earliest possible",
        noPrerequisites: "No prerequisites." },
};

export function language() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "en" || asked === "nb") localStorage.setItem("veikart-lang", asked);
  return localStorage.getItem("veikart-lang") === "en" ? "en" : "nb";
}

export const t = (key) => TEXT[language()][key] ?? key;
