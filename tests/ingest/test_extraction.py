"""Extraction on short texts written for the tests, with names the lexicon does not know."""

import pytest

from ingest import read_bytes
from ontology import local_id


@pytest.fixture(scope="module")
def extract(extractor):
    def run(text: str):
        return extractor.extract(read_bytes("test.txt", text.encode("utf-8")))
    return run


def edges(facts):
    labels = {e.iri: e.label for e in facts.entities}
    return {(labels[d.prerequisite], labels[d.dependent], d.kind) for d in facts.dependencies}


def test_forutsetter_points_from_the_subject_to_what_it_needs(extract):
    facts = extract("Pasientens legemiddelliste forutsetter Kjernejournal.")
    assert edges(facts) == {("Kjernejournal", "Pasientens legemiddelliste", "requires")}


def test_forutsetning_for_points_the_other_way(extract):
    facts = extract("Kjernejournal er en forutsetning for Pasientens prøvesvar.")
    assert edges(facts) == {("Kjernejournal", "Pasientens prøvesvar", "requires")}


def test_enumeration_gives_one_edge_per_member(extract):
    facts = extract("Innføring av kjernejournal, e-multidose og SFM er viktige forutsetninger for PLL.")
    assert {(p, d) for p, d, _ in edges(facts)} == {
        ("Kjernejournal", "Pasientens legemiddelliste"), ("E-multidose", "Pasientens legemiddelliste"),
        ("Sentral forskrivningsmodul", "Pasientens legemiddelliste")}


def test_builds_on_and_follows_have_their_kinds(extract):
    facts = extract("Pasientens prøvesvar bygger på Kjernejournal. Innføring av E-multidose forventes å følge "
                    "innføring av SFM.")
    assert edges(facts) == {("Kjernejournal", "Pasientens prøvesvar", "buildsOn"),
                            ("Sentral forskrivningsmodul", "E-multidose", "follows")}


def test_anaphora_resolves_to_the_initiative_of_the_sentence_before(extract):
    facts = extract("Pasientens timebok skal gi bedre oversikt. Dette forutsetter at løsningen integreres med "
                    "Helsenorge.")
    assert ("Helsenorge", "Pasientens timebok") in {(p, d) for p, d, _ in edges(facts)}


def test_co_occurrence_alone_gives_no_edge(extract):
    facts = extract("Kjernejournal og Pasientens prøvesvar er omtalt i rapporten fra Helse Vest RHF.")
    assert facts.dependencies == ()


def test_abbreviations_are_learned_and_merged_with_their_long_form(extract):
    facts = extract("Nasjonal timebokløsning (NTL) er under utvikling. Senere vil NTL forutsette Helsenorge.")
    entity = next(e for e in facts.entities if e.label == "Nasjonal timebokløsning")
    assert entity.discovered and "NTL" in entity.alt_labels
    assert edges(facts) == {("Helsenorge", "Nasjonal timebokløsning", "requires")}


def test_unknown_initiatives_and_organisations_are_discovered(extract):
    facts = extract("Pasientens timebok ledes av Helse Lysfjord HF. Lillevik kommune og Direktoratet for "
                    "byggkvalitet deltar. Programmet NORDLYS-2 er i gang.")
    found = {(e.label, e.kind) for e in facts.entities if e.discovered}
    assert {("Pasientens timebok", "initiative"), ("Helse Lysfjord", "organization"),
            ("Lillevik kommune", "organization"), ("Direktoratet for byggkvalitet", "organization"),
            ("NORDLYS-2", "initiative")} <= found


def test_lexicon_matches_inflected_forms(extract):
    facts = extract("Legene oppdaterer legemiddellisten i kjernejournalen og journaldokumentene.")
    labels = {e.label for e in facts.entities}
    assert {"Kjernejournal"} <= labels


def test_phase_statement_has_date_scope_and_status(extract):
    facts = extract("Pasientens timebok startet utprøving i Helse Vest RHF i mars 2025.")
    (phase,) = [p for p in facts.phases if p.phase == "utvikling_begrenset_utproving"]
    assert (phase.date, phase.status, local_id(phase.scope)) == ("2025-03", "actual", "helse-vest-rhf")


