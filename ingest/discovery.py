"""The rules of discovery, read from ``ingest/patterns/discovery.json``, and the facts of a whole text that
decide whether a name found by its shape alone names something: the people it names, and the words it
also writes in lower case."""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ontology.text import stem

PATTERNS_FILE = Path(__file__).parent / "patterns" / "discovery.json"
_NAME_RUN = re.compile(r"\b[A-ZÆØÅ][a-zæøåé]+(?:[ -][A-ZÆØÅ][a-zæøåé]+){1,3}\b")
_LOWER_WORD = re.compile(r"(?<![\w.@-])[a-zæøå][\wæøå]*(?:-[\wæøå]+)*(?![\w.@-])")
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:no|com|org|net|eu|io)(?:/\S*)?")


@dataclass(frozen=True)
class DiscoveryPattern:
    """A regular expression whose group ``name`` names an entity of ``kind``."""

    id: str
    kind: str
    confidence: float
    regex: re.Pattern
    min_mentions: int = 1
    proper: bool = False  # found by shape alone: not when it names a place or a person
    common_if_lower: bool = False  # not when the text also writes it in lower case
    encloses_names: bool = False  # its ends are marked, so a known name inside it is a part, not a neighbour


@dataclass(frozen=True)
class DiscoveryRules:
    """The data of discovery: name patterns, words trimmed from a found name's start, names that are never
    entities, descriptive noun phrases and definitions that teach another name of a known entity."""

    patterns: tuple[DiscoveryPattern, ...]
    stopwords: frozenset[str]
    not_names: frozenset[str]  # case-folded
    descriptions: re.Pattern
    definition: re.Pattern
    short_form: re.Pattern  # a short form in parentheses right after a name: "(PESYS)"
    generic_heads: frozenset[str]
    name_modifiers: frozenset[str]
    enumerations: tuple[tuple[re.Pattern, str], ...]  # (category noun, how a member is named)
    enumeration_list: re.Pattern
    enumeration_reach: int
    place_prepositions: frozenset[str]
    places: frozenset[str]
    person_cues: re.Pattern
    generic_prefixes: frozenset[str]
    part_of: re.Pattern
    version: re.Pattern
    successor: re.Pattern
    brand: re.Pattern  # a capitalised word right before a known name in lower case: "Fiks folkeregister"
    coordinated_parts: re.Pattern  # "Akson journal og Akson samhandling": one name, other qualifiers
    part_name: re.Pattern  # one member of such a coordination
    owned_part: re.Pattern  # a known owner's genitive and a solution compound: "Folkeregisterets oppslagsløsning"
    residents: re.Pattern  # "innbyggerne i Hamar": the municipality, named by its inhabitants
    initiative_enumerations: re.Pattern
    dependent_subject: re.Pattern  # the opening of a dependency sentence, up to its cue, that is one name
    organization_heads: re.Pattern  # the last word of a public body's name: "-direktoratet", "råd"
    place_of_body: re.Pattern  # the end of a municipality's or county's name: " kommune"
    definite: re.Pattern  # the ending of a definite noun: "Kommunen"
    verb_form: re.Pattern  # the ending of a passive verb: "Kreves"
    surname: re.Pattern  # the ending of a surname: "-sen"


def load_patterns(path: Path = PATTERNS_FILE) -> DiscoveryRules:
    """Read the discovery rules from their data file."""
    data = json.loads(path.read_text(encoding="utf-8"))

    def rx(key: str, flags: int = 0) -> re.Pattern:
        return re.compile(data[key], flags)

    def words(key: str) -> frozenset[str]:
        return frozenset(data[key])
    return DiscoveryRules(
        patterns=tuple(DiscoveryPattern(p["id"], p["kind"], p["confidence"], re.compile(p["regex"]),
                                        p.get("min_mentions", 1), p.get("proper", False),
                                        p.get("common_if_lower", False), p.get("encloses_names", False))
                          for p in data["patterns"]),
        stopwords=words("leading_stopwords"), not_names=frozenset(n.casefold() for n in data["not_names"]),
        descriptions=rx("descriptions"), definition=rx("definition"), short_form=rx("short_form"),
        generic_heads=words("generic_heads"),
        name_modifiers=words("name_modifiers"),
        enumerations=tuple((re.compile(e["category"], re.I), e["name"]) for e in data["enumerations"]),
        enumeration_list=rx("enumeration_list"), enumeration_reach=data["enumeration_reach"],
        place_prepositions=words("place_prepositions"), places=words("places"), person_cues=rx("person_cues"),
        generic_prefixes=words("generic_prefixes"), part_of=rx("part_of"), version=rx("version"),
        successor=rx("successor"), residents=rx("residents"), brand=rx("brand"),
        coordinated_parts=rx("coordinated_parts"), part_name=rx("part_name"), owned_part=rx("owned_part"),
        initiative_enumerations=rx("initiative_enumerations", re.I), dependent_subject=rx("dependent_subject"),
        organization_heads=rx("organization_heads", re.I), place_of_body=rx("place_of_body"), definite=rx("definite"),
        verb_form=rx("verb_form"), surname=rx("surname"))


def lower_case_stems(text: str) -> set[str]:
    """Return the stems of the words ``text`` writes in lower case, outside web addresses ("nav.no/digisos")."""
    return {stem(m.group(0)) for m in _LOWER_WORD.finditer(_WEB_ADDRESS.sub(" ", text))}


def persons(text: str, cues: re.Pattern, surname: re.Pattern, function_words: frozenset[str] = frozenset()
            ) -> frozenset[str]:
    """Return the words of the people's names in ``text``: runs of capitalised words next to a title, a speech
    verb or a credit line ("avdelingsdirektør Ivar Thor Jonsson", "Foto: Kari Nordmann"), runs of three or
    more, and runs ending in a ``surname`` ("-sen", "-son"). A function word that opens a sentence ("Med Fiks")
    is no part of a run.

    >>> sorted(persons("Det sier prosjektleder Kari Nordmann i dag.", re.compile(r"prosjektleder"), re.compile("sen$")))
    ['Kari', 'Nordmann']
    >>> sorted(persons("Med Fiks går det bra, sier hun.", re.compile(r"sier"), re.compile("sen$"), frozenset({"med"})))
    []
    """
    names: set[str] = set()
    for match in _NAME_RUN.finditer(text):
        words = re.split(r"[ -]", match.group(0))
        while words and words[0].lower() in function_words:
            words = words[1:]
        around = text[max(0, match.start() - 60):match.start()] + " " + text[match.end():match.end() + 60]
        if len(words) >= 3 or (len(words) == 2 and cues.search(around)) or (words and surname.search(words[-1])):
            names.update(words)
    return frozenset(names)
