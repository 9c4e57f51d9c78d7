"""The notes and warnings of ``run`` and ``compare`` in Chinese, one entry per code of
:data:`sim.warning_codes.CODES`: a console line is translated from its record (its code,
fields and figures), never by matching its English words, so rewording a message cannot
silently change its Chinese. Each entry is the sentence, then clauses added (after ；) only
when the record has every figure they name. Terms are those of :mod:`sim.report.zh_glossary`.
"""

from __future__ import annotations

from sim.report.zh_reforms import UNTRANSLATED

#: ``aeo_payback_unclaimed``'s saving, by the words its English names it with: a
#: certification's (the certified traders') or a lapse's (the one the status keeps)
SAVING_OF = {"certified traders' saving": "获得认证的企业每票报关单节省金额",
             "saving the status keeps": "保持认证为企业保住的每票报关单节省金额"}
#: code -> (sentence, optional clauses...); ``{port}``, ``{lane}`` and the figures' names
#: are the record's (``{lane}`` in words where the glossary has the lane)
WARNINGS: dict[str, tuple[str, ...]] = {
    "lane_overload": ("{port}：{lane}利用率 {utilisation_pct}%（高于 {threshold_pct}%），"
                      "排队可能无法稳定，其等待时间不是稳态：请在该处增加能力，或把其等待时间"
                      "视为下限",
                      "按 85% 负荷计，约需 {servers_needed} 个在岗人员或窗口，"
                      "而非 {servers_now} 个",
                      "即 {capacity_field} = {servers_needed}；请比较该方案，看其对通关时间的"
                      "影响"),
    "staff_overload": ("组织单位 {unit}：其{role}人员利用率 {utilisation_pct}%（高于 "
                       "{threshold_pct}%），其排队可能无法稳定，经其传递的请示上报时延、扣留和"
                       "预警因此不是稳态：请在该处增加{role}人员，或把这些数据视为下限",),
    "wait_rising": ("{port}：{lane}的平均等待时间在观测各周持续上升（各周均值 "
                    "{weekly_mean_wait_h} 小时），排队在运行结束时仍未稳定",
                    "请延长运行（--days {days_suggested}），看其是否稳定或持续增长（后者需增加"
                    "能力）",
                    "其在第 {closed_from_d} 天至第 {closed_to_d} 天的关闭期间上升",
                    "到最后一个观测周仍未回到关闭前的水平（{last_week_h} 小时，关闭前 "
                    "{before_closure_h} 小时）"),
    "closure_backlog": ("{port}：{lane}的平均等待时间在关闭期间上升（各周均值 "
                        "{weekly_mean_wait_h} 小时），到最后一个观测周已回到关闭前的水平：关闭"
                        "留下的积压已消化，并非持续增长的排队；各项数据含此积压（bordersim hours "
                        "--day 可逐日查看）",
                        "关闭时段为运行开始后第 {closed_from_d} 天至第 {closed_to_d} 天",
                        "最后一个观测周 {last_week_h} 小时，关闭前 {before_closure_h} 小时"),
    "unfinished": ("{port}：运行结束后 {drain_days} 天，仍有超过 {threshold_pct}% 的观测批次货物"
                   "未放行：这些货物被删失，未计入通关时间，数据因此偏低；请在其等待处增加能力，或以更长的"
                   "收尾期运行，看其能否完成", "共 {censored}/{cohort} 票，占 {share_pct}%",
                   "其中占比最大的一批货物最远只到“{milestone}”",
                   "运行结束时有 {waiting} 票在{queue_lane}等待"),
    "not_out": ("{port}：运行结束后 {drain_days} 天，仍有超过 {threshold_pct}% 的观测批次货物已放行"
                "但未提离/装载：其到放行的通关时间已计入，整体通关时间却未计入，因此偏低；请延长收尾期"
                "（drain_days）", "共 {not_out}/{cohort} 票，占 {share_pct}%"),
    "risk_target_missed": ("风险布控对一般货物的查验率未达到目标", "口岸 {port}，{direction}货物",
                           "目标 {target}",
                           "实际 {rate}（{decisions} 次判定）",
                           "偏差超出抽样噪声所能解释的范围（±{tolerance}）",
                           "阈值是最近 {window} 个一般货物风险分值的分位数，多于此处判定的次数，"
                           "因此始终无法稳定：请在此业务量下尝试更短的 risk.window",
                           "{alerts:.0}预警使风险分值高于阈值，直至阈值适应：参见 "
                           "risk.alert.boost 和 risk.alert.window",
                           "{thresholds:.0}请查看 rep-NNNN-risk-thresholds.csv 中阈值的变化"),
    "smuggling_never_arrived": ("{port}：经路线 {route} 的 {loads} 批走私货物本应自运行开始后第 "
                                "{due_from_d} 天起到达，但口岸直到运行结束后仍不接收车辆：这些货物"
                                "从未到达，既未被查获也未漏过；走私表把它们记为已选择且结果未知，"
                                "计在观测期之后的一天（不属观测期）。请让关闭在运行内结束，或把走私"
                                "企图视为被截断",),
    "smugglers_unsettled": ("走私团伙 {group} 在观测开始时尚未稳定：其起始信念仍在改变其选择，"
                            "因此其在观测期内的走私企图、威慑和转移效应部分反映的是起点，而非"
                            "稳定后的状态；请延长预热期",
                            "观测期内起始信念对其选择的影响仍超过其机会的 {settle_points} 个"
                            "百分点",
                            "本次 {warmup_days} 天预热期后，起始信念平均仍占 {start_weight_pct}% "
                            "的权重",
                            "约 {warmup_days_suggested} 天的预热期即可：--set "
                            "warmup_days={warmup_days_suggested}",
                            "按本次重复运行的速率，即使 {longest_days} 天的预热期也不够"),
    "resident_lane_overload": ("路线 '{route}' 的边民互市通道：边民带来的工作量为每周 "
                               "{work_officer_h_per_week} 关员·小时，开放时段在岗关员每周仅能提供 "
                               "{officer_h_per_week}，排队全程增长，其等待时间取决于运行时长：请在其巡查排班中增加"
                               "关员，或减少边民人数、缩短服务或检查时间",),
    "resident_lane_backlog": ("路线 '{route}' 的边民互市通道：观测期最后一天到达的边民平均等待 "
                              "{wait_h_mean} 小时（边民和受雇承运人在其关员处排队）：排队全程"
                              "增长，其等待时间取决于运行时长；请增加关员，或核查更大的限额"
                              "（每批货所需的受雇承运人更少）",),
    "approach_rising": ("{port}：引道上等待的货车在观测各天持续增加（前半段平均 "
                        "{earlier_trucks} 辆，后半段 {later_trucks} 辆；平均等待 {wait_h_mean} "
                        "小时），引道排队在运行结束时仍未稳定，其等待时间不是稳态：口岸同时容纳"
                        "的货车过少，跟不上其通道的处理速度；请提高 {inside_field}（现为 "
                        "{inside}），或增加其通道的能力",),
    "bonded_stock_rising": ("{port}：保税区库存在观测各天持续增加（观测期中点 {middle_stock} 票，"
                            "结束时 {end_stock} 票；后半段进区 {entered} 票、出区 "
                            "{called_off} 票），卡口出区的货物少于进区的货物，库存未稳定，其数据"
                            "不是稳态；请提高卡口的到达率或出口量，或降低入境口岸的转关比例",),
    "approach_left_waiting": ("{port}：观测期内到达引道的 {observed_trucks} 辆货车中，有 "
                              "{left_trucks} 辆（{share_pct}%，超过 {threshold_pct}%）在运行"
                              "结束时（观测期结束后 {drain_days} 天）仍在引道上等待：它们不计"
                              "入任何按车统计的数据（通关时间、费用、引道等待时间、"
                              "`bordersim trucks` 命令的周转时间），这些数据因此漏掉了最长的"
                              "等待；请提高 {inside_field}（现为 {inside}），增加其通道的能力，"
                              "或延长收尾期（drain_days）",
                              "其至运行结束已平均等待 {wait_so_far_h} 小时"),
    "credit_floor_missed": ("选择表对失信企业报关单的查验率为 {discredited_pct}%，低于我国"
                            "信用管理规则 {floor_pct}% 的下限（2019 年：84.76%）：选择表不执行"
                            "信用规则；请提高其失信企业查验率（selection.<check>.<commodity>."
                            "discredited），或改由风险布控引擎决定（[risk] enabled = true），"
                            "引擎执行该下限",),
    "credit_cap_exceeded": ("选择表对 AEO 高级认证企业的查验率为 {rate_pct}%，为一般信用企业"
                            "（{ordinary_pct}%）的 {share_of_ordinary_pct}%，高于我国信用管理规则 "
                            "{cap_pct}% 的上限（2019 年 AEO 高级认证企业：0.57%）：选择表不执行信用"
                            "规则；请降低其 aeo_advanced 查验率，或改由风险布控引擎决定",),
    "credit_floor_missed_direction": (
        "选择表对失信企业{direction}报关单的查验率为 {discredited_pct}%，低于我国信用管理规则 "
        "{floor_pct}% 的下限（2019 年：84.76%），该规则不分进出口、适用于每一份报关单：选择表"
        "不执行信用规则；请提高{direction}货物所用布控表的失信企业查验率",),
    "credit_cap_exceeded_direction": (
        "选择表对 AEO 高级认证企业{direction}报关单的查验率为 {rate_pct}%，为一般信用企业"
        "{direction}报关单（{ordinary_pct}%）的 {share_of_ordinary_pct}%，高于我国信用管理规则 "
        "{cap_pct}% 的上限（2019 年 AEO 高级认证企业：0.57%），该规则不分进出口、适用于每一份"
        "报关单：选择表不执行信用规则；请降低{direction}货物所用布控表的 aeo_advanced 查验率",),
    "org_local_knowledge_unused": (
        "organisation.advantages.local_knowledge_auc（{bonus}）只通过风险布控引擎起作用，而情景 "
        "'{scenario}' {why}：由选择表决定查验，因此各组织结构在属地知识带来的查获能力上没有差别"
        "（报告 org_local_knowledge_auc_bonus，但不起作用）",
        "如需使其起作用，请给引擎设定目标查验率，如 {sets}（若给出 risk.window，是因为该情景报关单"
        "最少的流向在运行期内填不满默认窗口）",
        "如需使其起作用，请启用引擎（{enable}）"),
    "org_alerts_unused": (
        "海关组织的预警会传递到各口岸（alert_reach、alert_propagation_h_mean），但只有风险布控引擎"
        "会根据预警调整布控，而情景 '{scenario}' {why}：预警在此不改变任何布控，因此组织结构的预警"
        "覆盖面和传递速度对货物和查获均无影响",),
    "setting_replaces_rival": ("{setting} = {value} 取代了 {rival}（如需保留其形态，请改为设定 "
                               "{rival}）", "{rival} 原为逐时值曲线，共 {hours} 个逐时值，介于 "
                               "{low} 至 {high}",
                               "{rival} 原为每周离港时刻表，共 {departures} 个离港时刻，自一周"
                               "第 {first_hour} 小时至第 {last_hour} 小时",
                               "{rival} 原为 {dist} 分布（{params}）",
                               "{rival} 原为列表（{listed}），共 {entries} 项",
                               "{rival} 原为 {old}"),
    "reform_uncosted": ("运行未计入 {reforms} 的运行成本（未给出 cost_per_year：改革本身的成本计入"
                        "效益成本分析，而不计入运行；运行的成本数据只计入模型所改变的人员和设备）",
                        "bordersim appraise 对 {known} 采用改革库的默认运行成本（bordersim "
                        "reforms 改革名可按情景给出其金额）",
                        "{unknown} 的运行成本未知（改革库中没有其所需信息系统、软件许可或培训的"
                        "成本数字）：如需成本收益分析，请给出 cost_per_year，或在之后用 "
                        "bordersim appraise --running OPTION=AMOUNT 给出每年运行成本"),
    "aeo_payback_unclaimed": ("{port} {direction}：{saving_of}的置信区间"
                              "包含 0：不能据此认定认证可以收回成本（请增加重复次数或天数）",
                              "每票节省 {saving} {currency}，区间 [{saving_low}, "
                              "{saving_high}]"),
    "capacity_unpriced": ("{setting}：情景 {scenario} 的 costs.staff 未列出{lane}，"
                          "其能力没有价格（其人员不计为海关等部门的人员）：成本数据不含这一"
                          "改动的成本；请在 costs.staff 中为其定价",),
    "audit_share_unpriced": ("enforcement.audit.share：稽查的成本按其人数计（情景 {scenario} "
                             "的 enforcement.audit.staff 为 {auditors} 人），此改动未改变人数，"
                             "成本数据因此按原成本给出改变后的稽查比例；请同时设定 "
                             "enforcement.audit.staff",),
    "strength_as_default": ("改革 {reform} 的强度 {given} 在此情景中与强度 {same_as} 得到的方案"
                            "相同（情景原有的取值已不低于它，或情景中没有它作用的部分）：方案按"
                            " {same_as} 运行，不是按 {given}",),
    "option_identical": ("其各项数据在每次重复运行中都与基准方案完全相同：其改变的内容在这些运行中"
                         "未作用于任何货物，因此恰为 0 的差值并不是对其效果的估计",
                         # (a change of the sampling plan: how few infested goods were sampled)
                         # ({infested}: of the commodity named, {plan_commodity} its key)
                         "抽样方案已改变，但{infested}中只有 {sampled_pct}% 被抽样送检"
                         "（pest_sampled_share_{plan_commodity}）：请提高检疫查验的布控比例"
                         "（selection.quarantine.{plan_commodity}）或其抽样比例"
                         "（ports.<口岸>.quarantine.sample_share）才能看出其效果",
                         # (what shows it where the note is read: flags, or the page's controls)
                         "它可能只作用于少见的货物：{more}"),
    "option_unchanged": ("该方案在情景 '{scenario}' 中不改变任何内容：{why}；其各项数据就是基准方案"
                         "的数据，并非测得的“无效果”",
                         "{reused:.0}其各次重复运行沿用基准方案的结果，未再次运行"),
    "option_no_effect": ("该方案在情景 '{scenario}' 中不可能产生效果：{why}；其各项数据与基准方案"
                         "相同，并非测得的“无效果”",),
    # ({same:.0} and {other:.0} print nothing: each clause is said only when its words matched)
    "resumed_elsewhere": ("续算 {folder}，其已有结果生成于另一环境：{changed}",
                          "{same:.0}提交相同，每次重复的数据完全由其随机种子和代码决定，"
                          "故新增的重复与已保存的一致",
                          "{other:.0}代码构建相同（由其他代码生成的文件夹会被拒绝续算），"
                          "但请确认上述差异不会改变任何数据"),
    "set_no_effect": ("--set 的修改不可能产生效果：{why}", "{every}"),
    "section_created": ("{given} 新建了情景中原本没有的 [{section}] 部分，其余字段取默认值"
                        "（bordersim check 可查看）", "{what}"),
    "dated_reform_unchanged": ("timeline.{entry}：按日期生效的改革 '{reform}'（{at}）在其生效日"
                               "不改变任何内容：届时已经生效", "{slower}"),
    "dated_reform_no_effect": ("timeline.{entry}：按日期生效的改革 '{reform}'（{at}）自其生效日起"
                               "不可能产生效果：{why}",),
    "sweep_no_effect": ("扫描的取值不可能产生效果：{why}；各点数据与 {key} 无关（曲线平坦是"
                        "构造所致，并非测得的响应）",),
    "sweep_same_scenario": ("各扫描点载入后是同一个情景：{key} 的扫描取值在其中不改变任何内容；"
                            "各点数据是同一次运行的数据（曲线平坦是构造所致，并非测得的响应）",
                            "{fixed:.0}此为其他扫描参数固定时沿 {key} 的各点",
                            "此为 {fixed_at} 时沿 {key} 的各点"),
    "sweep_same_figures": ("各扫描点的数据在每次重复运行中都完全相同（精确到最后一位）：{key} 的"
                           "扫描取值所改变的内容在这些运行中未作用于任何货物，平坦的响应并非测得"
                           "的“无效果”（它可能作用于少见的货物：更多 --reps 或 --days 可以显示）",
                           "{fixed:.0}此为其他扫描参数固定时沿 {key} 的各点",
                           "此为 {fixed_at} 时沿 {key} 的各点"),
    "seizure_cost_patrols_only": ("此处的每次查扣成本（cost_per_seizure）只是口岸外缉私巡查的成本"
                                  "分摊到全部查扣上：情景只为口岸外巡查人员定价，未为任何口岸的"
                                  "人员或设备定价（没有 [costs.staff]、[costs.posts] 或设备成本），"
                                  "口岸的查扣在其中不计成本；应读作巡查的每次查扣成本，而非整个执法"
                                  "的，或为口岸各环节定价（参见默认情景的 [costs.staff]）",),
    "scenario_uncosted": ("情景中没有 [costs] 部分：不计量海关等部门和企业的通关成本，也不计量"
                          "海关组织的人员成本（其人员以人民币定价，没有 [costs] 就没有报告币种："
                          "“bordersim org”以人民币显示）；成本收益分析需要价格（参见默认情景的 "
                          "[costs]）",),
    # ({by_run:.0} and the like print nothing: each clause is said only when its words matched)
    "folder_file_rebuilt": ("续算时发现 {file} 已损坏（{why}）",
                            "{by_run:.0}已按本次运行重新写入",
                            "{by_comparison:.0}已按本次比较重新写入",
                            "{by_sweep:.0}已按本次扫描重新写入",
                            "{checked:.0}每个已完成的重复运行都按其校验和与身份与之核对，不符者"
                            "重新计算"),
    "folder_file_rewritten": ("续算时发现 {file} 与{what}不符（已被修改或损坏）：已据此重新写入",),
    "replication_recomputed": ("续算时发现 {file}：{why}；重新计算重复运行 {replication}",),
    "results_by_period": ("结果还按货物到达的时期分列：{eras}",
                          "{each_option:.0}各方案均如此，每个时期另给出与基准方案的配对差值",
                          "分列的指标为 {metrics}",
                          "{not_effect:.0}某一时期的数据并非该时期改革的效果（要看效果，请把该"
                          "改革与基准方案比较）"),
    "engine_cap_exceeded": ("观测期内，风险布控引擎对{trader_class}的查验率为 {rate_pct}%，为一般"
                            "信用企业（{ordinary_pct}%）的 {share_of_ordinary_pct}%，高于其执行的 "
                            "{cap_pct}% 上限（risk.caps.{trader_class_key}）：引擎按各口岸一般信用"
                            "企业当时的查验率（其近期决定，含预热期）执行上限，且每个口岸可预留两次"
                            "查验，故此类报关单较少的短时运行可能显示高于上限；运行越长，差距越小",),
    "alerts_crowded": ("风险布控引擎 {share_pct}% 的决定处于预警生效期间（alert_raised_share）："
                       "对大多数报关单加分，几乎同等地抬高所有分值，无法指向风险更高的货物，还可能"
                       "降低区分度（risk_auc）；更窄的预警特征（risk.alert.match_class = true，"
                       "risk.alert.scope = \"port\"）或更短的 risk.alert.window 可减少预警对象。"
                       "这是预警设置本身的结果，并非故障：某一预警特征的货物在 risk.alert.window "
                       "内平均被查获 n 次，则其处于预警生效期间的时间比例为 1 - e^(-n)，因此每周"
                       "数十次查获分布在几十个特征上，预警便几乎一直生效（见 "
                       "docs/risk-analyst.md）。"
                       "预警只在运行期间风险有变化时（走私团伙的货载、激增）才带来新的信息：稳定的"
                       "流行率已包含在先验中",),
    "static_selection_overload": ("{port}：查验场的排队未能稳定（{lanes}），而布控仍按静态布控表"
                                  "进行：不论查验排队多长，布控表都按其比例继续选中查验，此处海关"
                                  "在超负荷时不会少查。模拟排队长时少查的是风险引擎的节流"
                                  "（risk.throttle）；或请增加查验能力",),
    "window_outside_exam_hours": (
        "capacity_windows.{window} 在口岸 {port} 让 {servers} 个{lane}在查验场预约时段"
        "（{slot_hours}）以外的 {hours} 个小时在岗：{hours_of_day}；这些时段不开始任何查验，"
        "在岗人员只能完成此前已开始的查验或消化白天预约时段留下的积压",
        "高于排班的 {staff_hours} 人·小时按加班计费",
        "若只想在排班的在岗时段增加人员，请改用 capacity_windows.{window}.added = {added}"
        "（而非 capacity_windows.{window}.servers），或延长查验场开放时间"
        "（ports.{port}.exam.slots.day_start、day_end）"),
    "throttle_idle": ("{port} 的节流从未启动：其在每次刷新时读取的查验排队峰值为 {peak} 票（各次"
                      "重复运行的平均），从未超过其阈值（risk.throttle.queue）",
                      "阈值为 {threshold}",
                      "因此目标查验率一直保持，结果与不设节流的运行相同"),
    "schedule_no_warmup_calls": ("{port}：船期表在预热期内没有靠泊（第一次在第 {first_hour} "
                                 "小时，观测期从第 {warmup_hour} 小时开始）：该口岸的进口"
                                 "作业线在观测期开始时是空的，最初几天的通关因此比实际更快；"
                                 "请同时给出之前几周的靠泊（它们填满堆场，不计入统计）",),
    "schedule_idle_end": ("{port}：船期表在第 {last_hour} 小时之后没有靠泊，而观测期到第 "
                          "{stop_hour} 小时：该口岸有 {idle_days} 天观测不到进口货物到港；"
                          "请缩短 days，或给出这些天的靠泊",),
    "pattern_idle_observed": ("{port}：船期模式中没有哪个班期的靠泊能落在观测期内（第 "
                              "{start_hour} 至 {stop_hour} 小时，预热期第一天为周一 00:00）："
                              "该口岸观测不到进口货物到港；请延长 days，或在观测期内增加班期",),
    "pattern_share_off": ("{port}：船期模式平均带来该口岸进口的 {expected_share}（每天 "
                          "{pattern_per_day} 份报关单，共 {imports_per_day} 份），而非所写的 "
                          "calls.share {written_share}（相差超过 {tolerance_pct}%）：该口岸的"
                          "进口与其 rate 和 batch.size 所示的每天 {said_per_day} 份不同；要带来"
                          "所写的份额，请使每班平均约 {boxes_needed} 箱，或写明其实际带来的份额",),
    "unnamed_child": ("{child} 继承情景 {parent}，但没有设置 name：其名称与上级情景相同，为 "
                      "'{name}'，其运行的结果文件夹（results/{name}-<日期>-<时间>）和报告也以此"
                      "命名；请为它设置自己的 name = \"...\"",),
    "empty_run": ("观测期内没有货物到港：没有可测量的数据，其时间、比例和比率为空白（计数为 "
                  "0），而不是数据；请检查其到港率，或延长运行（--days）",
                  "其 {ran} 次重复运行中有 {empty} 次如此", "{all_reps:.0}每次重复运行均如此"),
    "reform_outside_run": ("按日期生效的改革 '{reform}' 不在观测期内生效",
                           "它在观测期开始时或之前已生效：观测期内到达的货物都受其影响，没有"
                           "生效前的时期可作对比；请把其生效日定在第 {after_day} 天之后，以对比"
                           "其前后",
                           "它在观测运行结束时或之后（预热期 {warmup_days} 天 + 观测 "
                           "{observed_days} 天）才生效，观测期内到达的货物都不受其影响（届时仍在"
                           "流程中的观测货物只是与其改变的后到货物共用作业线）",
                           "请观测超过 {days_needed} 天（--days）以看到其效果"),
    "period_outside_run": ("periods_at 中自第 {day} 天起的时期在运行结束后才开始，观测期内到达的"
                           "货物都不在其中，不予报告",
                           "运行含预热期 {warmup_days} 天、观测 {observed_days} 天",
                           "请观测超过 {days_needed} 天（--days）以看到该时期"),
    "dated_window_outside_run": ("按日期的到港系数时段 {window}（{first} 至 {last}）与本次"
                                 "运行的到港日（{run_first} 至 {run_last}，含预热期）没有一天"
                                 "重合，不改变任何到港；请检查其年份或 start_date",),
    # ({none_within:.0} prints nothing: the clause is said only when no date falls within)
    "office_dates_outside_run": ("organisation.office_hours.{dates} 所列 {listed} 个日期中有 "
                                 "{outside} 个（{first} 至 {last}）不在本次运行的到港日（"
                                 "{run_first} 至 {run_last}，含预热期）之内，请检查其年份或 "
                                 "start_date",
                                 "{none_within:.0}没有一个落在到港日内，因此不改变任何到港日的"
                                 "办公时间",
                                 "其中 {before} 个早于运行开始日，不起任何作用"),
    "warmup_too_short": ("预热期 {warmup_days} 天，短于建议的 {weeks_suggested} 周"
                         "（{days_suggested} 天）：最初几周的数据可能带有空系统起步的影响；"
                         "请 --set warmup_days={days_suggested}",
                         "建议值依据 {pilot_days} 天试运行每日 {output} 的 MSER-{batch}，种子 "
                         "{seed}",
                         "取 {pilots} 个已保存试运行中最长者",
                         "{at_limit:.0}试运行中未找到稳态：请延长试运行"),
    "pilot_no_steady_state": ("试运行中未找到稳态：MSER 截断点（{truncation_days} 天）已是 "
                              "{pilot_days} 天试运行中可取的最长值（批次数的一半），因此建议的"
                              "预热期只是下限；请延长试运行（--days）",),
    "pilot_queue_sparse": ("排队每 {sample_h} 小时采样一次：{pilot_days} 天试运行中只有 "
                           "{sampled_days} 天有采样值，其间各天沿用上一个采样值，MSER 实际"
                           "读到的数值少于其计数；请把 queue_sample 设为一天或更短"
                           "（--set queue_sample='1 h'），或改用 --output clearance",),
    "precision_not_reached": ("--precision {precision} 在 {replications} 次重复运行内未达到",
                              "已达 --max-reps {max_reps}"),
    "precision_met": ("--precision {precision} 在 {replications} 次重复运行内达到",),
    "run_too_short": ("{days} 个观测日只含 {weeks} 个整周，不足以判断排队是否持续增长，"
                      "仅检查了是否超负荷", "该检查需要 {weeks_needed} 个整周",
                      "请观测 --days {days_needed} 天或更长，再把这些数据视为稳态",
                      "本情景预热 {warmup_days} 天之后，需观测 {observed_days_needed} 天或更长，"
                      "这些数据才能视为稳态"),
    "part_of_week": ("{days} 个观测日，不足一周：到港按周规律变化，这些数据不代表任何完整的"
                     "一周；请观测 7 天或以上（整周）",),
    "one_replication": ("只有一次重复运行：没有置信区间，也无法判断显著性（其数据只是一次随机"
                        "抽样，差异无法与偶然区分）；请给出 --reps 2 或更多",),
    "few_replications": ("只有 {replications} 次重复运行，置信区间本身并不可靠",
                         "自由度为 {degrees_of_freedom} 的 t 区间两侧各延伸 {t_multiplier} "
                         "个标准误（重复运行很多时为 1.96），且只有在各次重复运行的数值近似正态时"
                         "才有 95% 的把握包含真实均值，而这么少的重复运行无法显示这一点",
                         "请使用 --reps {reps_needed} 或更多"),
    "warmup_not_whole_weeks": ("warmup_days = {warmup_days}，不是整周数：观测开始时的星期几或"
                               "时刻与运行开始（周一 00:00）不同，若观测天数也不是整周，某些"
                               "星期几的权重会更大；建议使用整周",),
    "near_saturation": ("{metric_zh}在各次重复运行中的平均利用率为 {utilisation_pct}%："
                        "接近饱和时排队稳定得慢、各次差异大，其置信区间可能不成立；请用更长的预热期和运行期检验"
                        "（bordersim warmup），或增加能力",),
    "cost_unshared": ("观测期内没有完成任何货物的口岸，其固定成本（在岗人员、岗位、设备）每年 "
                      "{cost_per_year}（占 agency_cost_per_year 的 {share_pct}%）：计入 "
                      "agency_cost_per_year，但不计入任何每票成本，因此每票成本 × 货物票数比年度"
                      "成本少这么多；请观测更多天（--days），使每个口岸都有完成的货物",),
    "transit_desk_era_behind": ("每次运行有 {consignments} 票转关货物（transit_desk_era_behind）"
                                "按排队后实际申报时间计算，在时间线中某项带日期的规则生效之后才"
                                "审单，却仍适用生效前的规则：货物适用哪一时期的规则按其抵达时间"
                                "（不计转关窗口的等待）确定，因为这些规则决定其转关运输段的抽取；"
                                "若要规则作用于这些货物，可将其生效日期提前约一个窗口等待时间"
                                "（wait_h_mean_<port>_transit_desk），或增加转关窗口关员",),
    "metric_unmeasured": ("按名称要求显示（--show）的 {metric} 在任何重复运行中均未测得，"
                          "其数值缺失（summary.json 中为 null）",),
    "seizures_not_success": ("本方案的每 1000 份报关单查扣数与基准方案不同（配对差值 "
                             "{seizures_per_1000_diff}），查扣多少本身不是得失",
                             "{fixed_flow:.0}本情景中违规货物的到达率不随海关的做法而变（无走私"
                             "团伙），模型无法体现威慑，也无法体现转移（一个口岸收紧不会使违规货物转向其他口岸）："
                             "查扣更多只是查出了更多同样的货物；请以漏查"
                             "违规货值（value_slipped、harm_slipped）和守法企业的负担"
                             "（burden_share_goods、burden_clearance_h_goods）评判",
                             "{adaptive:.0}本情景中的走私团伙按预期损失选择路线：查扣减少可能是"
                             "因为走私尝试少了（attempts_deterred），增加可能是因为他们转向口岸；"
                             "请以全部漏查违规货值（value_slipped_total）和守法企业的负担"
                             "（burden_share_goods、burden_clearance_h_goods）评判"),
    "seizure_cost_added": ("本方案的查扣总数（口岸的与口岸外缉私巡查的合计）比基准方案每次重复运行"
                           "变化 {seizures_diff}（观测 {observed_days} 天，配对）",
                           "95% 置信区间 {seizures_diff_low} 至 {seizures_diff_high}",
                           "其中口岸查扣、扣留或退运的货物 {at_ports_diff}，口岸外缉私巡查截获的"
                           "走私企图（smuggling_interdicted）{interdicted_diff}",
                           "各政府部门在这些天的成本变化 {cost_diff}",
                           "每多查扣一次的成本为 {cost_per_seizure_added}（95% 置信区间 "
                           "{cost_per_seizure_added_low} 至 {cost_per_seizure_added_high}，"
                           "按菲勒法计算），即这项行动每次查扣的代价；cost_per_seizure 则是把"
                           "全部成本摊到每次查扣上",
                           "按均值之比，每多查扣一次的成本为 {cost_per_seizure_added_mean}，但查扣"
                           "数的变化在 {reps} 次重复运行的噪声之内，该比值没有有界的置信区间：引用"
                           "前请增加重复运行",
                           "{no_ratio:.0}成本与查扣数反向变化，不计算每多查扣一次的成本"),
    "metric_unpaired": ("{metrics} 个指标在本方案中测得、而在基准方案的任何重复运行中均未测得"
                        "（如 {metric}），没有配对差值", "另有 {more} 个",
                        "{lane_figures:.0}它们是只有本方案才有的作业线（新的班组、场所、仓库）"
                        "的排队数据：请直接读其水平值，基准方案中没有可与之配对的数据",
                        "若本方案只是开启了它们的计数（{counting}），请把该设置给每个方案"
                        "（--set）以便比较"),
    "prcc_too_few_points": ("拉丁超立方扫描只有 {points} 个点、{parameters} 个参数，"
                            "不足以对参数排序（PRCC）",),
    "prcc_noise": ("仿真噪声使拉丁超立方扫描的 PRCC 变得模糊",
                   "{one_rep:.0}每个点只有一次重复运行，无法测得各点均值中的仿真噪声，它把"
                   "每个 PRCC 拉向 0：请运行 --reps 2 或更多",
                   "{spread:.0}仿真噪声占各点均值离散程度的很大部分，把这些 PRCC 拉向 0："
                   "请增加 --reps 或 --days（增加扫描点数不能减少噪声）",
                   "噪声所占份额：{noisy}"),
    "sobol_uncertain": ("Sobol 指数不确定，或仿真噪声对其影响大于区间所示",
                        "最宽的 95% 置信区间半宽为 {widest}，而指数介于 0 与 1 之间：请增大 "
                        "--sobol N（当前 {n}；每加倍一次，区间约缩窄为原来的 1/sqrt(2)），并增加 "
                        "--reps 或 --days，以减少区间未计入的仿真噪声",
                        "{one_rep:.0}每个点只有一次重复运行，Sobol 区间不含仿真噪声：各点共用"
                        "同一组随机数，指数可能错得很肯定（权重可能从一个参数移到另一个）；请运行 "
                        "--reps 2 或更多（届时报告指数在各次重复运行间的离散程度），并延长运行"
                        "（--days）：增大 --sobol N 不能减少这一偏差",
                        "{reps} 次重复运行的噪声半宽超过其自助法（bootstrap）区间：自助法只对"
                        "参数样本重抽样；请增加 --reps 或 --days（增大 --sobol N 不能减少噪声）"),
    "sobol_not_power_of_two": ("Sobol 样本的基本规模 N = {n} 不是 2 的幂：Saltelli 样本所依据的 "
                               "Sobol' 序列只有在 2 的幂时才均衡，指数收敛比 N 所示更慢；"
                               "请改用 --sobol {lower} 或 {higher}",),
    # a message no code knows yet: its English, said to be untranslated
    "other_warning": (UNTRANSLATED + "{english}",),
    "illicit_redrawn": ("该方案改变了哪些货物属于违规货物（每次重复运行的观测批次中，违规报关单"
                        "变化 {change_pct}%，相差 {illicit_change} 票，基准方案为 "
                        "{baseline_illicit} 票）：其查出率、查获和漏查货值以及查扣数比较的是与"
                        "基准方案不同的违规货物，而不只是同一批货物查得好坏。真实情况由通关货物的"
                        "企业类别、商品类别、来源地和违规率抽取，改变这些的方案会重新抽取真实"
                        "情况（有走私团伙时，方案使其转入或转出某口岸的货物以及被震慑的货物也会"
                        "改变：见 smuggling_attempts_route_*）；请对照 illicit_declarations 阅读",),
    "engine_switched": ("该方案启用了风险布控引擎，而基准方案由选择表决定查验：其差异混合了引擎"
                        "自身的布控（查验率、选中的货物）与改变本身；若只看改变本身，请在两者中都"
                        "启用引擎进行比较（--set risk.enabled=true）",),
    # ({no_transfer:.0} and {same_heads:.0} print nothing: each clause is said only when its
    # words matched)
    "structure_assumptions": ("哪种组织结构决策更快、它对通关时间有何影响，取决于情景所陈述的"
                              "假设，而不只取决于结构本身：organisation.advantages（{advantages}）",
                              "organisation.transfer_to：{transfer}（上报到该层级的请求先等待"
                              "这么久）",
                              "{no_transfer:.0}organisation.transfer_to 未设置：上报的请求不经"
                              "等待",
                              "可用 --set 尝试其他取值（如 --set 'organisation.transfer_to={{}}'）",
                              "{same_heads:.0}各种结构配置的人员相同（organisation.generate."
                              "staff），因此结构本身在构造上不改变人员成本",
                              "观测期的每一天都处于磨合期（organisation.advantages."
                              "transition_days = {transition_days}，即 dumbbell 改革的 "
                              "running_in_days，自运行开始起算）：其数据反映的是过渡期，而非该"
                              "结构的长期效果；如需长期效果，请观测到第 {past_day} 天之后"
                              "（--days {days_suggested} 或更多）",
                              "其 {observed_days} 个观测日中的前 {running_in_days} 天处于磨合期"
                              "（transition_days 自运行开始起算，在预热期之后）：其数据混合了"
                              "过渡期与该结构的长期效果",
                              "观测期的每一天都处于磨合期，自第一个观测日起算（organisation."
                              "advantages.transition_days = {reform_running_in_days}）：其数据"
                              "反映的是过渡期，而非该结构的长期效果；如需长期效果，请观测超过 "
                              "{reform_days_needed} 天（--days）",
                              "其 {reform_observed_days} 个观测日中的前 "
                              "{reform_running_in_first} 天处于磨合期，自第一个观测日（即改革"
                              "开始之日）起算：其数据混合了过渡期与该结构的长期效果"),
    "generated_dumbbell": ("自动生成的 dumbbell（哑铃型）结构保持人员总数不变，把由国家层级决策"
                           "的每项任务的决策人员放在国家级中心（海关总署及其中心直达各现场；各"
                           "直属海关只保留协调职能，见 docs/DESIGN.md）；一线的查验人员即各口岸的"
                           "作业环节，在各种结构中相同。如需一线的决策人员，请自行给出各单位"
                           "（[organisation.units]）；如需改把中间层人员派到各口岸的作业环节，"
                           "请比较带 front_line 强度的 dumbbell 改革"
                           "（--reforms dumbbell:front_line=0.3）",),
    "type_unfound": (
        "enforcement.prevalence.{kind_key}（{prevalence}）使部分报关单带有{kind}，但没有任何查验"
        "能发现它：enforcement.detection 的 document、exam、quarantine、laboratory 表均未给"
        " {kind_key} 大于 0 的查获概率，稽查（enforcement.audit.finds）亦然，而表中未列的类型"
        "一概查不出；因此 detection_rate_{kind_key} 为 0，全部漏放。如这并非本意，请为能发现它"
        "的查验给出概率（如 --set enforcement.detection.exam.{kind_key}=0.9）",),
    "other_note": (UNTRANSLATED + "{english}",),
}
