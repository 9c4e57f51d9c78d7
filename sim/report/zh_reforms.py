"""Each reform's mechanism (:attr:`sim.reforms.reform.Reform.mechanism`) in Simplified
Chinese, for ``bordersim reforms --lang zh``: keyed by the reform's name, with the first
eight hex digits of the SHA-256 of the English it translates. A reform whose English has
changed since (another digest), or one with no entry, is printed marked untranslated, in
English, never with a stale or guessed sentence; ``tests/test_cli_zh_reforms_list.py``
fails until every reform of the library has its Chinese. Terms are those of
:mod:`sim.report.zh_glossary` (查验, 机检, 放行, 布控, 稽查); field names stay as written."""

from __future__ import annotations

import hashlib
import re

#: reform name -> (digest of its English mechanism, its Chinese)
MECHANISMS: dict[str, tuple[str, str]] = {
    "single_window": ("c6bada54",
        "国际贸易“单一窗口”统一申报入口：使用它的企业申报准备更快，且不再二次申报"
        "（second_submission 为 0）；适用于每个口岸，进口和出口均适用，邮件处理中心的包裹亦然"),
    "joint_inspection": ("d34ef59c",
        "一次申报、一次查验、一次放行：法定检验货物只布控一次、移箱一次、排队一次，"
        "无需检验检疫通关单"),
    "separate_inspection": ("83021b69",
        "2018 年以前的做法（joint_inspection 的反向）：法定检验货物需二次申报、二次布控，"
        "再移箱一次、排队一次，并需检验检疫通关单"),
    "merged_inspection": ("9083fe30", "海关与检验检疫对法定检验货物联合查验：移箱一次、排队一次"),
    "cancel_clearance_form": ("b1ded746", "海关放行法定检验货物无需等待检验检疫通关单"),
    "integrated_declaration": ("f6cb7dec",
        "报关报检一次申报：海关与检验检疫只布控一次，不再二次申报"),
    "advance_declaration": ("eb481eab",
        "更多企业在货物到港前提前申报：advance_share 向 1 靠近其差距的 uptake 比例"
        "（uptake 为 0.5 时，0.6 变为 0.8）"),
    "reduce_certificates": ("06c79841",
        "需收集的监管证件减少：申报准备时间按办理证件所用时间中被取消的比例缩短"),
    "direct_pickup": ("f38bc1ff",
        "海运口岸“船边直提”：签约进口企业未被查验的货物到港后数分钟即可提离，而非通常的数小时"
        "（release.direct）；其他货物照常提货"),
    "direct_loading": ("cd9c75ca",
        "海运口岸出口“抵港直装”：签约出口企业未被查验的货物只需在船舶离港前数分钟到达，"
        "而无需赶在截关之前（exports.loading.direct）；其他货物照常装载"),
    "exam_without_trader": ("20b88739", "查验无需企业到场：不再等待企业陪同查验"),
    "smart_image_review": ("8d3c5fe6",
        "人工智能先判读机检图像（每幅约 3 秒），直接放行其中一部分，其余转交关员判读；"
        "其 AUC 决定直接放行时漏过多少"),
    "remote_image_review": ("ff8bae28",
        "各有机检设备的口岸的图像判读人员集中到一个中心：共用一条判读作业线（各口岸人数相加），"
        "而非每个口岸一条"),
    "big_data_targeting": ("9c3f7f64",
        "风险布控引擎的评分更能区分违规货物与守法货物（各违规类型的 AUC 更高），查验率不变；"
        "情景的 [risk] 部分未启用（由布控表决定）时，也一并启用该引擎，因此应在两者均启用引擎时"
        "比较，才能看出仅精准布控带来的收益（没有 [risk] 部分的情景需先加上，例如 "
        "--set risk.target=0.05）"),
    "double_random": ("4afae3ac",
        "查验目标的一部分以随机抽取货物完成（探索）；随机选派关员是廉政措施，对排队没有影响；"
        "情景的 [risk] 部分未启用（由布控表决定）时，也一并启用风险布控引擎（没有该部分时："
        "例如 --set risk.target=0.05）"),
    "aeo_mutual_recognition": ("3abb8de2",
        "更多本国企业获得 AEO 认证：成为 AEO 高级认证企业，或在 into = aeo_general 时"
        "成为 AEO 一般认证企业；它们适用该类别较低的布控比例（布控表中该类别的列；有风险布控"
        "引擎时，为 risk.caps 列出该类别的信用规则）和 AEO 优先待遇，而贸易行为照旧（其货物的"
        "真实违规情况按改革前的类别构成抽取：traffic.behaviour_classes）。只有一般信用企业转变"
        "类别（按 shift 比例），因此其他各类别的分类别数据比较的是同一批企业，谁得谁失中跟踪的"
        "是获得认证的企业（general -> 其加入的类别）；信用降级见 credit_downgrade。互认本身未"
        "建模：境外企业持有获互认的伙伴方 AEO 资格，其货物不因此得到任何便利（模型不区分境外的"
        "原产地或企业）；名称沿用基础论文，因情景文件和结果文件夹使用此名而保留"),
    "aeo_partner_recognition": ("5a46e7b3",
        "口岸的互认（进口方向）：比例为 share 的一般信用企业进口报关单所载货物，其境外发货人持有"
        "我国认可的伙伴方 AEO 资格，海关按高级认证企业对待（布控表中该类别的列；有风险布控引擎"
        "时，为 risk.caps 的上限；AEO 优先待遇）；贸易行为照旧（traffic.behaviour_classes），谁得"
        "谁失中显示为 general -> aeo_advanced。出口不变：互认给我国 AEO 企业出口带来的便利发生在"
        "伙伴方口岸，未建模；本国 AEO 企业自己的进口已有认证，亦不变"),
    "aeo_lapse": ("d2ca54dc",
        "高级认证企业失去认证（未通过复核或被撤销）并加入 into 类别：一般信用企业，或在 into = "
        "aeo_general 时成为一般认证企业；它们失去高级认证企业较低的布控比例（布控表中该类别的列；"
        "有风险布控引擎时，为 risk.caps 的上限），成为一般信用企业时亦失去 AEO 优先待遇，而贸易"
        "行为照旧（其货物的真实违规情况按改革前的类别构成抽取：traffic.behaviour_classes）。只有"
        "高级认证企业转变类别（按 shift 比例），因此谁得谁失中跟踪的是同一批货物（aeo_advanced "
        "-> 其加入的类别）：即认证对一家已认证企业的价值；要问一家企业，shift 应取小值"),
    "credit_downgrade": ("e23b2442",
        "一般信用企业被降为失信企业：适用失信企业的布控比例（布控表中该类别的列；有风险布控引擎"
        "时，为失信企业的下限），不享受优先待遇，而贸易行为照旧（其货物的真实违规情况按改革前的"
        "类别构成抽取：traffic.behaviour_classes）。只有一般信用企业转变类别（按 shift 比例），"
        "因此其他各类别的分类别数据比较的是同一批企业，谁得谁失中跟踪的是被降级的企业（general "
        "-> discredited）；要问降级对一家企业有何影响，shift 应取小值，取值大时查验场地会拥堵，"
        "所有企业都要等待"),
    "electronic_certificates": ("48d70451",
        "出口国的检疫证书由签发机构以电子方式送达海关："
        "覆盖比例内的货物，检疫关员不再核验纸质正本，因此各口岸现场检疫查验的平均时间缩短 "
        "coverage x verify_share（其关员也相应腾出）"),
    "electronic_payment": ("efa5da09",
        "税费电子支付（《贸易便利化协定》第 7.2 条）：比例为 uptake 的进口企业在线缴纳税费，"
        "海关即时获知缴款，因此放行前等待税费缴纳的时间（after_release.duty_payment，及口岸自己的 "
        "duty_payment）平均缩短 uptake x time_cut；两步申报的货物在缴税前已放行，不受影响；"
        "模型中出口不缴税"),
    "low_value_threshold": ("1f8cba27",
        "包裹低值（免税额度）限值（《贸易便利化协定》第 7.8.2(e) 条）："
        "邮件和快件监管中心申报价值低于 `threshold` 的进口包裹以简化的汇总申报通关，"
        "单证审核、机检和人工查验的布控率为布控表的 `selection` 倍（检疫不变）；"
        "申报价值略低于限值的包裹中低报价格的比例为原来的 undervaluation_uplift 倍"),
    "expedited_shipments": ("28e2ee74",
        "航空货运站的快件快速通关（《贸易便利化协定》第 7.8 条）：各航空口岸报关单中快件运营人"
        "所占的比例（进口和出口）在货物抵达前提交信息（因而可到港即放行），并凭最少的单证审核，"
        "因此报关单审核和单证审核的平均时间缩短 express_share x doc_cut；布控与查验不变，邮件和快件"
        "监管中心保持原样（其清单已是快速通关）"),
    "origin_pre_inspection": ("1a3c6b58",
        "经批准的出口商（AEO 企业和一般信用企业，从不包括失信企业）向本方进口的检疫类货物中，"
        "一部分在装运前于原产地实施检验：该检验查出的问题（有害生物、无检疫证明的冻品）在当地"
        "即被拦下，因此这些货物到港时问题更少，在边境被布控检疫查验也更少；其他货物照常查验"),
    "flexible_staffing": ("d84e10f7",
        "口岸的查验组与检疫关员合并为一个经交叉培训的人员池，同时承担两类工作（共用人员的"
        "作业线）；在运行开始时一次建成，因此不能设定生效日期，也没有磨合期"),
    "training": ("3c6b942b", "关员作业更快（作业时间缩短），图像判读更准确"),
    "smart_sharing": ("b3fcf4cf",
        "伙伴海关提供其原产货物的数据：所覆盖报关单的风险评分更准（AUC 更高），伙伴方的查扣"
        "在数小时内作为预警传到本方，电子证书替代一部分单证审核"),
    "two_step_declaration": ("b62406ef",
        "“两步申报”：进口货物凭概要申报即可放行，无需等待缴税；完整申报和缴税在 14 天内"
        "凭担保完成"),
    "two_step_processing": ("b9dac5b6",
        "安全和检疫检查仍在放行前进行；单证（税收）审核移至放行后，转为放行后税收复核，"
        "低报价格在此被发现或漏过"),
    "release_before_test": ("5abf617f",
        "被抽样送实验室检测的低风险货物在检测结果出来前先行放行，检测不合格则召回；已售出的"
        "货物无法追回。现场检查本身查出的问题（货物本身、其证书和冷链单证）仍在边境扣留货物："
        "只有仅由实验室查出的才召回（一次抽取决定是否查出，第二次抽取决定由现场检查还是"
        "实验室查出）"),
    "risk_based_audit": ("5cb292b6",
        "稽查按风险评分而非随机选取报关单：被稽查的守法报关单与以前一样多（其中 "
        "enforcement.audit.share 的比例），违规报关单按评分的 AUC 更常被选中，因此以大致相同的"
        "工作量查出更多低报价格（audits_per_year 计入多出的少量稽查）"),
    "dumbbell": ("0be8be24",
        "由海关总署和全国业务职能中心作出决定；直属海关只保留协调职能；每个岗位都移至其工作的"
        "决定之处（人数不变，因此海关组织人员成本按构造不变，除非 management_cut 裁撤岗位："
        "结构改变的是决定在何处等待，而非人员成本）；front_line 则把中间层一定比例的人员改派到"
        "口岸各通道（文献所说的强化一线：组织人员减少，口岸窗口增加）；"
        "uniform_standards 降低请示上报比例（文献所说的统一执法，为假设）；"
        "在运行开始时一次建成，因此不能设定生效日期"
        "（running_in_days 从运行开始计，含预热期；若 running_in_from = \"observation\"，"
        "则从第一个观测日计，视为改革开始之日）"),
    "merge_affiliated": ("9ff4bbe7",
        "合并直属海关（中间单位减少）：每组的口岸、人员和任务集中由一个海关管理（人员不变："
        "人员成本不变，除非 management_cut 裁撤岗位；否则节省来自合并后的排队）；在运行开始时"
        "一次建成，因此不能设定生效日期，也没有磨合期"),
    "merge_field_departments": ("70529a7f",
        "口岸监管、检疫、商品检验和食品安全合并为一个现场业务部门：经交叉培训的查验组联合查验"),
    "ecommerce_surge": ("5854f50d",
        "邮件处理中心的包裹增加，进口以及（该中心有出口时）出口均增加，来自各自独立的随机流"
        "（基准方案的包裹保持其抽取不变）"),
    "epidemic": ("94ff708e",
        "进口检疫布控加强，每票进口冷链（冻品）货物均接受检查和抽样（冷冻食品的实验室检测）；"
        "出口保持原有的检疫布控（export_selection.quarantine 保留其原有比例；风险布控引擎启用时，"
        "其布控表不分进出口，出口也会被更多检查）；提高的抽样比例适用于每次检疫查验，包括出口"),
    "control_order": ("d07ec148",
        "布控指令：所列来源地、所列商品（在所列口岸、所列进出口方向）的每票货物均接受所列查验，"
        "不论布控表或风险布控引擎如何决定，也不论企业信用等级；按日期生效时（control_order@12d，"
        "或写入 timeline），只影响自该日起审单的货物；风险布控引擎不把指令查验计入其自身的查验率"
        "和信用规则（sim/model/orders.py）"),
    "outbreak": ("ac6b7633",
        "境外疫情（例如非洲猪瘟）：疫区来源地货物中某一违规类型的发生率乘以一个系数"
        "（enforcement.by_origin），同样的货物，其中更多夹带该类违规货物；按日期生效时"
        "（outbreak@10d，或写入 timeline），只影响自该日起审单的货物；该来源地的出口"
        "（情景中有出口时）同样受影响"),
    "smuggling_pressure": ("d37fd773",
        "违规企图增多：各违规类型的发生率乘以一个系数（同样的货物，其中更多夹带违规货物），"
        "有 [smuggling] 部分时，走私团伙的机会也乘以同一系数（其企图来自各自独立的随机流）"),
    "exam_hours": ("cf454a81",
        "查验场在每个预约时段于午夜前结束的口岸每天多开放 extra_hours 小时：最后一个预约时段"
        "相应推迟，查验组、检疫人员和移箱设备在这几个小时保持白天的人数，晚间预约的查验当天"
        "完成，不再等到次日上午（加班班次的人员成本由运行按情景的工资计入；码头/场站延长作业"
        "时间的成本是评估的默认成本，为假设）"),
    "patrol_staff": ("009d3c17",
        "口岸外走私路线（全部路线，或所列路线）上当班的巡查人员乘以一个系数，逐小时计算，每小时"
        "取整为整数人；走私团伙照旧选择路线，因此运行结果给出被震慑的走私机会和转移到其他路线"
        "的企图各有多少；情景有 [costs] 部分时，巡查人员的工时按 costs.roles.<costs.patrol_role> "
        "定价（计入 agency_staff_cost_per_year），没有时不计成本；不能按日期生效（巡查在运行"
        "开始时一次建成）"),
    "cold_chain_mandate": ("f18fc222",
        "所涉商品的每票进口均接受检疫查验，每个集装箱由专门的小组采样和消毒，然后货物存放在"
        "集中监管仓（仓位有限），直至核酸检测结果和放行单证齐全；出口保持原有的检疫布控（出口"
        "单独的布控表 export_selection.quarantine 保留其原有比例；风险布控引擎启用时，其布控表"
        "不分进出口，此类出口也会被检查，但只有进口被采样、消毒和存放）"),
    "state_pays_no_find": ("49e6fdf0",
        "未查出问题的查验，其吊装、移位等处置费用由国家承担（不再由企业承担）"),
    "trader_pays_no_find": ("73ea28ac",
        "state_pays_no_find 的反向：无论查验结果如何，每次查验的吊装、移位等处置费用均由企业"
        "承担（试点之前的做法）"),
    "clearance_integration": ("7a4d978b",
        "通关一体化（属地申报、口岸验放）：部分转关货物在内地海关申报、在口岸查验放行，"
        "其转关手续和监管运输不再计入通关时间（运输在放行之后）"),
    "fewer_returns": ("844e868c",
        "审单关员退回修改的报关单减少：每个企业类别经审单后被退回的比例下降 points（不低于 0），"
        "等待报关行修改和第二次审单的报关单随之减少"),
    "green_lane": ("323942c7",
        "易腐货物绿色通道：覆盖商品的货物在两处设有优先顺序的队列中优先：查验场的队列（查验位、"
        "查验组、检疫关员和吊装设备，如同 exam.aeo_priority 下 AEO 企业的查验），以及实验室的批次"
        "（排在同一检测的其他样品之前）；不模拟其专用通道、较少的查验或较快的查验，也不模拟审单、"
        "单证审核、机检或冷链队伍处的优先，这些队列保持原有顺序（sim/model/green_lane.py）"),
}  # fmt: skip

