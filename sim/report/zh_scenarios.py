"""The bundled scenarios' descriptions in Chinese, for the Chinese report's table of the
scenario (:func:`sim.report.sections.scenario_section`), which otherwise shows the English
``description`` the scenario file gives.

Kept here, keyed by the scenario's name and the digest of its English description, rather
than as a ``description_zh`` in each scenario file: a new field of the scenario would change
the hashes the results folders pin (and every bundled file with it), and the Chinese is the
report's, like the rest of its glossary. The digest ties each sentence to the English it
translates: a scenario of the same name whose description differs (a user's file that
extends a bundled one, or a bundled one whose English was edited) keeps its own English,
never a Chinese of another text; ``tests/test_zh_scenarios.py`` fails when a bundled
scenario's English changes and this table does not follow."""

from __future__ import annotations

import html
import re
from pathlib import Path

from sim.report.zh_reforms import digest

#: the scale note the Guangdong scenarios end with
_SCALED = "；业务量和人员按比例缩小，以便数秒内运行完毕：请比较各组织结构，而非绝对水平或成本"

#: a bundled scenario's name -> (digest of its English description, its Chinese)
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "beilun-border": ("9af3735f",
                      "中越边境东兴：公路口岸、防城港海运口岸，以及界河、边民互市和沿海走私路线"),
    "china-2017": ("38f62f46",
                   "在 default 情景的 2019 年口岸上运行 2018 至 2019 年的时间线：先为 2018 年关检"
                   "融合前的做法，再按实施日期实行中国 2018 至 2019 年的改革（并非中国 2017 年的"
                   "水平）"),
    "default": ("e3452fff",
                "华南的海运口岸、陆路边境口岸、航空口岸和邮件监管中心，2018 年后的做法"),
    "guangdong": ("1d8ef7f5",
                  "广东七个直属海关、十个口岸及其上级组织（混合型结构，2019 年）" + _SCALED),
    "guangdong-dumbbell": ("fff9ab74",
                           "广东七个直属海关按哑铃型结构组织（基础论文的建议）" + _SCALED),
    "guangdong-enforcement": ("56d4b483",
                              "广东七个直属海关按纺锤型结构组织，并启用风险引擎，用于比较各组织结构"
                              "的查验与查获；业务量和人员按比例缩小，以便数秒内运行完毕：请比较各"
                              "组织结构，而非绝对水平"),
    "guangdong-four": ("4ef51b35", "广东七个直属海关合并为四个（混合型结构）" + _SCALED),
    "guangdong-spindle": ("d6359332",
                          "广东七个直属海关按纺锤型结构组织（约 2016 年的结构，即现行做法）"
                          + _SCALED),
    "teaching-jackson": ("06b5ed55",
                         "教学用：一个陆路口岸，单证审核、机检和人工查验串联，构成开放式 Jackson "
                         "排队网络"),
    "teaching-mmc": ("161ade63",
                     "教学用：一个陆路口岸，一条由两名关员组成的作业线，即 M/M/2 排队，可与 "
                     "Erlang C 公式对照"),
}


def description_zh(name: str, english: str) -> str | None:
    """The Chinese of a bundled scenario's description, None for another scenario or another
    description (its English is then shown as it is)."""
    known = DESCRIPTIONS.get(name)
    return known[1] if known is not None and known[0] == digest(english) else None


def translated(folder: Path, kind: str) -> frozenset[str]:
    """The English description :func:`chinese_description` will replace on the folder's
    Chinese page (none when it has no Chinese), so that the page does not count it among the
    texts left in English and say, at its top, that some paragraphs are."""
    from sim.report.route_labels import scenarios

    runs = scenarios(folder, kind)
    if not runs:
        return frozenset()
    name, english = str(runs[0].get("name", "")), str(runs[0].get("description", ""))
    return frozenset({english}) if description_zh(name, english) is not None else frozenset()


def chinese_description(page: str, folder: Path, kind: str) -> str:
    """A Chinese report page whose table of the scenario (the first option's, as the page
    shows it) gives a bundled scenario's description in Chinese; any other page as it was."""
    from sim.report.route_labels import scenarios

    runs = scenarios(folder, kind)
    if not runs:
        return page
    name, english = str(runs[0].get("name", "")), str(runs[0].get("description", ""))
    zh = description_zh(name, english)
    if zh is None:
        return page
    row = re.compile(f"(<tr><th scope='row'>说明</th><td>){re.escape(html.escape(english))}"
                     "(</td>)")
    return row.sub(lambda found: found[1] + html.escape(zh) + found[2], page, count=1)
