"""Each reform's strengths (:attr:`sim.reforms.reform.Param.doc`) and sources
(:attr:`sim.reforms.reform.Reform.sources`) in Simplified Chinese, for
``bordersim reforms NAME --lang zh``. As in :mod:`sim.report.zh_reforms`, every entry holds
the digest of the English it translates, so a reworded English text is printed marked
untranslated, in English, never stale. A strength is looked up as ``reform.param``, then as
``param`` alone (the texts most reforms share: costs, uptake, transition); a source as
``reform:index``. The tables hold the most used reforms' texts and those most reforms share;
:mod:`sim.report.zh_strengths_more` holds every other reform's, merged in here. Field paths,
figures, titles of papers, addresses and file names stay as written."""

from __future__ import annotations

from sim.report.zh_reforms import UNTRANSLATED, digest
from sim.report.zh_strengths_more import MORE_SOURCES, MORE_STRENGTHS

#: ``reform.param`` or ``param`` -> (digest of its English description, its Chinese)
STRENGTHS: dict[str, tuple[str, str]] = {
    "cost_per_year": ("e61767a5",
        "各机构每年为此付出的、模型所计人员和设备以外的费用（信息系统、许可、维护、培训），"
        "以情景的货币计；0：不计成本（做成本效益分析时给出；需要 [costs] 部分）"),
    "setup_cost": ("6fde5cee",
        "各机构一次性的建设费用（系统建设、培训、变革管理），以情景的货币计；写入 costs.setup，"
        "即 bordersim appraise 的第 0 年；0：不计成本（需要 [costs] 部分）"),
    "uptake": ("c64bc507", "使用它的企业（报关单）比例"),
    "eligible": ("af8b2f88", "符合条件的报关单比例（未被查验时即使用）"),
    "transition_days": ("78434feb", "改革后效率较低的天数（0：无）"),
    "transition_loss": ("aadd8821", "过渡期内关员作业时间延长的比例"),
    "single_window.preparation_cut": ("21dea304", "使用者节省的申报准备时间比例"),
    "advance_declaration.uptake": ("e830f19a", "目前在货物到港后申报的企业中改为提前申报的比例"),
    "direct_pickup.minutes": ("3d72a55f", "使用者的提货时间，分钟"),
    "direct_loading.minutes": ("20179a30", "使用者需提前到达的时间，分钟"),
    "two_step_declaration.uptake": ("e2368ad5", "AEO 企业进口报关单中分两步申报的比例"),
    "two_step_declaration.general_uptake": ("53e84377", "一般信用企业进口报关单中分两步申报的比例"),
    **MORE_STRENGTHS,
}  # fmt: skip

#: ``reform:index`` -> (digest of the English source, its Chinese)
SOURCES: dict[str, tuple[str, str]] = {
    "single_window:0": ("7ecc0a25",
        "国际贸易“单一窗口”：到 2018 年底 80% 的主要海关业务通过它办理，到 2020 年底 100%"
        "（china-figures.md §3.3）"),
    "single_window:1": ("c4b58e0b",
        "假设：preparation_cut，即该入口为使用者节省的申报准备时间比例"),
    "joint_inspection:0": ("fb0787c0",
        "“一次申报、一次查验、一次放行”：自 2018 年 4 月 20 日起检验检疫以海关名义运作"
        "（english.customs.gov.cn，published-figures.md「CIQ merger」一节）"),
    "advance_declaration:0": ("b126a11c",
        "海关总署令第 243 号第 18 条：可在货物到港前最多 3 天申报（china-figures.md §3.1）"),
    "direct_pickup:0": ("23526d7a",
        "深圳“船边直提”：卸船至提离由 4-6 小时缩短至 5-8 分钟（eneltec 网页，"
        "published-figures.md）；使用者的提货时间取 8 分钟，即其上限"),
    "direct_pickup:1": ("d5f437fa", "假设：符合条件的比例"),
    "direct_loading:0": ("62a0148f",
        "深圳“抵港直装”：在港停留由 3-4 天缩短至 2 小时（eneltec 网页，published-figures.md）；"
        "使用者在船舶离港前需提前到达的时间取 2 小时"),
    "direct_loading:1": ("d5f437fa", "假设：符合条件的比例"),
    "two_step_declaration:0": ("e410f375",
        "海关总署公告 2019 年第 127 号：自 2019 年 8 月 24 日起试点；14 天内完成完整申报；"
        "应税货物需提供税款担保（china-figures.md §3.2）"),
    "two_step_declaration:1": ("8c218d92",
        "假设：各类别的使用比例（未找到采用两步申报的比例；据报道为个位数百分比，china-2017.toml "
        "即取此值：0.1 / 0.05）；默认值展示该改革在广泛采用时的效果；失信企业除外"),
    **MORE_SOURCES,
}  # fmt: skip


def strength(reform: str, param: str, english: str) -> str:
    """Strength ``param`` of ``reform``, described in Chinese, or marked untranslated."""
    for key in (f"{reform}.{param}", param):
        entry = STRENGTHS.get(key)
        if entry is not None and entry[0] == digest(english):
            return entry[1]
    return UNTRANSLATED + english


def source(reform: str, index: int, english: str) -> str:
    """Source ``index`` of ``reform`` in Chinese, or marked untranslated."""
    entry = SOURCES.get(f"{reform}:{index}")
    if entry is None or entry[0] != digest(english):
        return UNTRANSLATED + english
    return entry[1]
