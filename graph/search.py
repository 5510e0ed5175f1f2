"""Full-text search over entity names and evidence sentences, with Norwegian stemming."""

import dataclasses

from graph.readmodel import ReadModel
from graph.records import SearchHit
from ontology.text import stems, word_spans

EXACT_LABEL, EXACT_ALT, ALL_WORDS, SOME_WORDS, SENTENCE = 10.0, 8.0, 6.0, 2.0, 1.5
SLOTS = 4  # query words the store checks in evidence sentences


def search(readmodel: ReadModel, query: str, *, limit: int = 20, offset: int = 0) -> tuple[list[SearchHit], int]:
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
    named = readmodel.named_with_all(wanted) or readmodel.named_with(wanted)
    ranked: list[tuple[tuple[float, str, str], SearchHit]] = [
        ((-hit.score, hit.text, entity), hit) for entity in named if (hit := _entity_hit(readmodel, entity, wanted))]
    needles = (sorted(wanted, key=len, reverse=True) + [""] * SLOTS)[:SLOTS]  # a stem is the start of its word
    for quote, sentence in readmodel.quotes(needles).items():
        found = [(s, e, stem) for s, e, stem in word_spans(sentence) if stem in wanted]
        if found:
            hit = SearchHit("evidence", None, round(SENTENCE * len({f[2] for f in found}) / len(wanted), 3),
                            sentence, tuple((s, e) for s, e, _ in found))
            ranked.append(((-hit.score, sentence, quote), hit))
    ranked.sort(key=lambda entry: entry[0])
    return [_placed(readmodel, key[2], hit) if hit.kind == "evidence" else hit
            for key, hit in ranked[offset:offset + limit]], len(ranked)


def _placed(readmodel: ReadModel, quote: str, hit: SearchHit) -> SearchHit:
    """Return the hit of the sentence of ``quote`` placed in its document (unless its evidence has no position)."""
    evidence = readmodel.evidence_of(quote, hit.text)
    if evidence is None:
        return hit
    return dataclasses.replace(hit, document=evidence.document, start=evidence.start, end=evidence.end)


def _entity_hit(readmodel: ReadModel, entity: str, wanted: set[str]) -> SearchHit | None:
    best, best_name = 0.0, ""
    names = ((readmodel.labels[entity], EXACT_LABEL), *((alt, EXACT_ALT) for alt in readmodel.alts.get(entity, ())))
    for name, exact in names:
        have = set(stems(name))
        score = exact if have == wanted else ALL_WORDS * len(wanted) / len(have) if wanted <= have \
            else SOME_WORDS * len(wanted & have) / len(wanted)
        if score > best:
            best, best_name = score, name
    if not best:
        return None
    found = tuple((s, e) for s, e, stem in word_spans(best_name) if stem in wanted)
    return SearchHit(readmodel.kinds[entity], readmodel.entity(entity), round(best, 3), best_name, found)
