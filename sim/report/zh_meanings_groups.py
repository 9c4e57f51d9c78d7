"""What the smuggling-group, risk-engine and lane families mean in Chinese (attempts, catches
and deterrence by route and type, the border-resident lane, the risk engine's AUC, spoilage,
the exam throttle, lanes' utilisation and waits), for :mod:`sim.report.zh_meanings`, which
merges them into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

from sim.report.zh_meanings_phrases import YARD

_LANE = ("（组织的单位：org/<unit>_<role>）")

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("resident_lane_carriers_route_<route>", "42026f9d"):
        "受雇为走私团伙分拆携带货物的边民在该通道的通关人次（每批货物：ceil(value / allowance) 人"
        "次）。",
    ("resident_lane_loads_found_route_<route>", "a6bd66d1"):
        "通道对其某一携带者进行详细查验而查获的走私货物批数（其中有些也被巡查截获；两者在 "
        "smuggling_caught_route_<route> 中只计一次）。",
    ("resident_lane_member_checked_share_route_<route>", "90de1e1d"):
        "商品被详细查验的边民比例（通道的 check_share，按实际抽取）：即严查时守法边民所承受的部"
        "分。",
    ("resident_lane_member_time_h_mean_route_<route>", "61decd24"):
        "边民在通道的平均用时：等待、每次通关的查验，以及对被选中者的商品按免税额度进行的详细查"
        "验。",
    ("resident_lane_member_wait_h_mean_route_<route>", "46b9c6c8"):
        "边民在通道等待关员的平均时间，自到达至查验开始（与其他边民和携带者一同排队）。",
    ("resident_lane_member_wait_h_p90_route_<route>", "e0eeafcf"):
        "边民在通道等待关员时间的第 90 百分位。",
    ("resident_lane_members_route_<route>", "488efab0"):
        "该路线边民互市通道守法边民的通关人次（在观测期内到达的）。",
    ("resident_lane_smuggled_share_route_<route>", "b8de8188"):
        "走私货物携带者占通道全部通关人次的比例：即走私者利用了多少边民互市通道。",
    ("risk_alert_receipts_<commodity>_<era>", "3fdc0c10"):
        "设有时间线时，在其某一时期（<era>）各口岸收到的、针对某一商品特征（任何原产地和企业类别）"
        "的风险布控预警次数：一条预警到达几个口岸就计几次，按观测期内的收到时间计。用于看境外疫情"
        "涉及货物的第一批预警何时到达；alert_raised_share 则说明所有预警合起来提高了多少决定。",
    ("risk_auc", "94c5f477"):
        "风险布控的评分区分违规货物与守法货物的能力：其决定所用评分的 ROC 曲线下面积（0.5 为随"
        "机，1 为完美），按隐藏的真实情况在观测期到港报关单上测量：即某一违规报关单的评分高于同一"
        "口岸和方向（各有其阈值）某一守法报关单评分的概率，每类违规货物都与守法货物相比，评分相差"
        "在 0.01 个单位以内的平局计一半。它不是情景的 risk.auc，后者是申报属性同一单元格内的区分"
        "度：先验（商品、原产地、类别）和预警的提高会改变它（只有指向风险更高的货物时才会提高它："
        "对大多数报关单生效的预警，即 alert_raised_share 接近 1，几乎同等地移动每个评分，可能降低"
        "它），risk.learning 随着标签的积累提高它。海关无法测量它（只有被查验的货物才有标签）；模"
        "型可以。没有违规或没有守法报关单被作出决定时为 NaN。",
    ("risk_auc_<type>", "a9c3bb8d"):
        "某一类违规货物与守法货物相比的 risk_auc（从未被作出决定的类型为 NaN）。",
    ("smuggling_attempts", "da26f2ac"):
        "观测期内走私团伙实施走私（选择了一条路线，在口岸或口岸外）的走私机会数。",
    ("smuggling_attempts_<type>", "ba7b3439"): "夹带该类违规货物的走私企图数。",
    ("smuggling_attempts_<type>_route_<route>", "ab69315a"):
        "经该路线夹带该类违规货物的走私企图数（只计该类型的团伙）：即巡查或口岸检查把该类型的货物"
        "推向何处，与 smuggling_attempts_route_<route> 合并计入的其他团伙的货物分开。",
    ("smuggling_route_share_<type>_route_<route>", "87fa2967"):
        "夹带该类违规货物的走私企图中经该路线的比例（只计该类型的团伙；每次重复运行自身的比例，"
        "其置信区间是该比例的区间，而不是均值之比）。",
    ("smuggling_caught_<type>_route_<route>", "780678ff"):
        "经该路线夹带该类违规货物、并在该路线被查获的走私企图数（由该路线的巡查，或口岸路线上由"
        "口岸的检查查获；只计该类型的团伙）。",
    ("smuggling_caught_share_<type>_route_<route>", "9537172d"):
        "该类违规货物在该路线上的查获比例：该路线上被查获的企图数除以被查获或漏查的企图数（未"
        "定者不计；只计该类型的团伙）。",
    ("smuggling_attempts_route_<route>", "0cb8bb87"): "经该路线的走私企图数。",
    ("smuggling_caught_at_ports", "135700ac"): "口岸路线上在口岸被查获（由其检查）的走私企图数。",
    ("smuggling_caught_route_<route>", "4147feb5"):
        "经该路线被查获（由其巡查，或口岸路线上由口岸的检查）的走私企图数。",
    ("smuggling_caught_share", "4eb7c882"):
        "被查获（巡查和口岸）的走私企图占被查获或得逞的走私企图的比例；结果未明的不计入。",
    ("smuggling_caught_share_<type>", "27bbaaa6"):
        "夹带该类违规货物的走私企图中被查获（巡查和口岸）的，占被查获或得逞的比例；结果未明的不计"
        "入。",
    ("smuggling_caught_share_route_<route>", "1481e5fa"):
        "该路线的查获率：其被查获的走私企图占被查获或得逞的比例（结果未明的不计入）；即其巡查或口"
        "岸对走私者的成效。",
    ("smuggling_deterred_share", "ad188f2e"): "观测期内被震慑放弃的走私机会占全部走私机会的比例。",
    ("smuggling_deterred_share_<type>", "e464097d"):
        "观测期内夹带该类违规货物的团伙被震慑放弃的走私机会占其全部走私机会的比例。",
    ("smuggling_interdicted", "1395c53d"): "口岸外路线上被巡查截获的走私企图数。",
    ("smuggling_interdicted_<type>", "adc206d8"):
        "夹带该类违规货物、在口岸外路线上被巡查截获的走私企图数（只计该类型的团伙）：即巡查截住了多少该"
        "类货物，与 smuggling_interdicted 中合并的其他团伙分开。",
    ("smuggling_opportunities", "1694e1dc"):
        "观测期内走私团伙的走私机会数（按企图的时间），无论是否实施走私。",
    ("smuggling_slipped", "50eba575"): "得逞（经任何路线）的走私企图数。",
    ("smuggling_unresolved", "ec847120"): "运行结束时结果尚不可知的走私企图数。",
    ("smuggling_value_caught", "e06ebc42"): "被查获的走私企图的货物真实价值，按观测期合计。",
    ("smuggling_value_slipped_<type>", "8a4c4198"):
        "夹带该类违规货物且得逞的走私企图的真实价值，经任何路线，口岸内外（只计团伙的货物：口岸中"
        "该类型的其他违规货物计入 value_slipped），按观测期合计。",
    ("smuggling_value_slipped_at_ports", "304cf3f0"):
        "团伙经口岸运入并被放行的货物的真实价值：已是 value_slipped 的一部分（除非之后被稽查查"
        "出），绝不能再与其相加。",
    ("detection_rate_all_routes", "10cb6219"):
        "全部路线的查出率：口岸放行前查出的违规报关单 + 口岸外巡查截获的走私企图，除以口岸结果已"
        "知的违规报关单 + 口岸外被查获或得逞的走私企图。团伙经口岸运入的货物是该口岸的一份报关单，"
        "只计一次。detection_rate 仅为其中口岸的部分。",
    ("detection_rate_value_all_routes", "09e59b8e"):
        "同 detection_rate_all_routes，但按货物的真实价值计（口岸的 detection_rate_value 加上口岸"
        "外路线被查获和得逞的货值）。",
    ("detection_rate_outside_ports", "a73cf314"):
        "口岸外路线上被巡查截获的走私企图占该处被查获或得逞的走私企图的比例（结果未明的不计入）："
        "仅口岸外路线的部分。",
    ("detection_rate_value_outside_ports", "5e08a10b"):
        "同 detection_rate_outside_ports，但按货物的真实价值计。",
    ("smuggling_value_slipped_outside", "f392dbef"):
        "经口岸外路线得逞的真实价值（巡查漏掉的）；漏放合计，即此项 + value_slipped，为 "
        "value_slipped_total。",
    ("spoiled_share_commodity_<commodity>_port_<port>_<direction>", "749c54f2"):
        "某一易腐商品（设有 commodities.<commodity>.spoils_after）在该口岸和方向：自到港至离开口"
        "岸（进口为提货后离开，出口为装载）的时间超过 spoils_after（恰好等于的不算）的集装箱比例"
        "（没有集装箱的报关单计为一个单位：一份航空运单、一辆卡车、一份包裹清单），统计观测期到港"
        "货物中运行结束前已完成全部流程的以及仍在流程中的：仍在流程中的，一旦运行结束时间晚于其到"
        "港时间加该时限，即计为超过保质时限；在流程中时间短于时限的无法判断，不计入。被查扣、退运"
        "和扣留的货物不计入。口岸的货流在任一时期运载的每个易腐商品各有一项；没有可统计的集装箱时"
        "为 NaN（见 docs/air-cargo.md）。",
    ("throttle_engaged_share", "910fbca2"):
        "限流对某一口岸查验队列的读数（每次刷新阈值时读一次，含预热期）中高于 "
        "risk.throttle.queue、因而调低目标比例的比例。所读的队列是在查验场等待查验台位、移箱设备"
        "或查验组的货物（不含只等待检疫关员或预约时段的）。每次重复运行都为 0 时：限流从未启动，"
        "该运行即等于没有限流的运行，运行会给出提示。",
    ("throttle_queue_peak", "9c898750"):
        "限流读到的最长查验队列（见 throttle_engaged_share），可与 risk.throttle.queue 对照。",
    ("utilisation_<port>_<lane>", "911c43bf"):
        f"观测期内 <port>_<lane>{_LANE}的忙碌时间占服务台在岗时间的比例；没有在岗人员或不限容量的"
        "作业环节没有此项。在岗时间把超过班次结束仍在忙的服务台（在加班中完成的作业）计为在岗，因"
        "此资源表的 capacity_mean 包含加班，利用率至多为 1。实验室（lab）：在有样品等待的观测期批"
        "次截止时，其批次空间被填满的比例（1：每个批次都满，样品留待之后的批次）。在查验场中台位"
        "按报关单占用，而不是按集装箱：其集装箱在该台位上逐个查验，查验和移箱随集装箱数增加，因此"
        "多一个台位就是同时多容纳一份报关单。",
    ("utilisation_<port>_<lane>_<era>", "d7661a55"):
        "设有时间线时，其某一时期在观测期内的部分（<era>：按其小时，而不是按该时期到港的货物）的 "
        "utilisation_<port>_<lane>：旺季的负荷，观测期的数字会把它与较清闲的几周平均掉。只对有在"
        "岗人员的作业环节。",
    ("wait_h_mean_<port>_<lane>_<era>", "53a77f54"):
        "设有时间线时，在其某一时期内申请该作业环节的观测期到港货物作业的 "
        "wait_h_mean_<port>_<lane>（<era>：按申请的小时，而不是按其货物的到港）。只对有在岗人员的"
        "作业环节。",
    ("wait_h_mean_<port>_<lane>", "5796c4ae"):
        f"观测期到港货物的作业在 <port>_<lane>{_LANE}接受服务前的平均等待时间（实验室：自样品送检"
        f"至其批次开始；预约时段 exam_slots：等待有空位的时段）。{YARD}不属于任何作业环节的等待"
        "（查验的预约提前量、其能得到的第一个时段以及企业的到场）不计入任何作业环节的等待：它们计"
        "入节点区间表的 exam_yard 环节（查验场的等待和移箱，及其按责任方、口岸和方向划分的小"
        "时）、通关时间、责任方的小时（owner_share_<owner>；日志的 own_* 列）以及日志中前一个节点"
        "与 exam_start 之间。",
    ("wait_h_p90_<port>_<lane>", "6a471f93"):
        f"观测期到港货物的作业在 <port>_<lane>{_LANE}接受服务前等待时间的第 90 百分位。",
    ("waited_share_<port>_<lane>", "de23d53f"):
        "观测期到港货物在 <port>_<lane>（有服务台的作业环节：不含实验室、预约时段和组织的单位）的"
        "作业中，接受服务前等待时间大于 0 的比例，分母为 wait_h_mean_<port>_<lane> 所平均的作业："
        "即等待概率，M/M/c 排队的爱尔朗 C 公式（「Erlang C」）给出其理论值（教学情景的两名关员为 "
        "1/3）。查验场中同时等待台位和移箱设备的作业在两处都计为等待。不限容量的作业环节为 0；观测"
        "期到港货物没有在该环节的作业时为 NaN。",
    ("arrivals_per_hour_<port>_<lane>", "5f1293dc"):
        "观测期内每小时向 <port>_<lane>（有服务台的作业环节：不含实验室、预约时段和组织的单位）"
        "提出的作业数，按提出的时间计（包括全部作业，不只是观测期到港货物的）：利特尔法则中的到达"
        "率，因此 queue_mean_<port>_<lane> 约等于 arrivals_per_hour_<port>_<lane> 乘以 "
        "wait_h_mean_<port>_<lane>，差别来自观测期开始或结束时正在等待的作业，以及观测期到港货物"
        "在观测期之后提出的作业。多数作业环节的作业为货物票数，查验台位和查验组为报关单，移箱设备"
        "为移箱次数。不限容量的作业环节没有此项。",
    ("in_service_mean_<port>_<lane>", "882dbe7b"):
        "观测期内 <port>_<lane>（有服务台的作业环节：不含实验室、预约时段和组织的单位）正在接受服务"
        "的作业的时间加权平均数：服务台忙碌时间除以观测期小时数，即 utilisation_<port>_<lane> 乘以"
        "平均在岗服务台数。由服务台上的利特尔法则，它等于到达率乘以平均服务时间，L_s = λE[S]"
        "（M/M/c 排队的提供负荷 a = λ/μ：教学情景为 1）；与 queue_mean_<port>_<lane> 相加即"
        "为该环节的平均作业数。作业的含义同 arrivals_per_hour_<port>_<lane>；查验台位在其集装箱等待"
        "查验组时也计为忙碌。不限容量的作业环节没有此项。",
}
