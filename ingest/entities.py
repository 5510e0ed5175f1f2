"""Recognise entities beyond the lexicon: pattern discovery, abbreviation learning, alias matching."""

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ingest.abbreviations import definitions
from ingest.dependencies import load_cues
from ingest.discovery import load_patterns, lower_case_stems, persons
from ingest.docs import sentences as doc_sentences
from ingest.docs import span_text, text_of
from ingest.lexicon import ORG_FORMS, is_abbreviation
from ingest.lexicon_matcher import NameMatcher
from ingest.model import Referent
from ingest.parts import branded_names, coordinated_parts, owned_parts
from ingest.prefilter import SCREEN
from ingest.resolver import Resolver, canonical_label
from ingest.structure import word_before
from ontology.text import stem


class EntityRecognizer:
    """Annotate ``doc.spans[spans_key]`` with every entity mention, its ``id_`` the entity's key within the
    document, and ``doc._.vk_entities`` with the entities by key; the IRIs are given after the pipeline."""

    def __init__(self, nlp: Language, *, lexicon_key: str, spans_key: str):
        self.nlp = nlp
        self.lexicon_key = lexicon_key
        self.spans_key = spans_key
        self.lexicon: dict[str, Referent] = {}
        self._lexicon_names: dict[str, set[str]] = {}
        self.rules = load_patterns()
        self._places: frozenset[str] = self.rules.places
        self._known_organizations: frozenset[str] = frozenset()
        self._solution = next(p.regex for p in self.rules.patterns if p.id == "infrastructure_name_recurring")
        self._subject_cue = re.compile("|".join(f"(?:{c.regex.pattern})" for c in load_cues().cues
                                                if c.dependent == "left" and not c.passive), re.I)

    def set_lexicon(self, lexicon: dict[str, Referent]) -> None:
        """Use ``lexicon`` (referents by entity key) as the known entities."""
        self.lexicon = dict(lexicon)
        self._lexicon_resolver = Resolver(self.lexicon, self.rules.name_modifiers)
        self._lexicon_names = {key: {r.label, *r.alt_labels} for key, r in self.lexicon.items()}
        self._places = self.rules.places | {
            bare for r in self.lexicon.values() if r.kind == "organization" for name in (r.label, *r.alt_labels)
            if (bare := self.rules.place_of_body.sub("", name)) != name}
        self._known_organizations = frozenset(key for key, r in self.lexicon.items() if r.kind == "organization")

    def __call__(self, doc: Doc) -> Doc:
        resolver = self._lexicon_resolver.fresh()
        found: list[Span] = list(doc.spans[self.lexicon_key])
        known_chars = {i for span in found for i in range(span.start_char, span.end_char)}
        required: dict[str, int] = {}
        text = text_of(doc)
        not_names = self._places | persons(text, self.rules.person_cues, self.rules.surname, self.rules.stopwords)
        lower_stems = lower_case_stems(text)
        self._learn_definitions(text, found, resolver)  # first for lexicon names, before discovery sees the alias
        sentences = doc_sentences(doc)
        for sent in sentences:
            found += self._discover(doc, sent, resolver, known_chars, required, not_names, lower_stems)
            found += self._learn_abbreviations(doc, sent, resolver, required)
        found += self._match_descriptions(doc, text, resolver)
        found += self._match_enumerations(doc, text, resolver)
        found += self._match_versions(doc, text, found, resolver)
        found += self._match_parts(doc, text, found, resolver, required, not_names)
        self._learn_definitions(text, found, resolver)  # again, for the names discovery found
        found += self._match_learned(doc, resolver, set(resolver.entities))
        before = set(resolver.entities)
        found += self._match_dependent_subjects(doc, sentences, found, resolver, required, not_names, lower_stems)
        found += self._match_learned(doc, resolver, set(resolver.entities) - before)
        spans = filter_spans(found)
        mentions = Counter(span.id_ for span in spans)
        doc.spans[self.spans_key] = [s for s in spans if mentions[s.id_] >= required.get(s.id_, 1)]
        doc._.vk_entities = resolver.entities
        return doc

    def _span(self, doc: Doc, start: int, end: int, key: str, kind: str) -> Span | None:
        span = doc.char_span(start, end, label=kind, alignment_mode="expand")
        if span is not None:
            span.id_ = key
        return span

    def _kind_of(self, name: str) -> str:
        """Return "organization" for names shaped like one ("X RHF", "...direktoratet"), else "initiative"."""
        last = name.rsplit(" ", 1)[-1]
        return "organization" if last.lower() in ORG_FORMS or self.rules.organization_heads.search(last) \
            else "initiative"

    def _trim(self, name: str) -> tuple[str, int]:
        """Drop leading stopwords ("I Helse Vest RHF" -> "Helse Vest RHF"); return name and cut."""
        cut = 0
        words = name.split(" ")
        while len(words) > 1 and words[0].lower() in self.rules.stopwords:
            cut += len(words[0]) + 1
            words = words[1:]
        return " ".join(words), cut

    def _discover(self, doc: Doc, sent: Span, resolver: Resolver, known_chars: set[int],
                  required: dict[str, int], not_names: frozenset[str], lower_stems: set[str]) -> list[Span]:
        spans: list[Span] = []
        claimed: list[tuple[int, int]] = []  # from a found name to the end of its match (its short form, say)
        text = span_text(sent)
        lowered = text.lower()
        for pattern in self.rules.patterns:
            if not SCREEN.may_match(pattern.regex, lowered):
                continue
            for match in pattern.regex.finditer(text):
                if any(start <= match.start("name") and match.end("name") <= end for start, end in claimed):
                    continue  # a part of what an earlier pattern found: no entity of its own
                name, cut = self._trim(match.group("name"))
                if len(name) < 3 or name.lower() in self.rules.stopwords or name.casefold() in self.rules.not_names:
                    continue
                common = lower_stems if pattern.common_if_lower else set()
                if pattern.proper and not self._proper_name(name, text[:match.start("name") + cut], resolver,
                                                            not_names, common):
                    continue
                start = sent.start_char + match.start("name") + cut
                if resolver.resolve(name) is None and not pattern.encloses_names and not known_chars.isdisjoint(
                        range(start, start + len(name))):
                    continue  # a fragment around a lexicon name, such as "Helseplattformen kommune"
                key = resolver.discover(name, pattern.kind, pattern.confidence)
                if key not in resolver.known_keys:
                    required[key] = min(required.get(key, pattern.min_mentions), pattern.min_mentions)
                span = self._span(doc, start, start + len(name), key, resolver.entities[key].kind)
                if span is None:
                    continue
                spans.append(span)
                claimed.append((match.start("name"), match.end()))
        return spans

    def _proper_name(self, name: str, before: str, resolver: Resolver, not_names: frozenset[str],
                     lower_stems: set[str]) -> bool:
        """Return True when a name found by its shape alone may be an initiative: not a place, a person or a
        known organisation, not a common noun (the text also writes it in lower case, or it ends like a verb),
        not the tail of a longer capitalised name, not a compound of a generic abbreviation ("EPJ-systemet")."""
        previous = before.rstrip().rsplit(" ", 1)[-1].lstrip("(«\"'")
        prefix = name.split("-", 1)[0] if "-" in name else ""
        common = bool(lower_stems) and (stem(name) in lower_stems or bool(self.rules.verb_form.search(name)))
        tail = (previous[:1].isupper() and before.strip() != previous
                and previous.lower() not in self.rules.generic_heads)
        return not (name in not_names or resolver.resolve(name) in self._known_organizations or common or tail
                    or prefix in self.rules.generic_prefixes)

    def _learn_abbreviations(self, doc: Doc, sent: Span, resolver: Resolver,
                             required: dict[str, int]) -> list[Span]:
        spans = []
        for long_form, short, offset in definitions(span_text(sent)):
            key = resolver.resolve(long_form) or resolver.resolve(short)
            if key is None:
                if not any(word[:1].isupper() for word in long_form.split(" ")):
                    continue  # "kunstig intelligens (KI)": a term, not a name
                key = resolver.discover(long_form, self._kind_of(long_form), 0.7)
            required[key] = 1  # a defined abbreviation names something
            resolver.add_alias(key, short)
            resolver.add_alias(key, long_form)
            start = sent.start_char + offset
            span = self._span(doc, start, start + len(long_form), key, resolver.entities[key].kind)
            if span is not None:
                spans.append(span)
        return spans

    def _learn_definitions(self, text: str, found: list[Span], resolver: Resolver) -> None:
        """Learn a definite noun in parentheses after an initiative's name as another name of it:
        "Sentral forskrivningsmodul (legemiddelmodulen i ...)" names SFM "legemiddelmodulen" too; so does a short
        form with the name's initial ("Pensjonsprogrammet (PESYS)")."""
        for span in found:
            if span.label_ != "initiative":
                continue
            match = self.rules.definition.match(text, span.end_char, min(len(text), span.end_char + 80))
            if match and match.group("alias").lower() not in self.rules.generic_heads:
                resolver.add_alias(span.id_, match.group("alias"))
            short = self.rules.short_form.match(text, span.end_char, min(len(text), span.end_char + 14))
            if short and self._names_short_form(span_text(span), short.group("short"), resolver):
                resolver.add_alias(span.id_, short.group("short"))

    @staticmethod
    def _names_short_form(name: str, short: str, resolver: Resolver) -> bool:
        """Return True when ``short``, in parentheses right after ``name``, is a short form of it that the letters
        of the name do not spell out ("Pensjonsprogrammet (PESYS)"): an abbreviation with the name's initial that
        names nothing else."""
        return is_abbreviation(short) and short[0].casefold() == name[0].casefold() and resolver.resolve(short) is None

    def _match_descriptions(self, doc: Doc, text: str, resolver: Resolver) -> list[Span]:
        """Find descriptive noun phrases whose head word names a known initiative ("løsningen for multidose",
        "multidose i e-resept": a part named inside the initiative that hosts it)."""
        spans = []
        for match in self.rules.descriptions.finditer(text):
            key = resolver.resolve_head(match.group("head"))
            if key is not None:
                spans.append(self._span(doc, match.start(), match.end(), key, resolver.entities[key].kind))
        for match in self.rules.part_of.finditer(text):
            key, host = resolver.resolve_head(match.group("head")), resolver.resolve(match.group("host"))
            if key is not None and host is not None and host != key:
                spans.append(self._span(doc, match.start(), match.end(), key, resolver.entities[key].kind))
        return [span for span in spans if span is not None]

    def _match_versions(self, doc: Doc, text: str, found: list[Span], resolver: Resolver) -> list[Span]:
        """Find versions and successors of the initiatives already found: a small number right after a mention
        ("Altinn 3") or a modifier right before it ("modernisert folkeregister", "Nye Altinn") makes an
        initiative of its own. Read around each mention, so the cost is one look per mention."""
        spans = []
        for mention in found:
            if mention.label_ != "initiative":
                continue
            base = resolver.entities[mention.id_].label
            version = self.rules.version.match(text, mention.end_char)
            if version:
                key = resolver.discover(f"{base} {version.group('version')}", "initiative", 0.7)
                spans.append(self._span(doc, mention.start_char, version.end(), key, "initiative"))
            successor = self.rules.successor.search(text, max(0, mention.start_char - 14), mention.start_char)
            if successor:
                name = f"{successor.group('modifier')} {mention.text}"
                key = resolver.discover(canonical_label(name, "initiative"), "initiative", 0.7)
                spans.append(self._span(doc, successor.start(), mention.end_char, key, "initiative"))
        return [span for span in spans if span is not None]

    def _match_parts(self, doc: Doc, text: str, found: list[Span], resolver: Resolver, required: dict[str, int],
                     not_names: frozenset[str]) -> list[Span]:
        """Find the parts and variants of known initiatives (:mod:`ingest.parts`): a brand before a known name in
        lower case, named twice ("Fiks folkeregister"), the members of a coordination that repeats a known
        name with other qualifiers ("Akson journal og Akson samhandling"), and a solution named by a known owner's
        genitive ("Folkeregisterets oppslagsløsning")."""
        def is_brand(word: str, before: str) -> bool:
            head, _, previous = before.rstrip().rpartition(" ")
            tail = previous[:1].isupper() and previous.lower() not in self.rules.stopwords and bool(head) \
                and not head.endswith((".", ":", "!", "?"))  # "Helse Vest kjernejournal": a longer name's tail
            return not (word.lower() in self.rules.stopwords or word.lower() in self.rules.name_modifiers
                        or word.casefold() in self.rules.not_names or word in not_names
                        or resolver.resolve(word) in self._known_organizations or tail)
        mentions = [(s.start_char, s.end_char) for s in found if s.label_ == "initiative"]
        spans = []
        for part in branded_names(text, mentions, self.rules.brand, is_brand):
            key = resolver.discover(part.name, "initiative", 0.6)
            spans.append(self._span(doc, part.start, part.end, key, "initiative"))
        counted = Counter(span.id_ for span in found)
        parts = [*coordinated_parts(text, self.rules.coordinated_parts, self.rules.part_name),
                 *owned_parts(text, self.rules.owned_part)]
        for base, part in parts:
            base_key = resolver.resolve(base)
            if (base_key is not None and resolver.entities[base_key].kind == "initiative"
                    and counted[base_key] >= required.get(base_key, 1)):  # a name the document does count
                key = resolver.discover(part.name, "initiative", 0.6)
                spans.append(self._span(doc, part.start, part.end, key, "initiative"))
        return [span for span in spans if span is not None]

    def _match_dependent_subjects(self, doc: Doc, sentences: list[Span], found: list[Span], resolver: Resolver,
                                  required: dict[str, int], not_names: frozenset[str],
                                  lower_stems: set[str]) -> list[Span]:
        """Find the name a dependency sentence opens with when the other side names a known initiative
        ("Systembruker bygger videre på Maskinporten"): what depends on an initiative is one too. A common noun
        of the text (also written in lower case) counts only when the text also has it as a heading, and a definite
        noun ("Kommunen") only when its head names a solution ("Uføretrygdløsningen")."""
        initiatives = sorted(span.start_char for span in found if span.label_ == "initiative")
        headings = {line.strip() for line in text_of(doc).splitlines()}
        spans = []
        for sent in sentences:
            text = span_text(sent)
            if not SCREEN.may_match(self._subject_cue, text.lower()):  # this runs on every sentence
                continue
            match = self._subject_cue.search(text)  # one pass of every cue
            if match is None:
                continue
            subject = self.rules.dependent_subject.match(text[:match.start()])
            if not subject or not any(sent.start_char + match.end() <= s < sent.end_char for s in initiatives):
                continue
            name = subject.group("name")
            if (name.lower() in self.rules.stopwords or name.lower() in self.rules.generic_heads
                    or name.casefold() in self.rules.not_names or self._kind_of(name) != "initiative"
                    or not self._proper_name(name, "", resolver, not_names, set())
                    or (stem(name) in lower_stems and name not in headings)
                    or (self.rules.definite.search(name) and not self._solution.fullmatch(name))):
                continue
            key = resolver.resolve(name) or resolver.discover(name, "initiative", 0.6)
            required[key] = 1  # named as one end of a dependency: once is enough
            spans.append(self._span(doc, sent.start_char, sent.start_char + len(name), key, "initiative"))
        return [span for span in spans if span is not None]

    def _match_enumerations(self, doc: Doc, text: str, resolver: Resolver) -> list[Span]:
        """Name the members of a list by a category noun near it: "fem kommuner ... Halden, Gausdal og Øyer"
        and "Sarpsborg og Bodø kommune" name municipalities, when the lexicon knows each such name; so does
        "innbyggerne i Hamar"."""
        rules, spans = self.rules, []
        for match in rules.enumeration_list.finditer(text):
            context = text[max(0, match.start() - rules.enumeration_reach):match.start()]
            spans += self._enumerated_initiatives(doc, match, context, resolver)
            after = text[match.end():match.end() + 20]
            if word_before(text, match.start()) in rules.place_prepositions:
                continue  # "sykehusene i Ålesund, Volda og Molde": places
            for category, template in rules.enumerations:
                if not (category.search(context) or category.match(after.lstrip())):
                    continue
                for item in re.finditer(r"[A-ZÆØÅ][\wæøå-]+", match.group("list")):
                    key = resolver.resolve(template.format(item.group(0)))
                    if key is not None and resolver.entities[key].kind == "organization":
                        start = match.start("list") + item.start()
                        span = self._span(doc, start, start + len(item.group(0)), key, "organization")
                        if span is not None:
                            spans.append(span)
        for match in rules.residents.finditer(text):
            key = resolver.resolve(f"{match.group('place')} kommune")
            if key is not None and resolver.entities[key].kind == "organization":
                span = self._span(doc, match.start("place"), match.end("place"), key, "organization")
                if span is not None:
                    spans.append(span)
        return spans

    def _enumerated_initiatives(self, doc: Doc, match: re.Match, context: str, resolver: Resolver) -> list[Span]:
        """Name the members of a list right after a category noun of initiatives ("to store prosjekter, IKT-basis
        og Pensjonsprogrammet"): each is an initiative, unless it is a known organisation or a place."""
        if not self.rules.initiative_enumerations.search(context.rsplit(".", 1)[-1]):
            return []
        spans = []
        for item in re.finditer(r"[A-ZÆØÅ][\wæøå-]+", match.group("list")):
            name = item.group(0)
            if name in self._places or resolver.resolve(name) in self._known_organizations:
                continue
            start = match.start("list") + item.start()
            key = resolver.discover(name, "initiative", 0.6)
            spans.append(self._span(doc, start, start + len(name), key, "initiative"))
        return [span for span in spans if span is not None]

    def _match_learned(self, doc: Doc, resolver: Resolver, keys: set[str]) -> list[Span]:
        """Find every mention of the names this document taught the entities ``keys``, beyond where they were
        learned."""
        matcher = NameMatcher(self.nlp)
        for key, referent in resolver.entities.items():
            if key not in keys:
                continue
            known_names = self._lexicon_names.get(key, set())
            new_names = [n for n in (referent.label, *referent.alt_labels) if n not in known_names]
            matcher.add(key, referent.kind, new_names)
        return matcher(doc)
