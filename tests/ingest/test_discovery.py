"""Discovery of names the lexicon does not know, references to named things, and organisations from the
gazetteer, on texts written for the tests."""

import pytest

from ingest import read_bytes


@pytest.fixture(scope="module")
def extract(extractor):
    def run(text: str):
        return extractor.extract(read_bytes("test.txt", text.encode("utf-8")))
    return run


def names(facts, kind: str) -> set[str]:
    return {e.label for e in facts.entities if e.kind == kind}


def test_a_compound_on_an_infrastructure_head_in_mid_sentence_is_an_initiative(extract):
    facts = extract("Kommunene logger inn gjennom Fjordporten og henter data fra Lysregisteret.")
    assert {"Fjordporten", "Lysregisteret"} <= names(facts, "initiative")


def test_a_common_compound_at_a_sentence_start_is_not(extract):
    facts = extract("Journalsystemet skal byttes ut. Det gamle journalsystemet er tregt.")
    assert names(facts, "initiative") == set()


def test_a_capitalised_name_named_twice_in_mid_sentence_is_an_initiative(extract):
    facts = extract("Kommunen har tatt i bruk Nordlys. Etter ett år med Nordlys er saksbehandlingen raskere.")
    assert "Nordlys" in names(facts, "initiative")


@pytest.mark.parametrize("text", [
    "Fastlegene i Bergen bruker løsningen. Også i Bergen er det mange brukere.",
    "Det sier prosjektleder Kari Nordmann. Ifølge Nordmann går det bra, og Nordmann er fornøyd.",
    "Saken er omtalt i Prop. 1 S og i Statsbudsjett for 2021. Se også Statsbudsjett for 2022.",
    "Lenker: se Kodeverket - GitHub 🡕 og mer på GitHub 🡕",
])
def test_places_people_documents_and_sites_are_not_initiatives(extract, text):
    assert names(extract(text), "initiative") == set()


def test_a_word_the_text_also_writes_in_lower_case_is_a_common_noun(extract):
    facts = extract("Rapporten om Innlogging kom i går. Ny innlogging kommer. Mer om Innlogging senere.")
    assert "Innlogging" not in names(facts, "initiative")


def test_a_numbered_version_of_a_known_initiative_is_an_initiative(extract):
    facts = extract("Helsenorge 2 erstatter den gamle løsningen. Helsenorge 2 har 40 prosent flere brukere.")
    assert "Helsenorge 2" in names(facts, "initiative")


def test_a_number_that_counts_something_is_no_version(extract):
    facts = extract("Kjernejournal 200 kommuner har tatt det i bruk.")
    assert not {n for n in names(facts, "initiative") if n[-1].isdigit()}


def test_a_hyphen_prefixed_name_named_twice_is_an_initiative(extract):
    facts = extract("B-ordninga gjelder fra 2027. Alle arbeidsgivere skal bruke B-ordninga.")
    assert "B-ordninga" in names(facts, "initiative")


def test_a_generic_abbreviation_compound_is_not(extract):
    facts = extract("Legen bruker EPJ-systemet. Det nye EPJ-systemet er raskt.")
    assert names(facts, "initiative") == set()


def test_a_descriptive_noun_phrase_names_the_initiative_with_that_head(extract):
    facts = extract("Pasientens timebok vil bygge videre på løsningen for multidose.")
    labels = {e.iri: e.label for e in facts.entities}
    assert {(labels[d.prerequisite], labels[d.dependent]) for d in facts.dependencies} == {
        ("E-multidose", "Pasientens timebok")}


def test_a_part_named_inside_its_host_is_the_part(extract):
    facts = extract("Pasientens timebok vil bygge på multidose i e-resept.")
    labels = {e.iri: e.label for e in facts.entities}
    assert {labels[d.prerequisite] for d in facts.dependencies} == {"E-multidose"}


def test_a_definite_noun_in_parentheses_becomes_another_name(extract):
    facts = extract("Pasientens timebok (timebokmodulen i Helsenorge) er klar. Timebokmodulen prøves ut i Bergen.")
    timebok = next(e for e in facts.entities if e.label == "Pasientens timebok")
    assert "timebokmodulen" in timebok.alt_labels
    assert {p.initiative for p in facts.phases} == {timebok.iri}


def test_a_pointing_word_without_a_sentence_before_refers_to_the_title(extract):
    facts = extract("Pasientens timebok\nOm tilgang\nTjenesten krever integrasjon mot HelseID.")
    labels = {e.iri: e.label for e in facts.entities}
    assert {(labels[d.prerequisite], labels[d.dependent]) for d in facts.dependencies} == {
        ("HelseID", "Pasientens timebok")}


def test_members_of_a_list_after_a_category_noun_are_municipalities(extract):
    facts = extract("Nå er fire kommuner i gang. Det er Halden, Gausdal, Ringebu og Øyer.")
    assert {"Halden kommune", "Gausdal kommune", "Ringebu kommune", "Øyer kommune"} <= names(facts, "organization")


