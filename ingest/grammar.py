"""Norwegian verb inflection for cue patterns: a cue names a verb by its infinitive, the pattern
matches every form of it (present, past, participle, passive), in Bokmål and Nynorsk.

Weak verbs follow the rules below; strong and irregular forms are listed beside the lemma in the
cue files, since no rule makes "fulgte" of "følge".
"""

import re

_ACTIVE_ENDINGS = ("", "r", "t", "te", "de", "et", "a", "ende", "ar")
_PASSIVE_ENDINGS = ("s", "es", "ast", "st")


def verb_forms(lemma: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return the active and the passive forms of the weak verb ``lemma`` (an infinitive in -e).

    >>> active, passive = verb_forms("basere")
    >>> sorted(f for f in active if f in {"basere", "baserer", "basert", "baserte"})
    ['basere', 'baserer', 'basert', 'baserte']
    >>> "baseres" in passive
    True
    """
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    active = {lemma, lemma + "r", *(stem + ending for ending in _ACTIVE_ENDINGS)}
    passive = {lemma + "s", *(stem + ending for ending in _PASSIVE_ENDINGS)}
    return frozenset(active - passive), frozenset(passive)


def verb_regex(lemmas: list[str], extra_forms: list[str], particle: str, *, passive: bool) -> str:
    """Return a regular expression for the active (or passive) forms of ``lemmas`` followed by ``particle``.

    Up to two words may stand between verb and particle ("bygger også på", "bygger ikke på"), so a
    negation there is seen and an adverb does not hide the cue.

    >>> bool(re.search(verb_regex(["bygge"], ["bygd"], "på", passive=False), "PLL bygger også på e-resept"))
    True
    """
    forms: set[str] = set()
    for lemma in lemmas:
        active, passive_forms = verb_forms(lemma)
        forms |= passive_forms if passive else active
    if not passive:
        forms |= set(extra_forms)
    alternatives = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    tail = rf"(?:\s+[\wæøå]+){{0,2}}?\s+{particle}\b" if particle else ""
    return rf"\b(?:{alternatives})\b{tail}"
