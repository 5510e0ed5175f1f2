"""Full-text search over entity names and evidence sentences, with Norwegian stemming and highlights."""

import html
from typing import NamedTuple

from graph.catalog import Catalog
from graph.terms import IRI
from ontology import local_id
from ontology.text import stems, word_spans

EXACT_LABEL, EXACT_ALT, ALL_WORDS, SOME_WORDS, SENTENCE = 10.0, 8.0, 6.0, 2.0, 1.5
SLOTS = 4  # query words the store checks in evidence sentences


def search(catalog: Catalog, query: str, *, limit: int = 20, offset: int = 0) -> tuple[list[dict], int]:
    """Return a page of the entities and evidence sentences matching ``query``, best first, and how many
    match in all.

    An entity whose name stems equal the query's ranks above one whose name holds them all; names
    holding only some of the words count when none holds them all. Sentences must hold every word
    (the first four, longest first, are checked by the store) and follow the names. Equal scores are
    ordered by text, then by the entity's or the sentence's IRI, so pages neither skip nor repeat.
    Only the sentences on the page are looked up for their document and offsets.
    """
    wanted = set(stems(query))
    if not wanted:
        return [], 0
    named = catalog.named_with_all(wanted) or catalog.named_with(wanted)
    ranked: list[tuple[tuple[float, str, str], dict | Sentence]] = [
        ((-hit["score"], hit["text"], iri), hit) for iri in named if (hit := _entity_hit(catalog, iri, wanted))]
    needles = (sorted(wanted, key=len, reverse=True) + [""] * SLOTS)[:SLOTS]  # a stem is the start of its word
    for row in catalog.store.select("evidence_texts", **{f"n{i}": needle for i, needle in enumerate(needles, 1)}):
        text = str(row["text"])
        found = [(s, e, stem) for s, e, stem in word_spans(text) if stem in wanted]
        if found:
            sentence = Sentence(str(row["quote"]), text, round(SENTENCE * len({f[2] for f in found}) / len(wanted), 3),
                                [(s, e) for s, e, _ in found])
            ranked.append(((-sentence.score, text, sentence.quote), sentence))
    ranked.sort(key=lambda entry: entry[0])
    return [hit if isinstance(hit, dict) else _evidence_hit(catalog, hit)
            for _, hit in ranked[offset:offset + limit]], len(ranked)


class Sentence(NamedTuple):
    """An evidence sentence that matches: its quote selector, text, score and the spans of matching words."""

    quote: str
    text: str
    score: float
    spans: list[tuple[int, int]]


def _evidence_hit(catalog: Catalog, sentence: Sentence) -> dict:
    """Return the hit of a sentence, placed in its document (unless its evidence has no position)."""
    rows = catalog.store.select("evidence_of_quote", quote=IRI(sentence.quote))
    place = {"document": local_id(str(rows[0]["document"])), "start": rows[0]["start"], "end": rows[0]["end"]} \
        if rows else {"document": None, "start": None, "end": None}
    return {"kind": "evidence", "entity": None, "score": sentence.score, "text": sentence.text,
            "highlight": highlight(sentence.text, sentence.spans), **place}


def _entity_hit(catalog: Catalog, iri: str, wanted: set[str]) -> dict | None:
    best, best_name = 0.0, ""
    for name, exact in ((catalog.labels[iri], EXACT_LABEL), *((alt, EXACT_ALT) for alt in catalog.alts.get(iri, []))):
        have = set(stems(name))
        score = exact if have == wanted else ALL_WORDS * len(wanted) / len(have) if wanted <= have \
            else SOME_WORDS * len(wanted & have) / len(wanted)
        if score > best:
            best, best_name = score, name
    if not best:
        return None
    found = [(s, e) for s, e, stem in word_spans(best_name) if stem in wanted]
    return {"kind": catalog.kinds[iri], "entity": catalog.ref(iri), "score": round(best, 3), "text": best_name,
            "highlight": highlight(best_name, found), "document": None, "start": None, "end": None}


def highlight(text: str, spans: list[tuple[int, int]]) -> str:
    """Return ``text`` escaped for HTML with each span wrapped in <mark>.

    >>> highlight("PLL & SFM", [(0, 3)])
    '<mark>PLL</mark> &amp; SFM'
    """
    out, cursor = [], 0
    for start, end in spans:
        out += [html.escape(text[cursor:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)
