// <veikart-related initiative="pasientens-legemiddelliste" limit="5"></veikart-related>
// Shows the related initiatives of one initiative on any page. The Veikart server is the origin this
// script was loaded from, unless the element names another in its "base" attribute; that server must
// list the page's origin in VEIKART_CORS_ORIGINS. The reasons are worded in the element's language (its own
// lang attribute or its page's): English for "en", else Norwegian.
import { reason } from "./related.js";

const scriptOrigin = new URL(import.meta.url).origin;

class VeikartRelated extends HTMLElement {
  static observedAttributes = ["initiative", "limit", "base", "lang"];
  #generation = 0;  // only the latest render may write: attributes can change while one is loading

  connectedCallback() { this.render(); }
  attributeChangedCallback() { if (this.isConnected) this.render(); }

  async render() {
    const generation = ++this.#generation;
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const base = this.getAttribute("base") || scriptOrigin;
    const id = encodeURIComponent(this.getAttribute("initiative") || "");
    const limit = encodeURIComponent(this.getAttribute("limit") || "5");
    const lang = (this.closest("[lang]")?.lang ?? "").toLowerCase().startsWith("en") ? "en" : "nb";
    root.innerHTML = `<style>:host{display:block;font:15px/1.4 system-ui,sans-serif}ol{padding-left:1.2em}
      .why{color:#5b6877;font-size:.85em}</style><p>…</p>`;
    try {
      const response = await fetch(`${base}/api/initiatives/${id}/related?limit=${limit}`);
      if (!response.ok) throw new Error((await response.json()).detail);
      const { items } = await response.json();
      if (generation !== this.#generation) return;
      const list = document.createElement("ol");
      for (const item of items) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = `${base}/initiatives/${item.initiative.id}`;
        a.textContent = item.initiative.label;
        const why = document.createElement("div");
        why.className = "why";
        why.textContent = item.why.map((r) => reason(r, lang)).join("; ");
        li.append(a, why);
        list.append(li);
      }
      root.querySelector("p").replaceWith(list);
    } catch (error) {
      if (generation !== this.#generation) return;
      root.querySelector("p").textContent = `Veikart: ${error.message}`;
    }
  }
}

customElements.define("veikart-related", VeikartRelated);
