"""The project's reading of the WTO Trade Facilitation Agreement (:mod:`sim.reforms.tfa`) in
Simplified Chinese, for ``bordersim reforms --tfa``, ``bordersim reforms NAME`` and
``bordersim tfa`` under ``--lang zh``: each article's title and each reform's reason, keyed
by article or reform name with the digest of the English it translates
(:func:`sim.report.zh_reforms.digest`), so a reworded English text is printed marked
untranslated, never stale. Titles are those of the Agreement's official Chinese text
(《贸易便利化协定》) where the project is sure of them; the others (``None``) keep their
English title on purpose rather than a guessed one."""

from __future__ import annotations

from sim.report.zh_reforms import UNTRANSLATED, digest

#: the Agreement, as the Chinese lines name it
AGREEMENT = "《贸易便利化协定》"

#: article -> (digest of its English title, its official Chinese title or None: kept English)
TITLES: dict[str, tuple[str, str | None]] = {
    "5.1": ("8ebaf853", None),
    "6": ("c34ffcbc", None),
    "7.1": ("7e345d61", "抵达前业务办理"),
    "7.2": ("44e9cb03", "电子支付"),
    "7.3": ("df9e1931", None),
    "7.4": ("31fecaec", "风险管理"),
    "7.5": ("a6b68a3e", "后续稽查"),
    "7.7": ("45dc27fe", "对经认证的经营者的贸易便利化措施"),
    "7.8": ("be7e5816", "快运货物"),
    "7.9": ("935015b5", "易腐货物"),
    "8.1": ("64f44f4d", "边境机构合作（第1款：成员本国的边境机构）"),
    "10.1": ("88f6ee84", "手续和单证要求"),
    "10.4": ("7eed6280", "单一窗口"),
    "10.5": ("bd15a959", "装运前检验"),
    "12": ("8fee7378", "海关合作"),
}

