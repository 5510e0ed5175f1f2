"""Full-text search over entity names and evidence sentences, with Norwegian stemming, through the text index."""

from graph.readmodel import ReadModel
from graph.records import SearchHit
from graph.textindex import Match, matches
from ontology.text import stems, word_spans

EXACT_LABEL, EXACT_ALT, ALL_WORDS, SOME_WORDS = 10.0, 8.0, 6.0, 2.0


def search(readmodel: ReadModel, query: str, *, limit: int = 20, offset: int = 0) -> tuple[list[SearchHit], int]:
    """Return a page of the entities and evidence sentences matching ``query``, best first, and how many
    match in all.

    A query word matches its inflections and the compounds it begins ("legemiddel": "legemiddellisten").
    Every matching name comes before any sentence. An entity whose name stems equal the query's ranks above
    one whose name holds them all; names holding only some of the words count when none holds them all;
    equal scores go by BM25, then by text and IRI. Sentences must hold every word and go by BM25, as the
    text index ranks them (one order while the index is unchanged, so pages neither skip nor repeat).
    """
    wanted = set(stems(query))
    if not wanted:
        return [], 0
    names = readmodel.text_matches("name", wanted, every=True)[0] \
        or readmodel.text_matches("name", wanted, every=False)[0]
    relevance: dict[str, float] = {}
    for match in names:
        relevance[match.subject] = max(match.score, relevance.get(match.subject, 0.0))
    named = sorted(((-hit.score, -relevance[entity], hit.text, entity), hit) for entity in relevance
                   if (hit := _entity_hit(readmodel, entity, wanted)))
    page = [hit for _, hit in named[offset:offset + limit]]
    sentences, total = readmodel.text_matches("sentence", wanted, every=True, limit=limit - len(page),
                                              offset=max(0, offset - len(named)))
    return page + [_sentence_hit(m, wanted) for m in sentences], len(named) + total


def _entity_hit(readmodel: ReadModel, entity: str, wanted: set[str]) -> SearchHit | None:
    if entity not in readmodel.kinds:  # indexed as text by a write the snapshot does not hold yet
        return None
    best, best_name = 0.0, ""
    names = ((readmodel.labels[entity], EXACT_LABEL), *((alt, EXACT_ALT) for alt in readmodel.alts.get(entity, ())))
    for name, exact in names:
        have = set(stems(name))
        covered = {word for word in wanted if any(matches(term, word) for term in have)}
        score = exact if have == wanted else ALL_WORDS * min(1.0, len(wanted) / len(have)) if covered == wanted \
            else SOME_WORDS * len(covered) / len(wanted)
        if score > best:
            best, best_name = score, name
    if not best:
        return None
    return SearchHit(readmodel.kinds[entity], readmodel.entity(entity), round(best, 3), best_name,
                     _spans(best_name, wanted))


def _sentence_hit(match: Match, wanted: set[str]) -> SearchHit:
    return SearchHit("evidence", None, round(match.score, 3), match.text, _spans(match.text, wanted),
                     match.document, match.start, match.end)


def _spans(text: str, wanted: set[str]) -> tuple[tuple[int, int], ...]:
    """Return the spans of the words of ``text`` that answer a word of ``wanted``."""
    return tuple((s, e) for s, e, term in word_spans(text) if any(matches(term, word) for word in wanted))
