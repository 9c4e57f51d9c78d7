"""What the flow families mean in Chinese (alerts, the burden on compliant goods, a call's
boxes ready, clearance times by class, period and commodity), for
:mod:`sim.report.zh_meanings`, which merges them into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

from sim.report.zh_meanings_phrases import (
    CLASS,
    COMMODITY,
    COMMODITY_ALL,
    GOODS,
    QUANTILE,
    RELEASED,
)

_CALLS = ("统计范围为进口货物按班次到港（arrivals.batch，随机或按 schedule）的口岸的观测期班次"
          "（在观测天数内到港的）；一份报关单的集装箱在海关放行与卸货（列车为换装到另一轨距，按 "
          "batch.discharge_rate）两者中较晚者时可提。被查扣、退运和扣留的货物离开该班次（班次不等"
          "它们）；运行结束时仍有集装箱不可提的班次为滞留班次（calls_held_port_<port>），不计入均"
          "值。同一班次的报关单到港时间相同，据此归为一组：同一小时的两个班次（按计划如此，或因关"
          "闭而推迟到同一时刻）计为一个。每个设有 arrivals.batch 的口岸各有一项；没有班次可提时为"
          " NaN。")

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("alert_propagation_h_mean", "5d4b4a78"):
        "自观测期内一次查获至某一口岸收到其预警的平均小时数，只计已收到的（_port_<port>：该口岸收"
        "到的预警）：预警从未到达的口岸不计入，因此预警只到达少数口岸的组织结构可能显得很快；请结"
        "合 alert_reach 一起看。",
    ("alert_propagation_h_p90", "40e29c06"):
        "预警传达时间的第 90 百分位（计法同 alert_propagation_h_mean）。",
    ("alert_raised_share", "016884e8"):
        "预警的影响面：风险布控决定（观测期到港报关单）中，其风险评分被一条生效的预警提高的比例"
        "（预警按查获的特征：商品和原产地，可选加企业类别）。比例大意味着预警挤占布控阈值：被其提"
        "高的货物占用了其余货物的查验（rep-NNNN-risk.csv：按口岸、方向和类别列出的 raised）；超过"
        "一半时，运行会给出提示。只有在运行期间风险发生变化时（走私团伙的货物、突发激增），预警才"
        "带来新的信息：违规率稳定时，先验已包含一次查获对其特征所能说明的内容，预警不会提高查出率"
        "（默认情景即如此，其中没有走私团伙）。",
    ("alert_reach", "869a6b3e"):
        "预警到达了多少口岸：实际接收次数占可能接收次数的比例，alert_receipts / (alerts_raised × "
        "情景的口岸数)：每条预警都到达每个口岸时为 1，预警只对组织树的一部分发布时（如纺锤型结构"
        "的海关）小于 1。_port_<port>：该口岸收到的预警占已发布预警的比例（没有预警到达时为 0：此"
        "时其 alert_propagation_h_mean_port_<port> 缺失）。",
    ("alert_receipts", "3eef53a0"):
        "运行结束前各口岸接收 alerts_raised 的次数（一条预警，多个口岸）。",
    ("alerts_raised", "81dadc12"):
        "发布的预警数：观测期内每次查获发布一条（当某一单位发布预警时）。",
    ("burden_clearance_h", "5db6c45a"):
        "查验给守法货物增加的通关小时数，在每个口岸和方向内比较（从不跨口岸合并，各口岸的查验率和"
        "速度不同）：在该处，观测期到港货物中经机检、人工查验或检疫查验后放行的守法报关单的平均通"
        "关时间，减去未经查验放行的守法报关单的平均通关时间；再对两类都有的口岸和方向取平均，按其"
        "被查验的报关单数加权（_port_<port>：该口岸的两个方向；burden_clearance_h_goods：货物口岸"
        "的）。与 burden_share 一样按隐藏的真实情况计算。",
    ("burden_clearance_h_goods", "1a58dcf4"):
        "只计货物口岸（除邮件和快件监管中心外的所有口岸）的 burden_clearance_h，后者大量被查验的"
        "包裹（每件几分钟）主导合并的数值：即查验给守法货物报关单增加的小时数。仅在邮件或快件监管"
        "中心与货物口岸并存时出现。",
    ("burden_share", "f25a6f2f"):
        "观测期到港守法报关单（没有违规货物）中被机检、人工查验或检疫查验的比例。即海关加给守法企"
        "业的负担，但按隐藏的真实情况计算：海关自己无法区分守法货物和它漏查的违规货物；它能统计的"
        "是无发现的查验（1 - hit_rate_<check>、no_find_per_consignment）。",
    ("burden_share_<class>", "5f8b8483"):
        "某一信用类别企业的 burden_share：其守法报关单中被查验的比例，合并所有口岸（包括邮件或快"
        "件监管中心，其几乎逐件机检的包裹会主导它大量经手的类别：请看 "
        "burden_share_<class>_goods）。即信用类别为守法企业免除的负担，或信用规则使其承担的成本；"
        "与 burden_share 一样按隐藏的真实情况计算。",
    ("burden_share_<class>_goods", "4fa0095e"):
        "只计货物口岸（除邮件和快件监管中心外的所有口岸）的 burden_share_<class>：该类别守法货物"
        "报关单中被查验的比例，可与其信用规则的查验上限和下限对照。仅在邮件或快件监管中心与货物口"
        "岸并存时出现。",
    ("burden_share_goods", "0561fc4a"):
        "只计货物口岸（除邮件和快件监管中心外的所有口岸）的 burden_share，后者几乎逐件机检的包裹"
        "主导合并的数值（按默认情景的目标，合并的比例是货物口岸的数倍）：即守法货物报关单中被查验"
        "的比例。仅在邮件或快件监管中心与货物口岸并存时出现。",
    ("call_box_ready_h_mean_port_<port>", "64f2f2eb"):
        "自班次到港至一个集装箱可提（已放行且已卸货）的平均小时数，按集装箱加权（没有集装箱的报关"
        "单计为一个单位），统计 call_ready_h_mean_port_<port> 所计班次的集装箱：两者之差即平均每"
        f"个集装箱等待其班次最后一箱的时间。{_CALLS}",
    ("call_ready_h_mean_port_<port>", "db249f60"):
        "自班次到港至其最后一个集装箱可提（已被海关放行且已卸货）的平均小时数：即班列可以发车、或"
        "船舶的进口集装箱全部可提的时间；由最慢的一份报关单决定，这是单份报关单的通关时间看不出"
        f"的。{_CALLS}",
    ("call_ready_h_p90_port_<port>", "7c2b41e6"):
        "call_ready_h_mean_port_<port> 的小时数在各班次上的第 90 百分位（运行结束前可提的班次）。"
        f"{_CALLS}",
    ("calls_counted_port_<port>", "ba2abc11"):
        f"观测期到港班次中在该口岸有待放行货物的班次数（已可提，或运行结束时仍滞留）。{_CALLS}",
    ("calls_held_port_<port>", "0de66417"):
        "calls_counted_port_<port> 中，运行结束时仍有集装箱不可提（未放行或未卸货）的班次数。"
        f"{_CALLS}",
    ("clearance_h_mean_<class>_<direction>", "fd58a20e"):
        f"某一信用类别企业进口或出口货物的 clearance_h_mean{CLASS}",
    ("clearance_h_mean_<class>_port_<port>_<direction>", "070e4e56"):
        f"某一信用类别企业在某一口岸、某一方向货物的海关通关时间均值，{RELEASED}：即该类别（例如 "
        "AEO 高级认证）在企业从事贸易的口岸为其带来的好处。应看此值，而不是该类别合并所有口岸的数"
        "值，后者还反映该类别在哪里从事贸易（某一类别的货物多在快的口岸，就会显得快）。该类别在该"
        "处没有放行货物时为 NaN。",
    ("clearance_h_mean_<era>", "58ead172"):
        f"设有时间线时，在其某一时期（<era>）到港货物的 clearance_h_mean，{RELEASED}。从一个时期"
        "到下一个时期的变化并不是两者之间设定日期的改革的效果（逐周的漂移同样大）：compare 在各方"
        "案的日期处划分每个方案（基准方案也一样），因此每个时期都有配对差值。改革适用于其日期之后"
        "评估的货物，因此一个时期的头几天混有刚好在此之前到港的货物。仅在有设定日期的改革的时间线"
        "（[[timeline]]、--reforms NAME@TIME）或 periods_at 时出现。",
    ("clearance_h_mean_commodity_<commodity>", "513ce2c4"):
        f"{COMMODITY} clearance_h_mean{COMMODITY_ALL}。",
    ("clearance_h_mean_goods_<direction>", "54675ae9"):
        f"只计货物报关单的 clearance_h_mean_<direction>{GOODS}。",
    ("clearance_h_median_<class>_<direction>", "ce2361ca"):
        f"某一信用类别企业进口或出口货物的 clearance_h_median{CLASS}{QUANTILE}。",
    ("clearance_h_median_commodity_<commodity>", "626461d7"):
        f"{COMMODITY} clearance_h_median{COMMODITY_ALL}。{QUANTILE}。",
    ("clearance_h_p90_<class>_<direction>", "867108f1"):
        f"某一信用类别企业进口或出口货物的 clearance_h_p90{CLASS}{QUANTILE}。",
    ("clearance_h_p90_<class>_port_<port>_<direction>", "b525dbef"):
        "某一信用类别企业在某一口岸、某一方向货物的海关通关时间第 90 百分位，统计范围与 "
        "clearance_h_mean_<class>_port_<port>_<direction> 相同：即该类别（例如 AEO 高级认证）在"
        "企业从事贸易的口岸给其带来的长尾；该类别合并所有口岸的第 90 百分位还反映该类别在哪里从事"
        f"贸易。该类别在该处没有放行货物时为 NaN。{QUANTILE}。",
    ("clearance_h_p90_commodity_<commodity>", "8d3a350f"):
        f"{COMMODITY} clearance_h_p90{COMMODITY_ALL}。{QUANTILE}。",
    ("clearance_h_p90_goods_<direction>", "514f51bf"):
        f"只计货物报关单的 clearance_h_p90_<direction>{GOODS}。",
    ("consignments_treated", "692ad31b"):
        "已放行的货物中，放行前经检疫处理（熏蒸、热处理）的票数。",
    ("declared_to_release_h_median", "60258e6f"):
        f"declared_to_release_h_mean 所平均的时间的中位数（{QUANTILE}）。",
    ("declared_to_release_h_p90", "5cc76f9d"):
        f"declared_to_release_h_mean 所平均的时间的第 90 百分位（{QUANTILE}）。",
    ("release_to_exit_h_median", "06d7c722"):
        f"release_to_exit_h_mean 所平均的时间的中位数（{QUANTILE}）。",
    ("release_to_exit_h_p90", "b35ca4c7"):
        f"release_to_exit_h_mean 所平均的时间的第 90 百分位（{QUANTILE}）。",
    ("arrival_to_lodgement_h_median", "16482da0"):
        f"arrival_to_lodgement_h_mean 所平均的时间的中位数（{QUANTILE}）。",
    ("arrival_to_lodgement_h_p90", "9cbcbf74"):
        f"arrival_to_lodgement_h_mean 所平均的时间的第 90 百分位（{QUANTILE}）。",
}
