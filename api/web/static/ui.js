// The building blocks the pages share: reading the REST API, making elements, phase badges and links.
import { t } from "./i18n.js";

export async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error((await response.json()).detail || response.statusText);
  return response.json();
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child != null) node.append(child);
  return node;
}

export const badge = (phase) => phase
  ? el("span", { class: `badge phase-${phase.notation}` }, phase.label)
  : el("span", { class: "badge none" }, t("noPhase"));

export const link = (ref, kind = "initiatives") => el("a", { href: `/${kind}/${ref.id}` }, ref.label);
