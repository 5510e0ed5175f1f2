"""Generate roadmap-like Norwegian documents with invented initiatives, actors, dependencies and phases."""

import random

NOUNS = ["timebok", "henvisning", "vaksinekort", "sjekkliste", "pleieplan", "journalkopi", "målekurve",
         "legemiddelprofil", "innkalling", "samtykkeliste", "reiseplan", "kostholdsplan", "behandlingsplan"]
PLACES = ["Lillevik", "Nordfjord", "Austrått", "Bremnes", "Solbakk", "Vikersund", "Heimdal", "Fjellstad"]
REGIONS = ["Fonna", "Fjordane", "Innlandet", "Nordvest", "Sørøst", "Midtfjell"]
MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "august", "september", "oktober", "november"]


def initiative_names(rng: random.Random, count: int) -> list[str]:
    """Return ``count`` invented initiative names: "Pasientens X" and "Nasjonal X-løsning (ABBR)"."""
    names = []
    for i in range(count):
        noun = rng.choice(NOUNS)
        names.append(f"Pasientens {noun} {i}" if i % 2 else f"Nasjonal {noun}løsning {i}")
    return names


def document(rng: random.Random, number: int, paragraphs: int = 30) -> str:
    """Return the text of one synthetic roadmap chapter."""
    initiatives = initiative_names(rng, 8)
    orgs = [f"Helse {rng.choice(REGIONS)} HF", f"{rng.choice(PLACES)} kommune", "Norsk helsenett SF", "KS"]
    lines = [f"Veikart for digital samhandling, del {number}", "",
             f"Delmål {1 + number % 5}.{'ABC'[number % 3]}: Helsepersonell skal ha tilgang til oppdatert informasjon",
             ""]
    for p in range(paragraphs):
        a, b, c = rng.sample(initiatives, 3)
        org = rng.choice(orgs)
        when = f"{rng.choice(MONTHS)} {rng.randint(2024, 2028)}"
        sentences = [
            f"{a} forutsetter {b} og {c}.",
            f"{b} er en viktig forutsetning for innføring av {a}.",
            f"{a} ledes av {org}, og utprøving startet i {when}.",
            f"Innføring av {c} forventes å følge innføring av {b}.",
            f"{org} er ansvarlig for drift og forvaltning av {c}, som nå er i daglig bruk i mange kommuner.",
            f"Det er planlagt utvidet utprøving av {b} i {rng.choice(PLACES)} kommune i {when}.",
            "Arbeidet skal gi bedre samhandling og mindre dobbeltregistrering for helsepersonell i hele landet.",
        ]
        rng.shuffle(sentences)
        lines.append(" ".join(sentences[: rng.randint(3, len(sentences))]))
        if p % 8 == 7:
            lines += ["", f"Status for {rng.choice(initiatives)}", ""]
    return "\n".join(lines) + "\n"


def corpus(size: int, seed: int = 7) -> list[tuple[str, str]]:
    """Return ``size`` (file name, text) pairs."""
    rng = random.Random(seed)
    return [(f"syntetisk-{i:04d}.txt", document(rng, i)) for i in range(size)]
