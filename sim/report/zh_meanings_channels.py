"""What the families of clearance by channel (the checks a declaration met) mean in
Chinese, for :mod:`sim.report.zh_meanings`, which merges them into its ``MEANINGS``; keyed
the same way."""

from __future__ import annotations

from sim.report.zh_meanings_phrases import QUANTILE

_CHANNEL = (
    "某一通道（报关单经过的检查）的报关单，合并所有口岸和方向：即哪些报关单等待久、因何等待，可与"
    "各项检查的比例（document_check_rate、inspection_rate，即各通道的票数）对照。合并各口岸，故"
    "某一通道混合了其使用之处（邮件和快件中心几乎逐件机检，几分钟即放行，故机检通道多为邮件）。"
    "按每个通道给出；运行中该通道没有放行货物时为 NaN。加 _port_<port>_<direction>：某一口岸"
    "某一方向该通道的报关单，即在该口岸工作的报关行所见（在放行过货物的每个口岸和方向按每个通道"
    "给出，该通道没有放行货物时为 NaN；各口岸的均值按其放行票数加权即为合并的均值）"
)

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("clearance_h_mean_channel_<channel>", "a8b55ca8"): f"{_CHANNEL}的 clearance_h_mean。",
    ("clearance_h_p90_channel_<channel>", "894ea5b5"):
        f"{_CHANNEL}的 clearance_h_p90。{QUANTILE}。",
    ("declared_to_release_h_mean_channel_<channel>", "06b5ace9"):
        f"{_CHANNEL}的 declared_to_release_h_mean（自申报起，或到港较晚时自到港起）。",
}
