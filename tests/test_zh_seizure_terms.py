"""One concept, one Chinese term (docs/reports-zh.md, "The glossary"): a seizure is 查扣, a
check's find 查获, a detection 查出. A workshop read 查扣票数 in the metric names and 查获 for
the same count in the workbook; these tests hold every place that names a metric of the
seizure family (the metric names, their meanings, the workbook's enforcement sheet, the
headline) to 查扣, and the families of finds to theirs. Tables only: no run."""

from __future__ import annotations

import re

from sim.report.zh_glossary import TERMS
from sim.report.zh_meanings import MEANINGS
from sim.report.zh_metrics import METRICS
from sim.report.zh_workbook import FIGURES

SEIZED = TERMS["seized"]
FOUND = TERMS["found by a check (a hit; a smuggling attempt caught)"]
DETECTED = TERMS["detected (illicit goods found, as a count or a share)"]


def _seizure_family(name: str) -> bool:
    """A metric (or a workbook figure) that counts seizures, as its English name says."""
    return "seiz" in name


def test_the_glossary_keeps_three_terms_apart() -> None:
    assert len({SEIZED, FOUND, DETECTED, TERMS["rejected / returned"]}) == 4


def test_every_seizure_metric_says_seized_never_found() -> None:
    names = {en: zh for en, zh in METRICS.items() if _seizure_family(en)}
    assert len(names) >= 5  # consignments_seized, value_seized*, seizures_per_1000*, cost_*
    wrong = {en: zh for en, zh in names.items() if SEIZED not in zh or FOUND in zh}
    assert wrong == {}


def test_the_meanings_of_the_seizure_metrics_say_seized_never_found() -> None:
    said = {key: zh for key, zh in MEANINGS.items() if _seizure_family(key[0])}
    assert len(said) >= 5
    assert {key: zh for key, zh in said.items() if FOUND in zh} == {}


def test_the_workbook_counts_seizures_in_the_metrics_word() -> None:
    seized = {en: zh for en, zh in FIGURES.items() if _seizure_family(en)}
    assert seized and all(zh.startswith(SEIZED) for zh in seized.values())
    assert FIGURES["seized"] == METRICS["consignments_seized"].removesuffix("票数") + "数"


def test_finds_and_detections_never_say_seized() -> None:
    finds = {en: zh for en, zh in METRICS.items()
             if en.startswith(("hit_rate", "smuggling_caught", "detected_", "detection_rate"))}
    assert len(finds) >= 10
    assert {en: zh for en, zh in finds.items() if SEIZED in zh} == {}
    hits = [zh for en, zh in finds.items() if en.startswith("hit_rate")]
    detections = [zh for en, zh in finds.items() if en.startswith("detect")]
    assert all(FOUND in zh for zh in hits) and all(DETECTED in zh for zh in detections)


#: the noun, a seizure (not "seized", which may be a smuggling attempt caught: 查获)
SEIZURE = re.compile(r"\bseizures?\b", re.I)


def _texts() -> list[tuple[str, str, str]]:
    """Every reform's mechanism and strengths, and the report's phrases, notes and
    sentences, as (where, English, Chinese printed)."""
    from sim.reforms import REFORMS
    from sim.report.zh_notes import NOTE_SENTENCES, NOTES
    from sim.report.zh_phrases import PHRASES, SENTENCES
    from sim.report.zh_reforms import mechanism
    from sim.report.zh_strengths import strength

    out = [(en[:40], en, zh) for en, zh in {**PHRASES, **NOTES}.items()]
    out += [(p.pattern[:40], p.pattern, zh) for p, zh in SENTENCES + NOTE_SENTENCES]
    for name, reform in REFORMS.items():
        out.append((name, reform.mechanism, mechanism(name, reform.mechanism) or ""))
        for key, param in reform.params.items():
            out.append((f"{name}.{key}", param.doc, strength(name, key, param.doc)))
    return out


def test_every_seizure_in_a_reform_or_the_report_is_seized() -> None:
    """Each seizure an English text names (smart_sharing's partner alerts, the report's
    enforcement note) is 查扣 in its Chinese, as in the metrics, never 查获 (a check's find):
    at least as many 查扣 as the English has seizures."""
    texts = [t for t in _texts() if SEIZURE.search(t[1])]
    assert len(texts) >= 5  # smart_sharing's mechanism and two strengths, the report's
    wrong = {where: zh for where, en, zh in texts
             if zh.count(SEIZED) < len(SEIZURE.findall(en))}
    assert wrong == {}


def test_a_unit_per_seizure_says_seized_never_found():
    # (cost_per_seizure's unit was "currency/次查获": a find, where the metric's name says 查扣)
    from sim.report.zh_glossary import UNITS

    per = {en: zh for en, zh in UNITS.items() if SEIZURE.search(en)}
    assert per
    assert {en: zh for en, zh in per.items() if SEIZED not in zh or FOUND in zh} == {}
