// Repairs to the accessibility of the YASGUI editor, made after it renders and again whenever it redraws
// (a new tab, a result): labels for its inputs, no reference to a tab panel that is not there, and the
// control that adds a tab outside the tab list, where a tab list may hold tabs only.
import { t } from "./i18n.js";
import { el } from "./ui.js";

export function repairYasgui(yasgui, root) {
  const repair = () => {
    for (const tab of root.querySelectorAll("[role=tab][aria-controls]")) {
      if (!document.getElementById(tab.getAttribute("aria-controls"))) tab.removeAttribute("aria-controls");
    }
    label(root.querySelectorAll("input.autocomplete"), t("endpoint"));
    label(root.querySelectorAll(".CodeMirror textarea"), t("queryEditor"));
    label(root.querySelectorAll(".tabsList a[role=tab] input"), t("tabName"));
    label(root.querySelectorAll("select.tableSizer"), t("rowsPerPage"));
  };
  repair();
  new MutationObserver(repair).observe(root, { subtree: true, childList: true });
  root.before(el("button", { type: "button", id: "new-tab", class: "new-tab", onclick: () => yasgui.addTab(true) }, t("newTab")));
}

function label(inputs, text) {
  for (const input of inputs) if (!input.hasAttribute("aria-label")) input.setAttribute("aria-label", text);
}
