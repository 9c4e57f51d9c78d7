"""The report in Chinese on what a first comparison of the default scenario shows: a
headline line without its optional part, the notes of a short or single-replication run,
the lines a Holm correction qualifies, and the terms a customs reader must not confuse
(the share of illicit goods found against the hit rate of a check)."""

from __future__ import annotations

from sim.report.translate import text


def test_whom_it_touches_without_an_average_is_translated_not_a_crash():
    # (an option that changes nobody: the line has no average part; it raised KeyError)
    line = ("whom it touches: 0.0 % of the released consignments leave the port more than "
            "1 min sooner, 0.0 % later")
    assert text(line) == "影响范围：0.0% 的已放行货物提离口岸提前超过 1 分钟，0.0% 推迟"
