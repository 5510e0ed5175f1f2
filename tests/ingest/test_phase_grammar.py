"""Phase statements from the grammar of the clause, on sentences written for the tests."""

import pytest

from ingest import read_bytes
from ontology import local_id


@pytest.fixture(scope="module")
def phases(extractor):
    def run(text: str) -> set[tuple[str, str]]:
        facts = extractor.extract(read_bytes("test.txt", text.encode("utf-8")))
        return {(local_id(p.initiative), p.phase) for p in facts.phases}
    return run


@pytest.fixture(scope="module")
def statements(extractor):
    def run(text: str):
        return extractor.extract(read_bytes("test.txt", text.encode("utf-8"))).phases
    return run


@pytest.mark.parametrize("sentence, phase", [
    ("Pasientens timebok prøves ut i tre kommuner.", "utvikling_begrenset_utproving"),
    ("Pasientens timebok er nå under utprøving.", "utvikling_begrenset_utproving"),
    ("Pasientens timebok har siden 2020 vært i en begrenset utprøving.", "utvikling_begrenset_utproving"),
    ("Pasientens timebok innføres i alle regioner.", "innforing"),
    ("Pasientens timebok er i daglig bruk i 40 kommuner.", "i_drift"),
    ("Pasientens timebok utredes av direktoratet.", "konsept"),
    ("Pasientens timebok ble lansert i mars.", "innforing"),
    ("Pasientens timebok er en løsning som fastlegene bruker hver dag.", "i_drift"),
    ("I dag er Pasientens timebok ein plattform som kommunane kan nytte.", "i_drift"),
])
def test_the_subject_of_a_phase_predicate(phases, sentence, phase):
    assert phases(sentence) == {("pasientens-timebok", phase)}


@pytest.mark.parametrize("sentence, phase", [
    ("Bergen kommune tok i bruk Pasientens timebok i mai.", "innforing"),
    ("Tre sykehus har tatt Pasientens timebok i bruk.", "innforing"),
    ("Fastlegene i Bergen prøver nå ut Pasientens timebok.", "utvikling_begrenset_utproving"),
    ("Helse Vest gikk over til Pasientens timebok i fjor.", "innforing"),
    ("Regjeringen ber om tilslutning til å starte Pasientens timebok.", "konsept"),
    ("Departementet ga direktoratet fullmakt til å sette i gang Pasientens timebok.", "konsept"),
])
def test_the_object_of_a_phase_verb(phases, sentence, phase):
    assert phases(sentence) == {("pasientens-timebok", phase)}


def test_a_phase_noun_with_its_complement_and_an_event(phases):
    assert phases("Utprøving av Pasientens timebok startet i juni.") == {
        ("pasientens-timebok", "utvikling_begrenset_utproving")}


def test_a_subjectless_phase_is_about_the_title_initiative(phases):
    text = "Pasientens timebok\nI 2026 starter nasjonal innføring til fastleger og sykehus."
    assert phases(text) == {("pasientens-timebok", "innforing")}


def test_a_pointing_subject_refers_to_the_sentence_before(phases):
    text = "Vi omtaler Pasientens timebok her. Tjenesten er for tiden under utprøving."
    assert ("pasientens-timebok", "utvikling_begrenset_utproving") in phases(text)


def test_an_event_pointing_back_restates_the_phase_of_the_sentence_before(statements):
    found = statements("Pasientens timebok skal innføres i kommunene. Dette vil tidligst kunne skje i 2027.")
    assert {(p.phase, p.date) for p in found} == {("innforing", ""), ("innforing", "2027")}