def test_coordinated_names_share_their_head(extract):
    facts = extract("Til høsten skal Sarpsborg og Bodø kommune ta i bruk løsningen.")
    assert {"Sarpsborg kommune", "Bodø kommune"} <= names(facts, "organization")


def test_a_list_after_a_preposition_of_place_names_places(extract):
    facts = extract("Kommunene samarbeider. Sykehusene ligger i Ålesund, Volda og Molde.")
    assert names(facts, "organization") == set()


def test_proper_names_of_bodies_are_matched_as_written(extract):
    facts = extract("Hol kommune deltar, og Hole kommune følger etter.")
    assert {"Hol kommune", "Hole kommune"} <= names(facts, "organization")


def test_a_coordinated_body_name_is_kept_whole(extract):
    facts = extract("Helse Møre og Romsdal innfører løsningen i april, og Helse-Bergen følger etter.")
    assert {"Helse Møre og Romsdal HF", "Helse Bergen HF"} <= names(facts, "organization")


def test_members_of_a_list_after_a_category_noun_of_initiatives_are_initiatives(extract):
    facts = extract("I perioden ble det gjennomført to store prosjekter, Nordlysbasen og Fjordprogrammet.")
    assert {"Nordlysbasen", "Fjordprogrammet"} <= names(facts, "initiative")


def test_a_national_programme_is_an_initiative(extract):
    facts = extract("Kommunene deltar i Nasjonalt fjordlysprogram fra i år.")
    assert "Nasjonalt fjordlysprogram" in names(facts, "initiative")


def test_a_titled_programme_before_its_verb_is_an_initiative(extract):
    facts = extract("Program digital fjordsamhandling ledes av Helsedirektoratet.")
    assert "Program digital fjordsamhandling" in names(facts, "initiative")


def test_a_coordinated_compound_register_is_one_name(extract):
    facts = extract("Opplysningene lagres i Arbeidsgivar- og lysregisteret hver måned.")
    assert "Arbeidsgivar- og lysregisteret" in names(facts, "initiative")


@pytest.mark.parametrize("text, name", [
    ("Arbeidet ledes av Lysfjordsykehuset i år.", "Lysfjordsykehuset"),
    ("Arbeidet ledes av St. Lysfjords hospital i år.", "St. Lysfjords hospital"),
])
def test_hospital_heads_name_organisations(extract, text, name):
    assert name in names(extract(text), "organization")


@pytest.mark.parametrize("text, name", [
    ("Vi beskriver Fjordporten her. Tidsbokføring bygger videre på Fjordporten.", "Tidsbokføring"),
    ("Vi beskriver Fjordporten her. Timeregisteret ble raskt utviklet på samme plattform som Fjordporten.",
     "Timeregisteret"),
    ("Tidsbok\n\nDu kan ta i bruk tidsbok i dag.\n\nTidsbok bygger på Fjordporten.", "Tidsbok"),
])
def test_the_dependent_a_dependency_sentence_opens_with_is_an_initiative(extract, name, text):
    facts = extract(text)
    labels = {e.iri: e.label for e in facts.entities}
    assert name in names(facts, "initiative")
    assert (labels[facts.dependencies[0].prerequisite], labels[facts.dependencies[0].dependent]) == (
        "Fjordporten", name)


@pytest.mark.parametrize("text", [
    "Vi beskriver Fjordporten her. Kommunen bygger på Fjordporten.",
    "Vi beskriver Fjordporten her. Tidsbok bygger på Fjordporten, og tidsbok er enkel.",
    "Vi beskriver Fjordporten her. Dette bygger på Fjordporten.",
    "Sykehuset bygger videre på erfaringene fra Fjordporten.",
])
def test_a_common_noun_or_pointing_word_before_a_dependency_cue_is_not(extract, text):
    assert names(extract(text), "initiative") <= {"Fjordporten"}


@pytest.mark.parametrize("text, name", [
    ("Alle må over på modernisert Fjordregister. Overgangen til modernisert Fjordregister skjer i år.",
     "Modernisert Fjordregister"),
    ("Nye Fjordporten: slik bygger vi. Fjordporten har mange brukere.", "Nye Fjordporten"),
])
def test_a_successor_of_a_known_initiative_is_one_of_its_own(extract, text, name):
    assert name in names(extract(text), "initiative")


def test_a_lower_case_programme_compound_named_twice_is_an_initiative(extract):
    facts = extract("Kurs for fjorddatasatsingen. Hva betyr fjorddatasatsingen for kommunene? Et vaksineprogrammet.")
    assert names(facts, "initiative") == {"Fjorddatasatsingen"}


def test_the_inhabitants_of_a_municipality_name_it(extract):
    facts = extract("Innbyggerne i Hamar fikk tilbudet i januar, og innbyggerne i Norge venter.")
    assert names(facts, "organization") == {"Hamar kommune"}


