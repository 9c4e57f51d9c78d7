"""The workshop page's options by plain title, in groups: a room reads "One more scanner at the
sea port" under *Scanners and image review*, not ``sea_scanner`` in a list of 40.

Each option of :func:`sim.faces.choices.option_catalogue` has a short title in English and
Chinese (:data:`TITLES`) and belongs to one group (:data:`GROUPS`); a test checks that every
option has both, so a reform added to the library is not shown untitled. The tick box's label
is the title, then what the option does and its strengths (:func:`sim.faces.words.option_label`,
its internal name kept in brackets for who types it into ``bordersim compare``); a run's
*Option* line names the titles before what ran.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

#: option name -> (English title, Chinese title)
TITLES: dict[str, tuple[str, str]] = {
    "sea_scanner": ("One more scanner at the sea port", "海运口岸增加一台机检设备"),
    "ai_clear_90": ("AI clears 90 % of scan images at the sea port",
                    "海运口岸 AI 审图自动放行 90%"),
    "smart_image_review": ("AI reads scan images first", "智能审图"),
    "remote_image_review": ("Image review pooled at one centre", "集中审图"),
    "single_window": ("Single window", "国际贸易“单一窗口”"),
    "integrated_declaration": ("One declaration for customs and quarantine", "关检融合统一申报"),
    "advance_declaration": ("Declare before the goods arrive", "提前申报"),
    "reduce_certificates": ("Fewer documents to collect", "精简监管证件"),
    "electronic_certificates": ("Electronic quarantine certificates", "检疫证书电子化"),
    "expedited_shipments": ("Expedited release of air express shipments", "航空快件快速放行"),
    "electronic_payment": ("Electronic payment of duties and fees", "税费电子支付"),
    "fewer_returns": ("Fewer declarations returned for correction", "减少退单"),
    "two_step_declaration": ("Two-step declaration", "两步申报"),
    "two_step_processing": ("Two-stage release: tax review after release", "两段准入"),
    "clearance_integration": ("Declare inland, release at the port", "属地申报、口岸验放"),
    "joint_inspection": ("One declaration, one inspection, one release",
                         "一次申报、一次查验、一次放行"),
    "separate_inspection": ("Separate inspections, as before 2018", "分别查验（2018 年前的做法）"),
    "merged_inspection": ("Customs and quarantine examine together", "关检联合查验"),
    "cancel_clearance_form": ("No wait for the quarantine clearance form", "取消通关单"),
    "direct_pickup": ("Ship-side pick-up for imports", "进口“船边直提”"),
    "direct_loading": ("Loading on arrival for exports", "出口“抵港直装”"),
    "exam_without_trader": ("Examinations without the trader present", "查验无需企业陪同"),
    "release_before_test": ("Release before the laboratory result", "先放后检"),
    "green_lane": ("Green lane for perishables", "鲜活商品绿色通道"),
    "origin_pre_inspection": ("Inspection at origin for approved exporters", "境外预检"),
    "state_pays_no_find": ("The state pays for inspections that find nothing",
                           "查验未发现问题的费用由国家承担"),
    "trader_pays_no_find": ("The trader pays for every inspection", "企业承担全部查验费用"),
    "big_data_targeting": ("Better risk scores from big data", "大数据风险布控"),
    "double_random": ("Random selection for part of the inspections", "“双随机”抽查"),
    "aeo_mutual_recognition": ("More AEO-certified traders", "更多 AEO 认证企业"),
    "credit_downgrade": ("Traders downgraded to discredited", "企业信用降级"),
    "aeo_partner_recognition": ("Imports from partners' AEOs recognised",
                                "互认伙伴方 AEO 企业的进口货物"),
    "aeo_lapse": ("Advanced AEOs losing their certification", "高级认证企业失去认证"),
    "smart_sharing": ("Data from partner customs", "与伙伴海关共享数据"),
    "risk_based_audit": ("Post-clearance audit by risk", "基于风险的稽查"),
    "flexible_staffing": ("One cross-trained pool of exam and quarantine staff",
                          "查验与检疫人员统一调配"),
    "exam_hours": ("Longer exam-yard hours", "延长查验场作业时间"),
    "training": ("Officer training", "关员培训"),
    "dumbbell": ("Dumbbell organisation", "哑铃型组织架构"),
    "merge_affiliated": ("Merge directly-affiliated customs", "合并直属海关"),
    "merge_field_departments": ("One field department", "合并现场业务部门"),
    "patrol_staff": ("Patrol officers on smuggling routes", "缉私巡查人员"),
    "ecommerce_surge": ("E-commerce parcel surge", "跨境电商包裹激增"),
    "low_value_threshold": ("Low-value parcel threshold (de minimis)", "低值包裹限值（免税额度）"),
    "epidemic": ("Epidemic", "疫情"),
    "smuggling_pressure": ("More smuggling attempts", "走私压力上升"),
    "outbreak": ("An outbreak abroad", "境外疫情暴发"),
    "control_order": ("Control order on origins and goods", "布控指令"),
    "cold_chain_mandate": ("Cold-chain checks on every frozen import", "进口冷链全面检测"),
}

#: (English heading, Chinese heading, its options in the order shown)
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Scanners and image review", "机检与审图",
     ("sea_scanner", "ai_clear_90", "smart_image_review", "remote_image_review")),
    ("Declarations and documents", "申报与单证",
     ("single_window", "integrated_declaration", "advance_declaration", "reduce_certificates",
      "electronic_certificates", "expedited_shipments", "fewer_returns", "two_step_declaration",
      "electronic_payment", "two_step_processing", "clearance_integration",
      "low_value_threshold")),
    ("Inspection and release", "查验与放行",
     ("joint_inspection", "separate_inspection", "merged_inspection", "cancel_clearance_form",
      "direct_pickup", "direct_loading", "exam_without_trader", "release_before_test",
      "green_lane", "origin_pre_inspection", "state_pays_no_find", "trader_pays_no_find",
      "exam_hours")),
    ("Risk targeting and traders' credit", "风险布控与企业信用",
     ("big_data_targeting", "double_random", "aeo_mutual_recognition", "credit_downgrade",
      "aeo_lapse", "aeo_partner_recognition", "smart_sharing", "risk_based_audit")),
    ("Staff and organisation", "人员与组织架构",
     ("flexible_staffing", "training", "dumbbell", "merge_affiliated",
      "merge_field_departments", "patrol_staff")),
    ("Shocks and controls: events to test the port against, not reforms",
     "冲击与管控：用于检验口岸的事件，而非改革",
     ("ecommerce_surge", "epidemic", "smuggling_pressure", "outbreak", "control_order",
      "cold_chain_mandate")),
)
#: the heading of an option in no group (none today: a test keeps it so)
OTHER = ("Other", "其他")


def title(name: str, lang: str = "en") -> str:
    """An option's plain title in ``lang`` (its name where it has none)."""
    said = TITLES.get(name)
    return name if said is None else said[lang == "zh"]