@pytest.mark.parametrize("text", [
    "Plan for utprøving av Pasientens timebok",
    "Kommuner har ansvar for utprøving og innføring av Pasientens timebok.",
    "Overordnet plan for innføring av Pasientens timebok er klar.",
    "– Vi tar i bruk Pasientens timebok i år, sier rådgiveren.",
    "Seniorrådgiveren påpekte at Pasientens timebok tas i bruk for sent.",
    "Når er Pasientens timebok klar for innføring?",
    "For å ta i bruk Pasientens timebok må kommunen ha en avtale.",
    "Når Pasientens timebok er ferdig utviklet, kan den tas i bruk overalt.",
    "Statistikk knyttet til innføringen av Pasientens timebok.",
    "Den nasjonale innføringen av Pasientens timebok er under forberedelse.",
])
def test_headings_plans_speech_questions_purposes_and_conditions_state_no_phase(phases, text):
    assert phases(text) == set()


def test_another_subject_keeps_the_predicate_from_the_passage_initiative(phases):
    text = "Pasientens timebok\nDokumentdeling via Pasientens timebok prøves først ut ved to sykehus."
    assert phases(text) == set()


def test_a_relative_clause_is_about_the_noun_before_it(phases):
    text = "Pasientens timebok er integrert med journalsystemene som er i bruk i kommunene."
    assert phases(text) == set()


def test_one_statement_per_initiative_phase_and_sentence(statements):
    found = statements("Pasientens timebok prøves ut, og utprøvingen av Pasientens timebok fortsetter i 2026.")
    assert len(found) == 1


@pytest.mark.parametrize("sentence, date, period", [
    ("I 2024–25 er det utprøving av Pasientens timebok i to regioner.", "2024", "2024/2025"),
    ("Pasientens timebok prøves ut høsten 2025.", "2025", "2025-23"),
    ("Pasientens timebok innføres i Q1 2026.", "2026-01", "2026-33"),
    ("Pasientens timebok skal være innført innen utgangen av 2027.", "2027-12", "../2027"),
    ("Pasientens timebok har vært i drift siden 2019.", "2019", "2019/.."),
])
def test_a_phase_keeps_the_precision_of_its_date(statements, sentence, date, period):
    assert {(p.date, p.period) for p in statements(sentence)} == {(date, period)}


@pytest.mark.parametrize("sentence", [
    "Vi har ikke klart å få innført Pasientens timebok hos fastlegene.",
    "Pasientens timebok er ikke tatt i bruk.",
])
def test_a_negated_predicate_states_no_phase(phases, sentence):
    assert phases(sentence) == set()


@pytest.mark.parametrize("sentence, phase", [
    ("Kommunen har fått innført Pasientens timebok i år.", "innforing"),
    ("Pasientens timebok har om lag 15 000 brukere.", "i_drift"),
    ("Pasientens timebok tok til å gjelde 1. januar 2015.", "innforing"),
    ("Pasientens timebok vil være tilgjengelig fra 3. kvartal 2026.", "innforing"),
    ("Pasientens timebok er under etablering.", "utvikling_begrenset_utproving"),
])
def test_more_ways_to_state_a_phase(phases, sentence, phase):
    assert phases(sentence) == {("pasientens-timebok", phase)}


def test_a_field_label_of_a_phase_states_it_for_the_section_initiative(phases):
    text = "Pasientens timebok\n • Om løsningen\n Timebok for alle.\n • Pilotkommuner\n Bergen og Voss."
    assert phases(text) == {("pasientens-timebok", "utvikling_begrenset_utproving")}


def test_a_question_of_when_answered_by_a_date_states_the_phase_with_that_date(statements):
    text = "Pasientens timebok\n • Når er løsningen klar for nasjonal utbredelse?\n I løpet av 2027."
    found = statements(text)
    assert [(p.phase, p.period, p.status) for p in found] == [("innforing", "2027", "planned")]
    assert found[0].evidence.text.startswith("• Når er løsningen") and found[0].evidence.text.endswith("2027.")


def test_a_condition_is_dated_by_the_sentence_after_it(statements):
    text = ("Når regelverket er på plass, kan Pasientens timebok tas i bruk i alle kommuner. "
            "Dette vil tidligst kunne skje i andre kvartal i 2027.")
    found = statements(text)
    assert [(p.phase, p.period) for p in found] == [("innforing", "2027-34")]
    assert found[0].evidence.text.startswith("Dette vil")


