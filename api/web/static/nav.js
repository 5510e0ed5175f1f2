// The header of every page: the name, the main menu with the current page marked, and the language button.
import { language, t } from "./i18n.js";
import { el } from "./ui.js";

const MENU = [["/", "explore"], ["/roadmap", "roadmap"], ["/sparql", "sparql"]];

export function renderHeader() {
  const current = language();
  document.documentElement.lang = current;
  document.querySelector("a.skip").textContent = t("skip");
  const other = current === "nb" ? "en" : "nb";
  const toggle = el("button", { type: "button", id: "language", lang: other, onclick: () => {
    localStorage.setItem("veikart-lang", other);
    const url = new URL(location.href);
    url.searchParams.delete("lang");  // else the address would choose the language again
    location.assign(url);
  } }, t("lang"));
  const items = MENU.map(([href, key]) => el("li", {}, el("a", location.pathname === href
    ? { href, "aria-current": "page" } : { href }, t(key))));
  document.querySelector("main").before(el("header", {}, el("a", { href: "/", class: "brand" }, "Veikart"),
    el("nav", { "aria-label": t("mainMenu") }, el("ul", {}, items)), toggle));
}
