"""The web client's text (api/web/static/text.json): every key in Norwegian and English, every key a script
names present, and a wording for every dependency kind, role and kind of reason the API serves."""

import json
import re

from graph.records import REASON_WORDS
from ontology import DEPENDENCY_KINDS
from testkit import ROOT

STATIC = ROOT / "api" / "web" / "static"
TEXT = json.loads((STATIC / "text.json").read_text(encoding="utf-8"))
ROLE_CUES = json.loads((ROOT / "ingest" / "patterns" / "role_cues.json").read_text(encoding="utf-8"))["cues"]
ROLES = {cue["kind"] for cue in ROLE_CUES}


def test_every_text_is_in_norwegian_and_english():
    assert [key for key, text in TEXT.items() if set(text) != {"nb", "en"} or not all(text.values())] == []


def test_every_key_a_script_names_has_a_text():
    named = {key for script in STATIC.glob("*.js")
             for key in re.findall(r"\b(?:t|format)\(\"(\w+)\"", script.read_text(encoding="utf-8"))}
    assert len(named) > 40
    assert sorted(named - TEXT.keys()) == []


def test_every_dependency_kind_role_and_reason_has_a_wording():
    assert [kind for kind in (*DEPENDENCY_KINDS, *ROLES) if kind not in TEXT] == []
    for kind, english in REASON_WORDS.items():
        text = TEXT[f"reason{kind[0].upper()}{kind[1:]}"]  # the key related.js words the kind by
        for placeholder in re.findall(r"\{(?:label|count)\}", english):
            assert placeholder in text["nb"] and placeholder in text["en"]
    assert "{count}" not in TEXT["reasonCoMentionOne"]["nb"]