def test_a_subordinate_clause_has_its_own_subject(phases):
    text = "Innføring av Pasientens timebok er nødvendig før de andre delene kan tas i bruk."
    assert ("pasientens-timebok", "innforing") not in phases(text)


def test_an_object_of_another_verb_is_not_the_phase_verbs_object(phases):
    assert phases("Leverandøren utvikler og dokumenterer tjenester som skal bruke Pasientens timebok.") == set()


@pytest.mark.parametrize("sentence, phase", [
    ("I dag bruker alle legekontorene i fylket Pasientens timebok.", "i_drift"),
    ("Kvar dag brukar tusenvis av innbyggjarar Pasientens timebok.", "i_drift"),
    ("Målet er at alle kommuner skal bruke Pasientens timebok innen 2027.", "innforing"),
    ("Pasientens timebok er planlagt gjennomført i perioden 2025–2027.", "utvikling_begrenset_utproving"),
    ("Pasientens timebok ble fullført i 2024.", "innforing"),
])
def test_use_execution_and_completion_state_a_phase(phases, sentence, phase):
    assert phases(sentence) == {("pasientens-timebok", phase)}


@pytest.mark.parametrize("sentence", [
    "Vil du bestille time, må du bruke Pasientens timebok.",
    "Du kan ta i bruk Pasientens timebok fra i dag.",
    "Fastlegene skal kunne benytte nye API-er mot Pasientens timebok.",
    "Timen vises i oversikten når legen bruker Pasientens timebok til å bestille.",
    "Hver bruker av Pasientens timebok får et varsel.",
    "Tjenester som skal bruke Pasientens timebok, må registreres.",
])
def test_use_that_is_instruction_condition_or_not_the_direct_object_states_no_phase(phases, sentence):
    assert phases(sentence) == set()


def test_a_pronoun_object_of_use_points_nowhere(phases):
    text = "Pasientens timebok er omtalt her. Direktoratet får en ny rolle og vil bruke den til å følge opp."
    assert phases(text) == set()


@pytest.mark.parametrize("text, phase", [
    ("Norsk helsenett drifter Pasientens timebok.", "i_drift"),
    ("Pasientens timebok driftes av Norsk helsenett.", "i_drift"),
    ("Pasientens timebok er omtalt her. Prosjektet digitaliserer timebøker i perioden 2025–2027.",
     "utvikling_begrenset_utproving"),
    ("Pasientens timebok er omtalt her. Prosjektet blir gjennomført av direktoratet.", "utvikling_begrenset_utproving"),
    ("Den 3. mai gikk Helse-Lysfjord over til Pasientens timebok.", "innforing"),
])
def test_operation_execution_and_a_move_state_a_phase(phases, text, phase):
    assert phases(text) == {("pasientens-timebok", phase)}


@pytest.mark.parametrize("text, phase", [
    ("Pasientens timebok innføres i perioden 2025–2027.", "innforing"),
    ("Pasientens timebok er omtalt her. Dette bør gjennomføres raskt.", None),
    ("Pasientens timebok er omtalt her. I perioden 2020–2022 ble det gjennomført to andre prosjekter.", None),
])
def test_execution_counts_only_where_no_other_phase_is_named(phases, text, phase):
    assert phases(text) == ({("pasientens-timebok", phase)} if phase else set())


def test_a_pointing_noun_prefers_the_initiative_whose_name_ends_in_it(phases):
    text = ("Om Timeordninga. Den er digital, og brukes via Pasientens timebok. "
            "Direktoratet forvalter ordninga for etatene.")
    assert ("timeordninga", "i_drift") in phases(text)
    assert ("pasientens-timebok", "i_drift") not in phases(text)


@pytest.mark.parametrize("text", [
    "Pasientens timebok er omtalt her. Direktoratet har gjennomført et forprosjekt og oversendt rapporten.",
    "Målet er å utarbeide et oppdatert styringsdokument for Pasientens timebok.",
])
def test_the_documents_of_the_concept_phase_state_it(phases, text):
    assert phases(text) == {("pasientens-timebok", "konsept")}