def titled(name: str, label: str, lang: str = "en") -> str:
    """A tick box's label: the option's title, then ``label`` (what it does, its strengths:
    :func:`sim.faces.words.option_label`, which starts with the name) without its leading
    name, the name kept in brackets where the label no longer says it."""
    colon = "：" if lang == "zh" else ": "
    rest = label.removeprefix(f"{name}{colon}")
    if name in rest:
        return f"{title(name, lang)}{colon}{rest}"
    kept = f"（方案 {name}）" if lang == "zh" else f" (option {name})"
    return f"{title(name, lang)}{colon}{rest}{kept}"


def grouped(names: Iterable[str], lang: str = "en") -> list[tuple[str, list[str]]]:
    """The groups that hold some of ``names`` (heading in ``lang``, its names in order),
    those in no group last under :data:`OTHER`."""
    names = list(names)
    out = []
    for english, chinese, members in GROUPS:
        found = [n for n in members if n in names]
        if found:
            out.append((chinese if lang == "zh" else english, found))
    placed = {n for _, _, members in GROUPS for n in members}
    rest = [n for n in names if n not in placed]
    if rest:
        out.append((OTHER[lang == "zh"], rest))
    return out


def side_titles(labels: Mapping[str, str], options: Iterable[str],
                lang: str = "en") -> dict[str, str]:
    """What each side ran (:func:`sim.faces.words.side_labels`), the option side led by its
    options' titles (``One more scanner at the sea port (sea_scanner)``)."""
    options = list(options)
    if not options or "option" not in labels:
        return dict(labels)
    said = " + ".join(title(n, lang) for n in options)
    bracket = ("（{}）" if lang == "zh" else " ({})").format(labels["option"])
    return {**labels, "option": said + bracket}


def headed(parts: Mapping[str, list[Any]], lang: str, heading: Any) -> list[Any]:
    """The option list's widgets (``parts``: each option's, by name) under their groups'
    headings, made by ``heading(text)``."""
    out: list[Any] = []
    for text, names in grouped(parts, lang):
        out.append(heading(text))
        for n in names:
            out.extend(parts[n])
    return out