def test_a_name_closed_by_its_short_form_keeps_every_word_and_teaches_the_short_form(extract):
    facts = extract("Stortinget støttet programmet Fjordløft for kystkommunene i Nordland (Fjordløftet) i 2019. "
                    "Fjordløftet er i drift.")
    initiatives = {e.label: e for e in facts.entities if e.kind == "initiative"}
    assert set(initiatives) == {"Fjordløft for kystkommunene i Nordland"}
    assert "Fjordløftet" in initiatives["Fjordløft for kystkommunene i Nordland"].alt_labels


@pytest.mark.parametrize("text", [
    "Kommunen startet prosjektet Fjordløft for kystkommunene (se vedlegg) i fjor.",
    "Kommunen startet prosjektet for kystkommunene (Fjordløftet) i fjor.",
])
def test_without_a_capitalised_name_and_a_short_form_there_is_no_long_name(extract, text):
    assert not any(" for kystkommunene" in name for name in names(extract(text), "initiative"))


def test_a_short_form_with_the_initial_of_a_one_word_name_is_another_name_of_it(extract):
    facts = extract("Kommunen henter data fra Lysregisteret (LREG) hver natt. Fjordbok bygger på LREG.")
    initiatives = {e.label: e for e in facts.entities if e.kind == "initiative"}
    assert "LREG" in initiatives["Lysregisteret"].alt_labels
    labels = {e.iri: e.label for e in facts.entities}
    assert [(labels[d.prerequisite], labels[d.dependent]) for d in facts.dependencies] == [
        ("Lysregisteret", "Fjordbok")]


def test_a_short_form_with_another_initial_is_not_another_name(extract):
    facts = extract("Kommunen henter data fra Lysregisteret (SSB) hver natt.")
    assert all("SSB" not in e.alt_labels for e in facts.entities if e.label == "Lysregisteret")


def test_a_brand_before_a_known_name_in_lower_case_named_twice_is_an_initiative(extract):
    facts = extract("Med Lysverk kjernejournal får kommunen oversikt. Vi har utviklet Lysverk kjernejournal i år, "
                    "sier rådgiver Kari Nordmann.")
    assert "Lysverk kjernejournal" in names(facts, "initiative")


def test_a_coordination_repeating_a_known_name_with_qualifiers_names_its_parts(extract):
    facts = extract("Arbeidet deles i to: Helsenorge innsyn og Helsenorge timebok. Helsenorge innsyn kommer først.")
    assert {"Helsenorge innsyn", "Helsenorge timebok"} <= names(facts, "initiative")


@pytest.mark.parametrize("text", [
    "Med Lysverk kjernejournal får kommunen oversikt i år.",  # a brand named once
    "Nasjonal kjernejournal er i drift. Nasjonal kjernejournal har mange brukere.",  # a modifier
    "I Bergen kjernejournal brukes mye. Også i Bergen kjernejournal brukes mye.",  # a place
    "Også kjernejournal er i drift. Også kjernejournal har mange brukere.",  # a stopword
    "Helsenorge innsyn kommer først, og Helsenorge timebok senere.",  # no coordination of the two
    "Helse Nord og Helse Vest deler arbeidet.",  # capitalised qualifiers: organisations
    "Lysverk journal og Lysverk samhandling er to program.",  # no known name repeated
])
def test_a_known_name_and_a_word_without_a_second_signal_is_no_part(extract, text):
    assert not {n for n in names(extract(text), "initiative") if " " in n}


def test_a_technology_term_a_phase_noun_is_about_named_twice_is_an_initiative(extract):
    facts = extract("Innføring av digital legetime startet i fjor. Kommunene ønsker utprøving av digital legetime.")
    assert names(facts, "initiative") == {"Digital legetime"}


@pytest.mark.parametrize("text", [
    "Innføring av digital legetime startet i fjor. Kommunene ønsker mer av det.",
    "Innføring av digitale verktøy startet i fjor. Kommunene ønsker utprøving av digitale verktøy.",
    "Innføring av ny legetime startet i fjor. Kommunene ønsker utprøving av ny legetime.",
])
def test_a_term_named_once_or_without_a_technology_adjective_is_not(extract, text):
    assert names(extract(text), "initiative") == set()


def test_a_solution_named_by_a_known_owner_and_used_again_is_an_initiative(extract):
    facts = extract("Kommunen bruker den nye bookingløsningen. Ansatte logger seg på Helsenorges bookingløsning for "
                    "kommuner i dag.")
    assert "Helsenorges bookingløsning for kommuner" in names(facts, "initiative")


@pytest.mark.parametrize("text", [
    "Ansatte logger seg på Helsenorges bookingløsning for kommuner i dag.",
    "Ansatte logger seg på Fjordvikens bookingløsning. Bookingløsningen er ny.",
])
def test_an_owned_solution_named_once_or_by_an_unknown_owner_is_not(extract, text):
    assert not {n for n in names(extract(text), "initiative") if "bookingløsning" in n.lower()}
