// Download links for the exports to architects' tools: plain links to GET /api/export, each file named by the
// server's Content-Disposition, so they work by keyboard, screen reader and "save link as" alike.
import { el } from "./ui.js";
import { t } from "./i18n.js";

const FORMATS = ["archimate", "xlsx", "csv", "mermaid", "graphml", "jsonld"];

export const downloadLinks = () => el("nav", { class: "downloads", "aria-labelledby": "downloads-heading" },
  el("h2", { id: "downloads-heading" }, t("downloads")),
  el("ul", {}, FORMATS.map((format) => el("li", {},
    el("a", { href: `/api/export?format=${format}`, download: "", id: `download-${format}` }, t(`download_${format}`))))));