def test_a_concept_document_without_an_event_states_nothing(phases):
    assert phases("Styringsdokumentet for Pasientens timebok ligger på nettsiden.") == set()


@pytest.mark.parametrize("text, phase", [
    ("Pasientens timebok er omtalt her. Det første prosjektet startet i 2023.", "utvikling_begrenset_utproving"),
    ("Om Pasientens timebok. Pulje 1 og pulje 2 er gjennomført, pulje 3 har oppstart i 2026.", "innforing"),
])
def test_a_project_started_and_rollout_batches_state_a_phase(phases, text, phase):
    assert phases(text) == {("pasientens-timebok", phase)}


def test_a_project_named_by_its_number_is_not_the_project_noun(phases):
    found = phases("Pasientens timebok er omtalt her. Stortinget ga tilslutning til å starte Prosjekt 2.")
    assert not {phase for initiative, phase in found if initiative == "pasientens-timebok"}
    assert found <= {("prosjekt-2", "konsept")}  # the mandate to start it, not the project noun's phase


@pytest.mark.parametrize("sentence, phase", [
    ("Regjeringen ga tilslutning til planen, og Pasientens timebok er omtalt der.", "konsept"),
    ("Kommunen søker om tilskudd til å starte opp, og Pasientens timebok er nevnt.", "konsept"),
    ("Pasientens timebok er en løsning som fastlegene ønsker å vurdere.", "i_drift"),
    ("Pasientens timebok er en løsning som skal erstatte papirskjema.", "i_drift"),
])
def test_a_mandate_for_something_else_or_a_solution_no_one_uses_states_no_phase(phases, sentence, phase):
    assert ("pasientens-timebok", phase) not in phases(sentence)


def test_taking_part_in_a_rollout_states_it(phases):
    text = "Om Pasientens timebok. Tolv kommuner har deltatt i spredning av Pasientens timebok."
    assert phases(text) == {("pasientens-timebok", "innforing")}


def test_a_plural_project_noun_is_not_the_initiative(phases):
    text = "Om Pasientens timebok. Det er variasjon i hvor mange kommuner som har deltatt i de ulike prosjekt."
    assert phases(text) == set()


def test_the_website_refers_to_the_solution_named_before(phases):
    text = "Vi omtaler Pasientens timebok her. Nettsiden der innbyggerne bestiller time, ble lansert i mars."
    assert phases(text) == {("pasientens-timebok", "innforing")}


@pytest.mark.parametrize("text, initiative", [
    ("Kommunen logger på Fjordporten og ber om data fra Lysregisteret, som sender svar fra Lysregisteret. "
     "Tjenesten vil være tilgjengelig fra mars 2026.", "lysregisteret"),
    ("Kommunen logger på Fjordporten og ber om data fra Lysregisteret. "
     "Tjenesten vil være tilgjengelig fra mars 2026.", "fjordporten"),
])
def test_a_pointing_noun_refers_to_what_the_sentence_before_names_most_else_first(phases, text, initiative):
    assert phases(text) == {(initiative, "innforing")}


def test_more_functionality_to_come_keeps_the_solution_under_development(phases):
    text = "Vi omtaler Pasientens timebok her. Timeboka ble lansert i mai, og mer funksjonalitet kommer i høst."
    assert ("pasientens-timebok", "utvikling_begrenset_utproving") in phases(text)



def test_a_pointing_noun_of_a_service_refers_to_the_named_solution_before_others(phases):
    text = ("Kommunen bruker den nye bookingløsningen. Brukerne får melding fra Fjordporten og logger seg på "
            "Helsenorges bookingløsning for kommuner. Nettjenesten vil være tilgjengelig fra mars 2026.")
    assert ("helsenorges-bookinglosning-for-kommuner", "innforing") in phases(text)
    assert ("fjordporten", "innforing") not in phases(text)
