// The user interface text: text.json holds each key's Norwegian and English side by side; Norwegian unless
// ?lang=en or the language button chose English. A text with {name} placeholders is filled by format().
import TEXT from "./text.json" with { type: "json" };

export function language() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "en" || asked === "nb") localStorage.setItem("veikart-lang", asked);
  return localStorage.getItem("veikart-lang") === "en" ? "en" : "nb";
}

export const t = (key, lang = language()) => TEXT[key]?.[lang] ?? key;

// The text of ``key`` in ``lang`` with each {name} replaced by values[name].
export const format = (key, values, lang = language()) =>
  t(key, lang).replace(/\{(\w+)\}/g, (whole, name) => String(values[name] ?? whole));

// A number as the page's language writes it: 0,85 in Norwegian, 0.85 in English.
export const number = (value) => value.toLocaleString(language() === "nb" ? "nb-NO" : "en-GB");
