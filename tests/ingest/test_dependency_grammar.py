"""Dependency cues as Norwegian grammar, on sentences written for the tests with invented initiatives.

"Pasientens timebok", "Lysregisteret" and "Fjordporten" are not in the lexicon: the tests name them so that
discovery finds them ("Pasientens X", a compound on "-registeret" or "-porten" in mid-sentence).
"""

import pytest

from ingest import read_bytes


@pytest.fixture(scope="module")
def edges(extractor):
    def run(text: str) -> set[tuple[str, str, str]]:
        facts = extractor.extract(read_bytes("test.txt", text.encode("utf-8")))
        labels = {e.iri: e.label for e in facts.entities}
        return {(labels[d.prerequisite], labels[d.dependent], d.kind) for d in facts.dependencies}
    return run


@pytest.mark.parametrize("sentence", [
    "Pasientens timebok bygger på Kjernejournal.",
    "Pasientens timebok bygde på Kjernejournal fra starten.",
    "Pasientens timebok vil bygge videre på Kjernejournal.",
    "Pasientens timebok bygger også på Kjernejournal.",
    "Pasientens timebok er bygget på Kjernejournal.",
    "Pasientens timebok byggjer på Kjernejournal.",
    "Pasientens timebok baserer seg på Kjernejournal.",
    "Pasientens timebok er basert på Kjernejournal.",
    "Pasientens timebok skal baseres på Kjernejournal.",
])
def test_builds_on_in_every_inflection_and_with_modal_verbs(edges, sentence):
    assert edges(sentence) == {("Kjernejournal", "Pasientens timebok", "buildsOn")}


@pytest.mark.parametrize("sentence", [
    "Pasientens timebok forutsetter Kjernejournal.",
    "Pasientens timebok føreset Kjernejournal.",
    "Pasientens timebok krever Kjernejournal.",
    "Pasientens timebok krev Kjernejournal.",
    "Pasientens timebok trenger Kjernejournal.",
    "Pasientens timebok avhenger av Kjernejournal.",
    "Pasientens timebok er avhengig av Kjernejournal.",
    "Kjernejournal kreves av Pasientens timebok.",
    "Kjernejournal er viktig for å kunne innføre Pasientens timebok.",
    "Kjernejournal er nødvendig for å ta i bruk Pasientens timebok.",
    "Kjernejournal danner grunnlaget for Pasientens timebok.",
])
def test_requirements_point_from_the_subject_or_from_the_agent(edges, sentence):
    assert {(p, d) for p, d, _ in edges(sentence)} == {("Kjernejournal", "Pasientens timebok")}


def test_a_prerequisite_finished_before_a_dependent_can_be_used(edges):
    text = ("Når Kjernejournal og et nytt regelverk er ferdigstilt og testet ut, kan Pasientens timebok tas i bruk "
            "i alle kommuner.")
    assert edges(text) == {("Kjernejournal", "Pasientens timebok", "requires")}


def test_a_finished_prerequisite_without_a_use_of_the_dependent_gives_no_edge(edges):
    assert edges("Når Kjernejournal er ferdigstilt, skal Pasientens timebok evalueres.") == set()


def test_following_after_another_is_a_follows_edge(edges):
    assert edges("Pasientens timebok innføres etter at Kjernejournal er innført.") == {
        ("Kjernejournal", "Pasientens timebok", "follows")}


@pytest.mark.parametrize("sentence", [
    "Pasientens timebok krever ikke Kjernejournal.",
    "Pasientens timebok er ikke avhengig av Kjernejournal.",
    "Pasientens timebok kan innføres uten å kreve Kjernejournal.",
])
def test_a_negated_cue_gives_no_edge(edges, sentence):
    assert edges(sentence) == set()


def test_an_alternative_is_no_prerequisite(edges):
    text = "Pasientens timebok krever Kjernejournal eller en egen løsning hos leverandøren."
    assert edges(text) == set()


def test_a_prerequisite_that_is_not_an_initiative_gives_no_edge(edges):
    assert edges("Pasientens timebok forutsetter forberedelser og opplæring i kommunene.") == set()


def test_experience_is_not_a_prerequisite(edges):
    assert edges("Pasientens timebok bygger på erfaringer fra Kjernejournal.") == set()


def test_a_shared_platform_is_built_on(edges):
    text = "Det nye Lysregisteret ble utviklet på samme plattform som Fjordporten, og det sparte tid."
    assert ("Fjordporten", "Lysregisteret", "buildsOn") in edges(text)


def test_an_edge_stays_inside_its_clause(edges):
    text = ("Pasientens timebok bygger på Helsenorge, og Kjernejournal er nødvendig før de andre delene kan tas i "
            "bruk.")
    assert {(p, d) for p, d, _ in edges(text)} == {("Helsenorge", "Pasientens timebok")}


def test_what_must_be_in_place_for_another_is_its_prerequisite(edges):
    assert edges("Kjernejournal må være på plass for at Pasientens timebok kan tas i bruk.") == {
        ("Kjernejournal", "Pasientens timebok", "requires")}