#: how an English text with no Chinese is printed (as the other tables mark it)
UNTRANSLATED = "（此条尚无中文译文）"


def digest(english: str) -> str:
    """The first eight hex digits of the SHA-256 of ``english``."""
    return hashlib.sha256(english.encode()).hexdigest()[:8]


def mechanism(name: str, english: str) -> str | None:
    """The Chinese of reform ``name``'s mechanism ``english``, or None when there is none
    for that English (no entry, or the English changed since it was translated)."""
    entry = MECHANISMS.get(name)
    if entry is None or entry[0] != digest(english):
        return None
    return entry[1]


#: a reform of the library named at the start of a mechanism line, with the strengths given
#: (``smart_image_review (clear = 0.9)``, as sim.report.options_table.reform_words writes
#: them; a transition's words are English, so a line with one stays untranslated)
_NAMED = re.compile(r"([a-z_]+)(?: \((?P<s>\w+ = [^;()]+(?:; \w+ = [^;()]+)*)\))?: ")


def described(en: str) -> str | None:
    """A report's line of an option's reforms, ``NAME: MECHANISM.`` one after another as
    :func:`sim.report.options_table.mechanism` writes them, each in its Chinese (``NAME：…。``);
    None when one is not such a reform, or has no Chinese for its English (it then stays
    English and is counted as left untranslated, never guessed)."""
    from sim.reforms import REFORMS

    out, at = [], 0
    while at < len(en):
        named = _NAMED.match(en, at)
        if named is None or named[1] not in REFORMS:
            return None
        english = REFORMS[named[1]].mechanism
        end = named.end() + len(english.rstrip("."))
        zh = mechanism(named[1], english)
        if zh is None or en[named.end():end + 1] != english.rstrip(".") + ".":
            return None
        given = f"（{named['s'].replace('; ', '；')}）" if named["s"] else ""
        out.append(f"{named[1]}{given}：{zh}。")
        at = end + 1 + (en[end + 1:end + 2] == " ")
    return "".join(out) or None