#: reform name -> (digest of its English reason, its Chinese)
WHYS: dict[str, tuple[str, str]] = {
    "advance_declaration": ("6418bbdc", "货物抵达前即申报，因此在抵达前开始办理"),
    "aeo_mutual_recognition": ("b2c44c7e",
        "更多本国企业享有经认证的经营者较低的查验比例和优先待遇；该条所述对其他成员认证制度的"
        "互认未建模"),
    "aeo_partner_recognition": ("e6020ee8",
        "境外发货人持有获互认的伙伴方 AEO 资格的进口货物享有经认证的经营者较低的查验比例和优先"
        "待遇：该条所述的互认，仅在进口方口岸"),
    "big_data_targeting": ("08ca874c", "以更准的风险评分把检查集中于高风险货物，查验率不变"),
    "cancel_clearance_form": ("938ac812",
        "海关不再等待另一机构的单证：少一道手续，各机构相互协调"),
    "aeo_lapse": ("f530fb51",
        "是反事实而非便利化措施：认证失效的高级认证企业失去第 7.7 条给予经认证的经营者的待遇"),
    "credit_downgrade": ("90c28525",
        "是惩戒而非便利化措施：被降为失信企业的一般信用企业失去第 7.7 条给予经认证的经营者的待遇"),
    "cold_chain_mandate": ("14ed9bbc", "增加检查和扣留的紧急卫生管控措施，不落实任何便利化措施"),
    "direct_loading": ("e937f70d", "放行后码头的装载做法；该协定不规范码头作业"),
    "direct_pickup": ("5a4dbbf0", "放行后码头的提货做法；该协定不规范码头作业"),
    "double_random": ("dee7797b", "作为风险管理一部分的随机抽取，该条允许这样做"),
    "dumbbell": ("1b52d6d8", "海关决定层级的内部重组；该协定没有条款规范此事"),
    "ecommerce_surge": ("439471b3", "包裹激增（假设情形的冲击），不是一项措施"),
    "epidemic": ("d4e9e8f1", "检疫检查和抽样增加（假设情形的冲击），不是便利化措施"),
    "exam_without_trader": ("83a28e8d", "不确定：未找到规定企业不到场查验的条款，因此不列条款"),
    "flexible_staffing": ("e97cef70", "海关与检疫人员合并，共同承担两个机构的查验"),
    "electronic_payment": ("d43754ae",
        "进口企业在线缴纳税费，海关即时获知缴款，因此放行前等待税费缴纳的时间缩短"),
    "electronic_certificates": ("00fabeeb",
        "证书以电子方式送达的货物，检疫关员不再核验纸质证书：一项手续耗时减少"),
    "integrated_declaration": ("e966c513", "向海关和检疫一次申报，而非两次"),
    "joint_inspection": ("3c9db520", "各边境机构共同实施一次申报、一次查验、一次放行"),
    "merge_affiliated": ("739af1b2", "海关关区的内部合并；该协定没有条款规范此事"),
    "merge_field_departments": ("d24b5edb", "海关与检疫的现场业务部门联合查验"),
    "merged_inspection": ("9083fe30", "海关与检验检疫对法定检验货物联合查验：移箱一次、排队一次"),
    "origin_pre_inspection": ("8914ad18",
        "检疫类货物在原产地检验：没有条款规定此事；关于装运前检验的条款不鼓励为此设定新要求"),
    "reduce_certificates": ("87090593", "所需单证减少，申报准备时间缩短"),
    "release_before_test": ("a77533ce",
        "不确定：协定文本中未见在实验室结果出来前放行的规定（第7.3条涉及关税、国内税、规费"
        "及费用），因此不列条款"),
    "remote_image_review": ("fb05c765", "图像判读人员的内部集中；该协定没有条款规范此事"),
    "risk_based_audit": ("5145c727", "按该条要求，后续稽查按风险而非随机选取"),
    "separate_inspection": ("5d2b85f6", "2018 年以前的做法，joint_inspection 的反向：撤销一项措施"),
    "single_window": ("2e47eda2", "各机构的单证通过一个入口提交"),
    "smart_image_review": ("cf37e13b", "由软件判读机检图像；该协定没有关于查验技术的条款"),
    "smart_sharing": ("7a639db4",
        "伙伴海关的数据使风险评分更准；该条规定的信息交换以请求为前提，因此这是一种宽泛的解读"),
    "control_order": ("5f99fd16",
        "布控指令是风险管理对特定货物特征的强制查验；该条要求把查验集中于高风险货物，"
        "此类指令正是如此"),
    "outbreak": ("bbaa40a9", "受疫区来源地的染疫货物增多（假设情形的冲击），不是一项措施"),
    "smuggling_pressure": ("bd6dbc7a", "违规企图增多（假设情形的冲击），不是一项措施"),
    "exam_hours": ("dec6af79", "延长查验场的作业时间：口岸自身对查验人员的排班，不是该协定的措施"),
    "patrol_staff": ("d97a0fd4", "口岸外的缉私巡查：属于执法，不是便利贸易的措施"),
    "state_pays_no_find": ("d448e7f7",
        "不确定：未查出问题时码头处置费用由谁承担；第6条规范的是各机构自身收取的费用，"
        "因此不列条款"),
    "trader_pays_no_find": ("6fa9a9c8", "state_pays_no_find 的反向（试点之前的做法）"),
    "training": ("fa823b6f", "关员的技能；该协定的能力建设条款（第二部分）不属于第一部分的措施"),
    "two_step_declaration": ("09953056", "凭概要申报放行，税款在提供担保后再确定和缴纳"),
    "two_step_processing": ("f4e63011", "税收审核移至放行后，转为放行后税收复核"),
    "clearance_integration": ("200761bc",
        "对国内货物在何处申报和查验的调整；该协定的过境条款针对穿越成员领土的货物，"
        "不涉及内地通关"),
    "fewer_returns": ("edf90978",
        "两步申报试点报告的效果（退回修改的报关单减少），本身不是一项措施"),
    "low_value_threshold": ("7e961eb8",
        "申报价值低于免税额度的包裹以简化申报通关、查验更少（第 2(e) 款）"),
    "expedited_shipments": ("cd0edd2a",
        "航空货运快件在抵达前申报，凭最少的单证放行（第2款(a)、(c)和(d)项）"),
    "green_lane": ("a518e48a", "安排查验和实验室检测时给予易腐货物优先（第1款(b)项）"),
}  # fmt: skip

#: a reform that implements no measure of the Agreement
NO_MEASURE = f"不落实{AGREEMENT}的措施"


def title(article: str) -> str:
    """``第7.1条 抵达前业务办理``; an English title kept on purpose stays English, one
    reworded since it was translated is marked untranslated."""
    from sim.reforms.tfa import ARTICLES

    english = ARTICLES[article]
    entry = TITLES.get(article)
    if entry is None or entry[0] != digest(english):
        return f"第{article}条 {UNTRANSLATED}{english}"
    return f"第{article}条 {entry[1] or english}"


def why(name: str, english: str) -> str:
    """Reform ``name``'s reason ``english`` in Chinese, or marked untranslated."""
    entry = WHYS.get(name)
    if entry is None or entry[0] != digest(english):
        return UNTRANSLATED + english
    return entry[1]


def reason(name: str) -> str:
    """A reform's reason with the articles it bears on, as one Chinese phrase."""
    from sim.reforms.tfa import TAGS

    tag = TAGS[name]
    more = "；".join(title(a) for a in tag.bears_on)
    return why(name, tag.why) + (f"（相关条款：{more}）" if more else "")


def describe(name: str) -> str:
    """:func:`sim.reforms.tfa.describe` in Chinese: the articles, then the reason."""
    from sim.reforms.tfa import TAGS

    if name not in TAGS:
        return f"不在{AGREEMENT}对照表中（sim/reforms/tfa.py）"
    said = "；".join(title(a) for a in TAGS[name].articles) or NO_MEASURE
    return f"{said}：{reason(name)}"


def heading() -> str:
    """The first line of ``bordersim reforms --tfa``."""
    from sim.reforms.tfa import SOURCE

    return (f"各项改革按其落实的世贸组织{AGREEMENT}措施列出（{SOURCE}；本项目的解读，"
            "并非官方分类）：")
