"""Names made of a known initiative's name and one more word: the parts and variants of a solution.

A brand before the common name of a known solution ("Fiks folkeregister": a product of Fiks that serves the
folkeregister) and a known name with a qualifier, coordinated with the same name and another qualifier ("Akson
journal og Akson samhandling": two programmes of Akson), are names of their own. A known name followed by a word
is as often the name and a verb ("Akson gjennomføres") or a qualifier no reader counts as a name, so each shape
needs its own second signal: the brand is named twice, the qualifier stands in a coordination that repeats the
known name.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """A name found around a known initiative's mention: its text and its character offsets."""

    name: str
    start: int
    end: int


def branded_names(text: str, mentions: Sequence[tuple[int, int]], brand: re.Pattern,
                  is_brand_word: Callable[[str, str], bool]) -> list[Part]:
    """Return each capitalised word right before a known initiative written in lower case ("Fiks folkeregister"),
    joined with it, when ``is_brand_word(word, before)`` accepts the word and what stands before it, and the text
    names the two so twice at least.

    >>> brand = re.compile(r"(?<![\\w-])(?P<brand>[A-ZÆØÅ][a-zæøå]{2,}) $")
    >>> text = "Med Fiks folkeregister, og i Fiks folkeregister"
    >>> [p.name for p in branded_names(text, [(9, 22), (34, 47)], brand, lambda w, b: True)]
    ['Fiks folkeregister', 'Fiks folkeregister']
    >>> branded_names(text, [(9, 22)], brand, lambda w, b: True)
    []
    """
    found = []
    for start, end in mentions:
        if not text[start:start + 1].islower():
            continue
        match = brand.search(text, max(0, start - 30), start)
        if match and is_brand_word(match.group("brand"), text[max(0, match.start() - 30):match.start()]):
            found.append(Part(text[match.start():end], match.start(), end))
    named = Counter(part.name.casefold() for part in found)
    return [part for part in found if named[part.name.casefold()] >= 2]


def coordinated_parts(text: str, coordination: re.Pattern, member: re.Pattern) -> Iterator[tuple[str, Part]]:
    """Yield (the shared name, a member) for each member of a coordination that repeats one name with another
    qualifier each time ("Akson journal og Akson samhandling").

    >>> coordination = re.compile(r"(?P<base>[A-ZÆØÅ]\\w+) [a-zæøå]+(?:, (?P=base) [a-zæøå]+)* og (?P=base) [a-zæøå]+")
    >>> member = re.compile(r"(?P<base>[A-ZÆØÅ]\\w+) [a-zæøå]+")
    >>> [(b, p.name) for b, p in coordinated_parts("i Akson journal og Akson samhandling.", coordination, member)]
    [('Akson', 'Akson journal'), ('Akson', 'Akson samhandling')]
    """
    for match in coordination.finditer(text):
        base = match.group("base")
        for item in member.finditer(text, match.start(), match.end()):
            if item.group("base") == base:
                yield base, Part(item.group(0), item.start(), item.end())



def owned_parts(text: str, owned: re.Pattern) -> Iterator[tuple[str, Part]]:
    """Yield (the owner's name, the part) for each solution named by the genitive of its owner and a compound on a
    solution head that the text uses again ("Folkeregisterets oppslagsløsning for virksomheter", then "den nye
    oppslagsløsningen"): the compound once is a description, twice a term of the text.

    >>> owned = re.compile(r"(?P<name>(?P<owner>[A-Z]\\w+)s (?P<compound>\\w+)løsning)")
    >>> [(o, p.name) for o, p in owned_parts("Fjordens bokløsning er ny. Bokløsningen er god.", owned)]
    [('Fjorden', 'Fjordens bokløsning')]
    """
    folded = text.casefold()
    for match in owned.finditer(text):
        if folded.count(match.group("compound").casefold()) >= 2:
            yield match.group("owner"), Part(match.group("name"), match.start("name"), match.end("name"))
