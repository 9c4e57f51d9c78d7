"""The report in Chinese on what a first comparison of the default scenario shows: a
headline line without its optional part, the notes of a short or single-replication run,
the lines a Holm correction qualifies, and the terms a customs reader must not confuse
(the share of illicit goods found against the hit rate of a check)."""

from __future__ import annotations

from sim.report.translate import metric_name, text


def test_whom_it_touches_without_an_average_is_translated_not_a_crash():
    # (an option that changes nobody: the line has no average part; it raised KeyError)
    line = ("whom it touches: 0.0 % of the released consignments leave the port more than "
            "1 min sooner, 0.0 % later")
    assert text(line) == "影响范围：0.0% 的已放行货物提离口岸提前超过 1 分钟，0.0% 推迟"


def test_the_share_of_illicit_goods_found_is_never_called_the_hit_rate():
    from sim.report.zh_glossary import TERMS
    from sim.report.zh_metrics import METRICS
    from sim.report.zh_phrases import PHRASES, PIECES

    hit = TERMS["hit rate"].split("（")[0]  # 查获率: a check's hits over the checks made
    assert hit == "查获率"
    for stem, zh in METRICS.items():
        if stem.startswith("detection_rate") or "caught_share" in stem:
            assert hit not in zh, (stem, zh)
        if stem.startswith("hit_rate"):
            assert hit in zh, (stem, zh)
    # 查验查获率 is how China Customs says an exam's hit rate: the exam's share of the
    # illicit goods found must read otherwise
    assert metric_name("detection_rate_by_exam") == "经查验查出的违规货物比例"
    assert metric_name("hit_rate_physical") == "人工查验查获率（命中率）"
    detect = [zh for en, zh in PHRASES.items() if "detect" in en.lower()]
    detect += [zh for p, zh in PIECES if "detect" in p.pattern]
    assert detect and all(hit not in zh for zh in detect), detect
