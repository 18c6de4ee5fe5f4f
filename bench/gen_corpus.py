#!/usr/bin/env python3
"""Deterministic corpus of French and English release Markdown, with matching ledgers.

Usage: gen_corpus.py OUT_DIR [--files N] [--file-size BYTES] [--single] [--figures N ...]

Writes OUT_DIR/docs/NNNNN.md (half French, half English; about one claim per 200 bytes, as the
speed issue's reference corpus has: sentences with figures alternate with sentences of context
and quotations that hold none, as real releases do; the figures in the formats releases use: "41 %", "plus de 60 %", "environ 140", "quelque 1 100", "31,4 millions
d'euros", "£54m", "12,000 officers", years, dates, article numbers), or one big file with
--single, and OUT_DIR/figures-N.toml for each --figures N: a ledger whose figures are named by
programme codes ("programme P123") that the texts cite, so larger ledgers link more claims.
The same arguments always give the same bytes.
"""
import argparse
import os
import random

FR = [
    "Le taux de réussite du programme P{p} est passé de {pct} % en {year} à plus de {pct2} % ces dernières semaines.",
    "Depuis son ouverture en {month}, l'unité du programme P{p} a permis environ {n} arrestations et d'empêcher quelque {big} passages.",
    "Le Royaume-Uni a engagé {money} millions d'euros pour le programme P{p}, conformément à l'article {art} de l'accord.",
    "Au cours des six prochains mois, les résultats du programme P{p} seront examinés par les deux ministres.",
    "La part des communes couvertes par le programme P{p} atteint {pct},{d} % selon le rapport du {day} {month} {year}.",
    "Les équipes du programme P{p} ont formé {big} agents et mené {n} exercices dans {k} régions.",
    "Le budget du programme P{p} s'élève à {money} M€, soit une hausse de {d},{d2} points de pourcentage.",
    "Les ministres se retrouveront le {day} {month} à 10h30 pour faire le point sur le programme P{p}.",
]
EN = [
    "The success rate of programme P{p} rose from {pct}% in {year} to over {pct2}% in recent weeks.",
    "Since it opened in {month_en}, the programme P{p} unit made around {n} arrests and prevented some {big_en} crossings.",
    "The UK committed £{money}m to programme P{p}, under article {art} of the agreement.",
    "Over the next six months, the results of programme P{p} will be reviewed by the two ministers.",
    "The share of councils covered by programme P{p} reaches {pct}.{d}% according to the {day} {month_en} {year} report.",
    "Programme P{p} teams trained {big_en} officers and ran {n} exercises across {k} regions.",
    "The programme P{p} budget stands at €{money}.{d} million, a rise of {d}.{d2} percentage points.",
    "The ministers will meet on {day} {month_en} at 10:30 am to review programme P{p}.",
]
# Sentences with no claim: context, quotations, next steps. Real releases hold far more of these
# than figures (the seed statement: one claim per ~800 bytes).
PROSE_FR = [
    "Les deux gouvernements réaffirment leur volonté de coopérer étroitement face aux réseaux criminels qui exploitent la détresse des personnes.",
    "« Cette coopération montre ce que nous pouvons accomplir ensemble », a déclaré la ministre à l'issue de la réunion.",
    "Les services compétents poursuivront leurs échanges d'information et leurs opérations conjointes sur l'ensemble du littoral.",
    "Le comité de suivi se réunira de nouveau à l'automne afin d'évaluer les résultats obtenus et de proposer des ajustements.",
    "Les partenaires associatifs seront consultés avant toute décision sur l'extension du dispositif à d'autres territoires.",
    "Le ministère rappelle que les données publiées sont provisoires et pourront être révisées lors du prochain bilan.",
]
PROSE_EN = [
    "Both governments reaffirmed their commitment to working closely together against the criminal networks that exploit vulnerable people.",
    "\u201cThis cooperation shows what we can achieve together,\u201d the minister said after the meeting.",
    "The agencies involved will continue to share intelligence and run joint operations along the whole coastline.",
    "The steering committee will meet again in the autumn to assess the results and propose adjustments where needed.",
    "Partner charities will be consulted before any decision to extend the scheme to other regions.",
    "The department notes that the published data are provisional and may be revised in the next report.",
]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
HEAD_FR = "# Communiqué de presse n° {i}\n\n*Paris, le {day} {month} {year}.* "
HEAD_EN = "# Press release no. {i}\n\n*London, {day} {month_en} {year}.* "


def values(rng, programmes):
    big = rng.randint(1000, 99999)
    return dict(
        p=rng.randrange(programmes), pct=rng.randint(10, 49), pct2=rng.randint(50, 90),
        year=rng.randint(2015, 2024), n=rng.randint(20, 990), big=f"{big:,}".replace(",", " "),
        big_en=f"{big:,}", money=rng.randint(2, 900), art=rng.randint(1, 40), d=rng.randint(1, 9),
        d2=rng.randint(0, 9), k=rng.randint(2, 20), day=rng.randint(1, 28),
        month=rng.choice(MONTHS), month_en=rng.choice(MONTHS_EN),
    )


def document(rng, i, size, programmes):
    fr = i % 2 == 0
    v = values(rng, programmes)
    parts = [(HEAD_FR if fr else HEAD_EN).format(i=i, **v)]
    length = len(parts[0])
    while length < size:
        if rng.random() < 0.65:
            sentence = rng.choice(PROSE_FR if fr else PROSE_EN)
        else:
            sentence = rng.choice(FR if fr else EN).format(**values(rng, programmes))
        sep = "\n\n" if rng.random() < 0.3 else " "
        parts.append(sentence + sep)
        length += len((sentence + sep).encode("utf-8"))
    return "".join(parts)


def ledger(n, programmes):
    lines = ['[ledger]\nname = "generated"\nsource = "bench/gen_corpus.py"\n']
    for i in range(n):
        p = i % programmes
        kind = i // programmes % 3
        if kind == 0:
            lines.append(f'[figures.taux-p{i}]\nvalue = {30 + i % 40}\nunit = "%"\nabout = ["programme P{p}"]\nwhen = ["taux", "rate"]\n')
        elif kind == 1:
            lines.append(f'[figures.arrestations-p{i}]\nvalue = {100 + i % 800}\nabout = ["programme P{p}"]\nwhen = ["arrestations", "arrests"]\n')
        else:
            lines.append(f'[figures.budget-p{i}]\nvalue = {(2 + i % 800) * 1_000_000}\nunit = "EUR"\nabout = ["programme P{p}"]\nwhen = ["budget"]\n')
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=25000)
    ap.add_argument("--file-size", type=int, default=4000)
    ap.add_argument("--single", action="store_true", help="one file of files * file-size bytes")
    ap.add_argument("--figures", type=int, nargs="*", default=[10, 10000])
    ap.add_argument("--seed", type=int, default=20261126)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    programmes = max(a.figures) // 3 + 1 if a.figures else 10
    docs = os.path.join(a.out, "docs")
    os.makedirs(docs, exist_ok=True)
    if a.single:
        with open(os.path.join(docs, "big.md"), "w", encoding="utf-8") as f:
            for i in range(a.files):
                f.write(document(rng, i, a.file_size, programmes))
                f.write("\n\n")
    else:
        for i in range(a.files):
            with open(os.path.join(docs, f"{i:05d}.md"), "w", encoding="utf-8") as f:
                f.write(document(rng, i, a.file_size, programmes))
    for n in a.figures:
        with open(os.path.join(a.out, f"figures-{n}.toml"), "w", encoding="utf-8") as f:
            f.write(ledger(n, programmes))


if __name__ == "__main__":
    main()
