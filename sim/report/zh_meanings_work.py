"""What the work and wait families mean in Chinese (containers over a time target, exports'
departures, directives and escalations, the exam yard's output, vehicles idling, inspection
rates by class, period and container), for :mod:`sim.report.zh_meanings`, which merges them
into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

from sim.report.zh_meanings_phrases import OUT, QUANTILE

_EXAM = ("统计观测期到港货物中运行结束前已完成的人工查验（海关的，单独或与检疫联合；在查验台位或"
         "在企业场所），每次计入其报关单的全部集装箱：被查验报关单的每个集装箱都要移箱和查验"
         "（enforcement.detection.boxes_opened 降低的是查验的查出，而不是其用时）。每个设有查验场"
         "（[ports.<port>.exam]）的口岸各有一项。")
_IDLE = ("统计范围为观测期到港货物中已完成全部流程的各票（已放行，并已提离或已装载；查扣、退运及"
         "未完成的不计入），在 [idling.ports.<port>] 列出的口岸，按其 directions 中的每个方向；求"
         "和后除以观测天数（days）：即每日的数值。")
_HELD = ("下线查验：已开始人工查验或检疫查验（单独或两者兼有；机检及其图像由人工智能或关员判读，"
         "不算下线查验）。每个邮件及快件口岸按每个方向各有一项；该口岸没有该方向的包裹时为 NaN"
         "（docs/parcel-hub.md）。")

#: what the yard's figures leave out (metric_glossary_yard.NOT_IN_YARD)
_NOT_IN_YARD = ("仅计报关单的集装箱：空箱和中转箱占用堆场箱位和岸边作业，但从不经海关，不在模型内，"
                "因此堆场的各项指标都不含它们（规划堆场时须另加码头自己的空箱和中转箱数）。")
#: (stem, digest of its English meaning) -> its meaning in Chinese
_DWELL = ("统计运行结束前已离开流程的观测期到港货物（已放行，且已出闸或已装船；查获、退运及仍"
          "在扣留的不计，同 overall_clearance），按其集装箱数加权：进口自卸船（集装箱落地）至经"
          "闸口出场，出口自抵达码头（卡车进闸）至所装船舶离港（集装箱在截关时间与离港之间装船，"
          "故此为可能停留的最长时间）。每个海运口岸给出进口，有出口的口岸也给出出口。"
          + _NOT_IN_YARD)
_YARD_LEVEL = ("集装箱在场时段同 yard_dwell_h_mean_port_<port>_<direction> 的计法（进口自卸船至"
               "出闸，出口自进闸至所配船舶离港），运行结束时仍在流程中的计至结束；计入所有货物，包括"
               "观测期前到港、观测期内仍在场的（停留时间只计观测期到港货物，预热期较短时两者不一致）；"
               "查获、退运及扣留的货物不计。在观测期内按分钟网格计数。每个海运口岸给出进口，有出口的"
               "口岸也给出出口。" + _NOT_IN_YARD)
_LEVEL = ("集装箱自可以进入查验场时起（查验前各节点中最晚者：卸船、报关单的审核、图像判读等）至"
          "最后一次查验后运回时止（节点“inspected”），或至运行结束，均计为在查验场内；在企业场所查验的"
          "不计。统计运行结束前已开始人工查验或检疫查验的观测期到港货物，计其报关单的全部集装箱"
          "（运行结束时仍在等待首次查验的、观测期前到港货物的集装箱不计），按分钟网格计。无查验"
          "时为 0。每个设有查验场（[ports.<port>.exam]）的口岸各有一项。" + _NOT_IN_YARD)

MEANINGS: dict[tuple[str, str], str] = {
    ("delay_share_over_<target>_commodity_<commodity>_port_<port>_<direction>", "ce8299cf"):
        "某一商品类别在该口岸和方向的集装箱的 delay_share_over_<target>_port_<port>_<direction>"
        "（计法相同）：在某一口岸为冻品投保的成本与为普通货物投保的不同。口岸的货流（进口或出口）"
        "在任一时期运载的每个商品类别各有一项，使每次重复运行的名称都相同；没有可统计的集装箱时为"
        " NaN。",
    ("delay_share_over_<target>_port_<port>_<direction>", "ec4ad319"):
        "通关（自到港至海关放行）用时超过时限（<target>，情景的 within_hours：--set "
        "'within_hours=[48,72,168]' 给出 48 小时、72 小时和 7 天；恰好等于时限的算在时限内）的集"
        "装箱比例，按集装箱加权（没有集装箱的报关单计为一个单位：一辆卡车、一份运单、一份包裹清"
        "单），统计范围为观测期到港货物中运行结束前已被海关放行的各票以及当时仍被扣住的各票：仍被"
        "扣住的集装箱，一旦运行结束时间晚于其到港时间加时限，即计为超过该时限（扣住时间短于时限的"
        "——当时限长于 drain_days 时——无法判断，不计入）。被查扣、退运和扣留的货物不计入（这是执法"
        "结果，不是保单承保的延误）。它不是 1 - released_within_<target>：后者按报关单计，且不计"
        "仍被扣住的货物。这是货物延误保险人据以定价的尾部，带有跨重复运行的区间，在 compare 中还"
        "有配对差值（改革如何移动尾部，而不只是均值）。每个有货物通行的口岸和方向各有一项（没有出"
        "口的口岸没有 _export）；没有可统计的集装箱时为 NaN。",
    ("departure_h_mean_export", "b1fdaeae"):
        "自出口货物到港至其离境的平均小时数：即其装载所赶的船舶或航班（loaded 之后加上其截关的提"
        "前量：口岸的 exports.loading.cutoff，直接装载用户为 exports.loading.direct.time），或在"
        f"陆路口岸其卡车的出境，{OUT}。整体通关时间止于装载，与中国的出口指标相同，因此看不到较晚"
        "的截关让集装箱更早离开（直接装载）：此时间可以看到。",
    ("departure_h_mean_port_<port>_export", "e1f6fddd"):
        "某一口岸出口货物的 departure_h_mean_export。",
    ("departure_h_p90_export", "beb14cf4"):
        f"departure_h_mean_export 所平均的时间的第 90 百分位（{QUANTILE}）。",
    ("directive_propagation_h_mean", "07d6ae7a"):
        "自指令发布（在观测期内）至各口岸收到的平均小时数。",
    ("directive_propagation_h_p90", "03b9c532"):
        "指令传达时间的第 90 百分位（计法同 directive_propagation_h_mean）。",
    ("document_check_rate", "98e990d6"):
        "观测期到港报关单中经过单证审核的比例：审核已开始的（同 inspection_rate，运行结束时仍在系"
        "统中的货物正在排队等候或预约在结束后开始的审核不计入；日志的 channel 列出预约的检查；"
        "_port_<port>：某一口岸的报关单）。",
    ("document_check_rate_<class>", "785df695"):
        "某一信用类别企业报关单的 document_check_rate，合并所有口岸（_port_<port>：该类别在某一口"
        "岸；_import、_export：该类别在某一方向）：即报关人的该信用类别客户的单证被审核的频率，可"
        "与货物的 inspection_rate_<class> 对照。将货物转人工查验的单证审核计入此处，查验开始后也"
        "计入后者。",
    ("escalation_latency_h_mean", "1768c293"):
        "自请示上报至批复回到口岸的平均小时数，统计观测期内上报且已批复的请示。",
    ("escalation_latency_h_mean_<escalation>", "b7fd761f"):
        "某一类型的请示、或某一类型在某一层级批复的请示的请示批复时间均值（运行中出现时才给出）。",
    ("escalation_latency_h_p90", "c2f0ffa6"):
        "请示批复时间的第 90 百分位（计法同 escalation_latency_h_mean），统计观测期内上报且已批复"
        "的请示。",
    ("escalation_latency_h_p90_<escalation>", "518a6856"):
        "某一类型、或某一类型和批复层级的请示批复时间的第 90 百分位。",
    ("escalations_decided", "c9cc63b6"): "观测期内上报的请示中，运行结束前已批复的数量。",
    ("escalations_open", "c5e70d67"):
        "观测期内上报的请示中，运行结束时尚未批复的数量（上报数 = 已批复 + 未批复）。",
    ("escalations_raised", "8ce49b6e"): "观测期内上报的请示数。",
    ("yard_dwell_h_mean_port_<port>_<direction>", "c723b5d7"):
        "集装箱在码头堆场停留的平均小时数，按箱而非按报关单计（一份五箱的报关单计五次），并自"
        f"集装箱卸船落地起算，而非自船舶抵港起算（整体通关时间 overall_clearance_h_mean 自抵港起"
        f"算）：码头规划堆场所用的停留时间。没有可计的集装箱时为 NaN。{_DWELL}",
    ("yard_dwell_h_p90_port_<port>_<direction>", "3792ed63"):
        "十箱中有九箱在码头堆场停留不超过的小时数（按箱计的第 90 百分位，计法同 "
        "yard_dwell_h_mean_port_<port>_<direction>）：均值掩盖的、堵塞堆场的长时间停留。取自"
        f"按集装箱数加权的对数直方图，误差在 1% 以内。没有可计的集装箱时为 NaN。{_DWELL}",
    ("exam_yard_boxes_max_port_<port>", "85a656ff"):
        "观测期内查验场最繁忙时的集装箱数：同时在该口岸查验台位或等待台位的集装箱最多时的箱数"
        f"（作业环节的排队和 hours --peak 按报关单计；查验场按箱规划台位）。{_LEVEL}",
    ("exam_yard_boxes_p95_port_<port>", "c87571b2"):
        "查验场在观测期 95% 的时间内不超过的在场集装箱数（在该口岸查验台位或等待台位；按时间"
        "加权：连同其下各水平累计占 95% 分钟数的最小水平）：应规划台位的繁忙水平，不含偶发"
        f"峰值（见 exam_yard_boxes_max_port_<port>）。{_LEVEL}",
    ("yard_dwell_h_to_release_port_<port>_<direction>", "a179d8d7"):
        "yard_dwell_h_mean_port_<port>_<direction> 中海关放行前的部分，按箱计：集装箱在堆场等待"
        "通关的小时数（海关、检疫及贸易商自身手续；放行前时间的责任方拆分见 "
        "owner_hours_to_release_<owner>_port_<port>_<direction>，按报关单、自船舶抵港起算）；货物"
        "在集装箱落地前已放行的为 0。与 yard_dwell_h_after_release_port_<port>_<direction> 相加"
        f"即为均值：海关作业的改革只能缩短这一部分。没有可计的集装箱时为 NaN。{_DWELL}",
    ("yard_dwell_h_to_release_<owner>_port_<port>_<direction>", "ebba6219"):
        "yard_dwell_h_to_release_port_<port>_<direction> 中该责任方所占的部分，按箱计：集装箱在"
        "海关放行前于堆场等待的小时数中由该责任方占用的部分（贸易商自身的时间，如迟延申报或缴税；"
        "海关的排队和查验；检疫的查验、实验室检测和出证；码头往返查验场的移箱）。货物放行时间研究"
        "中放行前的各环节截取集装箱在场的时段，各计入其责任方；查验场的等待和移箱按其各责任方的"
        "小时数分摊（等待处置而留场的退运集装箱：其退运前的小时数按其全流程各责任方的小时数分摊）。"
        "各责任方相加即为 yard_dwell_h_to_release_port_<port>_<direction>。没有可计的集装箱时为 "
        f"NaN。{_DWELL}",
    ("yard_dwell_h_after_release_port_<port>_<direction>", "5d362333"):
        "yard_dwell_h_mean_port_<port>_<direction> 中海关放行后的部分，按箱计：进口为等待收货人"
        "提货和出闸（ports.<port>.release.pickup，常为假设），出口为等待承运人的船期（所配船舶"
        "的截关和离港，exports.loading）：不由海关占用的堆场。没有可计的集装箱时为 NaN。"
        f"{_DWELL}",
    ("yard_boxes_mean_port_<port>_<direction>", "ca280ec1"):
        "码头堆场上同时在场的集装箱数，按观测小时平均，依利特尔法则计：集装箱在场小时数（计法同 "
        "yard_dwell_h_mean_port_<port>_<direction>）求和后除以观测小时数，为稳态均值（货流形成的"
        f"堆场占用；空箱、中转箱等其他原因在场的集装箱不在模型内）。{_DWELL}",
    ("yard_boxes_max_port_<port>_<direction>", "6466bc14"):
        "观测期内码头堆场最繁忙时的集装箱数：同时在场的最多箱数（yard_boxes_mean_port_<port>_"
        f"<direction> 为均值，堆场按繁忙日规划）。{_YARD_LEVEL}",
    ("yard_boxes_p95_port_<port>_<direction>", "47f14d6b"):
        "码头堆场在观测期 95% 的时间内不超过的在场集装箱数（按时间加权：连同其下各水平累计占 95% "
        "分钟数的最小水平）：应规划的繁忙水平，不含偶发峰值（见 yard_boxes_max_port_<port>_"
        f"<direction>）。{_YARD_LEVEL}",
    ("yard_reefer_dwell_h_mean_port_<port>_<direction>", "8b5bbe7a"):
        "yard_dwell_h_mean_port_<port>_<direction> 仅计以冷藏箱运输的商品"
        "（costs.commodities.<commodity>.reefer）的集装箱：冷藏箱在码头堆场插电停留的时间（含"
        f"实验室扣留）。{_DWELL}",
    ("yard_reefer_boxes_mean_port_<port>_<direction>", "04658997"):
        "yard_boxes_mean_port_<port>_<direction> 仅计以冷藏箱运输的商品"
        "（costs.commodities.<commodity>.reefer）的集装箱：货流平均同时占用的冷藏插座数。"
        f"{_DWELL}",
    ("exam_moves_per_day_port_<port>", "ed59bc22"):
        "码头每日为查验所做的集装箱移箱次数，按观测天数计：每个集装箱运至查验台位再运回计两次，"
        "无论是人工查验、检疫查验还是两者联合（一次进场）；分别查验（2018 年前："
        "inspection.mode = \"separate\"）时两个部门都查验的集装箱进场两次，计四次。在贸易商"
        "场所的查验不移箱。统计观测期到港货物中运行结束前已从查验场运回的查验，计"
        "其报关单的全部集装箱。移箱作业环节自身的指标（arrivals_per_hour_<port>_movers）把一份"
        "报关单的一次移箱计为一项作业。每个有查验场（[ports.<port>.exam]）的口岸给出。",
    ("exam_moves_per_box_port_<port>", "b2087566"):
        "exam_moves_per_day_port_<port> 的移箱次数除以该口岸观测期到港货物的全部集装箱（进口和"
        "出口，无论是否查验、结果如何）：查验为每个经手集装箱增加的移箱次数（0.1：每百箱多移箱"
        f"十次）。每个有查验场（[ports.<port>.exam]）的口岸给出。{_NOT_IN_YARD}按码头全部吞吐量"
        "（含空箱和中转箱）计，每个经手集装箱的移箱次数更低。",
    ("exam_boxes_per_day_port_<port>", "b8fc2b10"):
        f"该口岸每日人工查验的集装箱数，按观测天数计。{_EXAM}",
    ("exam_boxes_per_team_hour_port_<port>", "6792507d"):
        "查验组每在岗一小时查验的集装箱数（exam_teams 作业环节的 capacity_mean 乘以观测小时数，含"
        "加班），空闲小时也计入：乘以一个查验组每日的在岗小时数，即一个查验组每日查验的集装箱数"
        "（默认情景海运口岸的查验组在岗时间为 08:00-18:00，10 小时）。没有 exam_teams 作业环节"
        f"（交叉培训的关员队伍不是查验组）、查验组不限数量或没有查验时为 NaN。{_EXAM}",
    ("exam_h_per_box_port_<port>", "90301875"):
        "每个被查验集装箱的查验本身平均小时数（自 exam_start 至 exam_end，对各次查验求和，再除以"
        "其集装箱数）：不含移箱，不含等待；exam.duration 按集装箱抽取，因此此值约为其均值（联合查"
        f"验取海关和检疫用时中较长者）。{_EXAM}",
    ("exports_cutoffs_missed_mean_<port>", "55d0d139"):
        "每票已装载出口货物平均错过的离港班次数（计法同 exports_missed_cutoff_share_<port>）：赶"
        "上其能赶上的第一个离港班次的集装箱为 0，晚一个班次离开的为 1，依此类推。",
    ("exports_missed_cutoff_containers_per_day_<port>", "7ec38487"):
        "上述出口货物（计法同 exports_missed_cutoff_containers_share_<port>）中搭乘比其能赶上的第"
        "一个班次更晚的班次离开的集装箱数，按观测日计：码头每日须改配到较晚船舶或航班的集装箱数。",
    ("exports_missed_cutoff_containers_share_<port>", "7081cc4f"):
        "按集装箱计的 exports_missed_cutoff_share_<port>，即码头的计法：运行结束前已装载的出口货"
        "物的集装箱（每票按其集装箱数计）中，搭乘比其能赶上的第一个班次更晚的班次离开的比例。大"
        "票与小票错过截关的比例不同时，此值与按票计的比例不同。",
    ("exports_missed_cutoff_share_<port>", "de109c61"):
        "在有离港班次（船舶、航班：exports.loading.departures）的口岸，观测期到港出口货物中运行结"
        "束前已装载的，搭乘比其能赶上的第一个班次更晚的班次离开的比例：能赶上的第一个班次，即其截"
        "关（对该集装箱而言：普通截关，或直接装载用户较晚的截关）不早于其到港的第一个班次。出口货"
        "物延迟后出境的口岸没有此项。",
    ("idling_co2_kg_per_day_port_<port>_<direction>", "627d1020"):
        "等待时怠速排放的二氧化碳千克数：idling_fuel_l_per_day_port_<port>_<direction> 乘以 "
        "co2_kg_per_l（从油箱到排气：不计燃料的生产）。",
    ("idling_fuel_l_per_day_port_<port>_<direction>", "467752f8"):
        "等待时怠速燃烧的燃油升数：idling_vehicle_hours_per_day_port_<port>_<direction> 乘以发动"
        "机开启的小时比例（engine_on），再乘以每小时怠速耗油量（fuel_l_per_h）。",
    ("idling_h_per_vehicle_port_<port>_<direction>", "a0c7e72b"):
        "每辆车的平均等待小时数：idling_vehicle_hours_per_day_port_<port>_<direction> 除以 "
        "idling_vehicles_per_day_port_<port>_<direction>（没有车辆完成时为 NaN）。",
    ("idling_stretch_hours_<stretch>_port_<port>_<direction>", "6314032c"):
        "每日在某一环节（某一作业环节的排队、其检查、企业申报……）所耗的车时：该环节的小时数乘以车"
        f"辆数，{_IDLE}口岸统计的每个环节各有一项，没有车辆经过时为 0。",
    ("idling_vehicle_hours_per_day_port_<port>_<direction>", "7299ce95"):
        "在口岸等待所耗的车时：每票货物的车辆数乘以其所计各环节的小时数（stretches："
        "milestone-intervals.csv 中货物放行时间研究的各环节，all 为自到港至流程结束，to_release "
        f"为至放行），{_IDLE}即各 idling_stretch_hours_<stretch>_port_<port>_<direction> 之和。",
    ("idling_vehicles_per_day_port_<port>_<direction>", "48c371a9"):
        "与货物一同等待的车辆数：每个集装箱一辆（per = \"container\"，默认；陆路口岸的一辆卡车即"
        f"一个）或每票货物一辆（per = \"consignment\"），{_IDLE}",
    ("inspection_rate_<class>", "a2e02687"):
        "该类别在观测期到港报关单中被机检、人工查验或检疫查验的比例（无论如何选中：由布控表或风险"
        "布控选中，或由单证审核的警报转来），合并所有口岸（包括邮件或快件监管中心，其几乎逐件机检"
        "的包裹会主导它大量经手的类别；_port_<port>：该类别在某一口岸；_import、_export：该类别在"
        "某一方向；_port_<port>_<direction>：该类别在某一口岸的进口或出口）。",
    ("inspection_rate_<era>", "b72246a9"):
        "设有时间线时，在其某一时期（<era>，同 clearance_h_mean_<era>）到港货物的 "
        "inspection_rate。",
    ("inspection_rate_ordinary_port_<port>_<direction>", "d3b62634"):
        "风险布控对普通类别（有目标比例、无信用规则的类别）在该口岸和方向实际达到的查验率：它选中"
        "机检、人工查验或检疫查验的报关单占它作出决定的报关单的比例，统计观测期到港报关单，可与目"
        "标比例对照。之后由单证审核的警报引起的查验不是风险布控选中的，不计入此处；"
        "inspection_rate_<class> 计入所有查验，因此更高。",
    ("inspection_rate_per_container", "6d5addea"):
        "被查验报关单的集装箱占观测期到港全部集装箱的比例，合并所有口岸（邮件监管中心的包裹各计一"
        "箱且大多经过机检，会主导此值）；_port_<port>：只计某一口岸的集装箱（即某一码头自身的查验"
        "率）。",
    ("parcels_held_share_port_<port>_<direction>", "8eee459d"):
        "邮件及快件监管中心观测期到港包裹中被拦下开箱查验或接受检疫查验的比例：即快递企业须交验、"
        "须等待查验台位、查验组或关员的包裹。不同于 inspection_rate_port_<port>_<direction>，后者"
        f"计入监管中心几乎对每个包裹所做的过机扫描（中国对查验的定义）。{_HELD}",
    ("parcels_held_clearance_h_mean_port_<port>_<direction>", "6f69f540"):
        "邮件及快件监管中心下线查验的包裹中运行结束前已被海关放行者自到港至海关放行的小时数均值（计法同"
        "clearance_h_mean，只计下线查验的包裹）：即下线查验使一个包裹多花的时间，可与监管中心全部包裹的均值"
        f"（clearance_h_mean_port_<port>_<direction>）对照。{_HELD}",
}