def test_planned_and_tentative_phase_statements_are_kept_apart(extract):
    facts = extract("Kjernejournal skal innføres i kommunene høsten 2026. "
                    "Pasientens prøvesvar forventes tatt i bruk i 2027.")
    statuses = {(local_id(p.initiative), p.status) for p in facts.phases}
    assert ("kjernejournal", "planned") in statuses and ("pasientens-provesvar", "tentative") in statuses


def test_goals_and_subgoals_come_from_headings(extract):
    facts = extract("Mål 2: Enklere arbeidshverdag\nDelmål 2.B: Felles legemiddelliste for Pasientens "
                    "legemiddelliste\nTeksten.")
    assert [(g.notation, g.parent) for g in facts.goals] == [("2", ""), ("2.B", "2")]
    assert ("pasientens-legemiddelliste", "2.B") in {(local_id(g.initiative), g.notation) for g in facts.goal_links}


def test_evidence_offsets_point_at_the_sentence(extract):
    facts = extract("Innledning\nPasientens legemiddelliste forutsetter Kjernejournal.")
    (dep,) = facts.dependencies
    assert facts.document.text[dep.evidence.start:dep.evidence.end] == dep.evidence.text


def roles(facts):
    labels = {e.iri: e.label for e in facts.entities}
    return {(labels[r.actor], r.kind, labels[r.initiative]) for r in facts.roles}


def test_roles_lead_responsible_participant_and_funder(extract):
    facts = extract("Pasientens timebok ledes av Helse Fonna HF. Norsk helsenett SF er ansvarlig for drift av "
                    "Pasientens timebok. Lillevik kommune og Bodø kommune deltar i utprøvingen av Pasientens timebok. "
                    "Pasientens timebok er finansiert av Helse- og omsorgsdepartementet.")
    assert roles(facts) == {
        ("Helse Fonna HF", "lead", "Pasientens timebok"),
        ("Norsk helsenett SF", "responsible", "Pasientens timebok"),
        ("Lillevik kommune", "participant", "Pasientens timebok"),
        ("Bodø kommune", "participant", "Pasientens timebok"),
        ("Helse- og omsorgsdepartementet", "funder", "Pasientens timebok"),
    }


def test_an_initiative_named_as_a_place_takes_no_role(extract):
    facts = extract("Helse Nord RHF leder arbeidet med Pasientens timebok i DIPS Arena.")
    assert roles(facts) == {("Helse Nord RHF", "lead", "Pasientens timebok")}


def test_a_product_named_once_in_passing_is_not_an_initiative(extract):
    facts = extract("Rammeverket bygger på JavaScript og OAuth. HelsaMi viser varsler. HelsaMi er en portal.")
    labels = {e.label for e in facts.entities if e.discovered}
    assert "HelsaMi" in labels and "JavaScript" not in labels


@pytest.mark.parametrize("sentence,kind", [
    ("Pasientens timebok er avhengig av Kjernejournal.", "requires"),
    ("Kjernejournal må være på plass før Pasientens timebok.", "requires"),
    ("Pasientens timebok krever Kjernejournal.", "requires"),
    ("Pasientens timebok integreres med Kjernejournal.", "integratesWith"),
    ("Pasientens timebok må koordineres med Kjernejournal.", "coordinatedWith"),
])
def test_each_cue_family_points_from_the_dependent_to_the_prerequisite(extract, sentence, kind):
    assert edges(extract(sentence)) == {("Kjernejournal", "Pasientens timebok", kind)}


def test_a_health_enterprise_named_twice_is_discovered_once_named_is_not(extract):
    facts = extract("Helse Lysfjord deltar. Senere leder Helse Lysfjord arbeidet. Helse Møte er et seminar.")
    labels = {e.label for e in facts.entities if e.kind == "organization"}
    assert "Helse Lysfjord" in labels and "Helse Møte" not in labels


def test_progress_hears_of_every_sentence_analysed(extractor):
    text = " ".join(f"Setning {n} om Pasientens timebok." for n in range(1200))
    heard: list[tuple[int, int]] = []
    extractor.extract(read_bytes("lang.txt", text.encode("utf-8")), lambda done, total: heard.append((done, total)))
    assert heard[-1][0] == heard[-1][1] >= 1200 and [d for d, _ in heard] == sorted(d for d, _ in heard)
