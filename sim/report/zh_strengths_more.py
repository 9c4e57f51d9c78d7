"""The strengths and sources of the reforms :mod:`sim.report.zh_strengths` does not hold
itself, in Simplified Chinese, keyed and digest-checked as there (``reform.param`` or
``param``; ``reform:index``); that module merges these tables into its own. Field paths,
figures, titles of papers, addresses and file names stay as written."""

from __future__ import annotations

#: ``reform.param`` or ``param`` -> (digest of its English description, its Chinese)
MORE_STRENGTHS: dict[str, tuple[str, str]] = {
    "separate_inspection.second_h": ("ff136dd6", "办理二次申报的平均小时数"),
    "separate_inspection.form_h": ("9d80cbb7", "签发检验检疫通关单的平均小时数"),
    "reduce_certificates.removed": ("f85acad6", "被取消的单证比例"),
    "reduce_certificates.certificate_time": ("d4a30117", "申报准备时间中用于办理证件的比例"),
    "smart_image_review.share": ("a7a2a31c", "先由人工智能判读的图像比例（不会调低）"),
    "smart_image_review.clear": ("871d0b45", "人工智能判读的图像中直接放行的比例（不会调低）"),
    "smart_image_review.auc": ("7ca5134b", "人工智能图像判读的 AUC"),
    "remote_image_review.centre": ("1b29fb03", "该中心的名称"),
    "big_data_targeting.auc": ("42aea7bc", "各违规类型风险评分的 AUC（不会调低）"),
    "double_random.random_share": ("259f9c56", "查验目标中以随机抽取完成的比例"),
    "aeo_mutual_recognition.shift": ("3e62cc85", "“一般信用企业”报关单中其企业获得认证的比例"),
    "aeo_mutual_recognition.into": ("98fbdb28",
        "其加入的类别：aeo_advanced（高级认证）或 aeo_general（一般认证）"),
    "aeo_partner_recognition.share": ("f5f665b6",
        "一般信用企业进口报关单中境外发货人为获互认的伙伴方 AEO 企业的比例"),
    "aeo_lapse.shift": ("d91a7416", "“高级认证企业”报关单中其企业失去认证的比例"),
    "aeo_lapse.into": ("3fa3f8a5",
        "其加入的类别：general（失去认证）或 aeo_general（由高级认证降为一般认证）"),
    "credit_downgrade.shift": ("2f2485e5", "“一般信用企业”报关单中其企业被降为失信企业的比例"),
    "origin_pre_inspection.uptake": ("1324c6e5",
        "经批准的出口商的检疫类货物中在原产地实施检验的比例"),
    "origin_pre_inspection.finds": ("3a2e0d70", "原产地检验拦下的有害生物和冻品的比例"),
    "origin_pre_inspection.border_checks": ("3421781e",
        "在原产地检验过的货物在边境的检疫布控所乘的系数"),
    "flexible_staffing.slowdown": ("8aa5655b", "人员池中查验作业时间所乘的系数"),
    "training.speedup": ("b8a57e85",
        "关员作业时间缩短的比例（设有转关关员的口岸，转关手续也随之缩短；未设转关关员时，"
        "转关手续是整个手续的耗时而非关员作业时间，保持不变）"),
    "training.accuracy": ("e716ad58", "加到关员图像识别能力上的增量"),
    "smart_sharing.partners": ("065dcd9b", "伙伴原产地：列表（[\"asia\", \"europe\"]）或 \"all\""),
    "smart_sharing.uptake": ("19c83885", "共享数据所覆盖的伙伴原产地报关单比例"),
    "smart_sharing.auc_uplift": ("74790f24", "所覆盖报关单各违规类型 AUC 的增加值"),
    "smart_sharing.alerts_per_day": ("69057714", "每个伙伴原产地每天通报的伙伴方查扣数"),
    "smart_sharing.alert_delay_h": ("de9ae894", "从伙伴方查扣到本方收到预警的小时数"),
    "smart_sharing.certificates": ("814509b0", "所覆盖报关单的单证审核中以电子证书完成的比例"),
    "two_step_processing.uptake": ("d1ee65f0", "移至放行后的单证审核比例"),
    "release_before_test.uptake": ("0dd9e878", "AEO 企业被抽样货物中在检测结果出来前放行的比例"),
    "release_before_test.general_uptake": ("39104287", "一般信用企业被抽样货物中的该比例"),
    "risk_based_audit.auc": ("76aae554", "通关后风险评分的 AUC"),
    "dumbbell.running_in_loss": ("45a1e662", "磨合期内的效率损失（0：取情景的值）"),
    "dumbbell.running_in_days": ("88eb37eb", "磨合期天数（0：取情景的值）"),
    "dumbbell.running_in_shape": ("ee6926b6",
        "损失如何变化：\"constant\"（磨合期结束前损失不变）或 \"linear\"（到最后一天线性减为"
        "零：为假设）；\"scenario\"：取情景的值"),
    "dumbbell.running_in_from": ("ff5d98d1",
        "running_in_days 从何时起算：\"run\"（运行开始，含预热期）或 \"observation\"（第一个"
        "观测日，即改革开始之日）；\"scenario\"：取情景的值"),
    "dumbbell.uniform_standards": ("4c464583",
        "标准统一后请示上报比例所乘的系数（乘以 organisation.advantages.uniform_standards；1："
        "取情景的值）"),
    "dumbbell.front_line": ("5843b912",
        "情景的结构置于中间层（直属海关和隶属海关；各岗位向下取整）的人员中，离开海关组织、"
        "充实口岸一线而不进入全国中心的比例（文献所说的强化一线：为假设；0：每人都移至中心）；"
        "他们成为各口岸 front_line_lane 的窗口，按各口岸该通道的固定容量成比例分配"),
    "dumbbell.front_line_lane": ("1afca69f",
        "人员充实的一线通道：\"exam\"（查验组）、\"document_check\"（单证审核）、\"review\"（申报审核）"
        "或 \"quarantine\"（检疫人员）；固定容量的通道全天候值守，因此每增加一个窗口需 costs.staff "
        "规定的每窗口人数（未给出时为 1）× 8,760 小时 / costs.hours_per_year 人，凑不成整个"
        "窗口的人员留在组织中"),
    "management_cut": ("bd549302",
        "组织中管理人员的岗位随被撤销的层级一并撤销的比例（向下取整为整人；0：每人都调走，人员"
        "成本不变）。模型中管理人员只负责指示，因此这一节省不影响任何业务：是上限"),
    "merge_affiliated.groups": ("cb4b1413",
        "新海关的标识 -> 其合并的直属海关，例如 {south = [\"shenzhen\", \"huangpu\"]}"),
    "merge_field_departments.slowdown": ("b8ac9ed7", "关员学习期间查验作业时间所乘的系数"),
    "ecommerce_surge.extra": ("506db7f0", "新增到达量，以当前到达率的倍数计"),
    "ecommerce_surge.from_day": ("6dcd1ae1",
        "激增从运行的第几天开始，从预热期第一天起算（arrivals.extra_from；与 days 同为 0 时：整"
        "个运行期）"),
    "ecommerce_surge.days": ("2d7b756f", "激增持续的天数（arrivals.extra_for；0：直至到达停止）"),
    "epidemic.intensity": ("48dd4c77", "检疫布控概率所乘的系数"),
    "epidemic.sampling": ("4c04f6b9", "检疫查验中抽样送实验室检测的比例（至少）"),
    "epidemic.cold_chain": ("fbafaba9", "接受检测的商品类别"),
    "control_order.origins": ("d51f7206", '所列来源地：列表（["europe"]）或 "all"'),
    "control_order.commodities": ("233f32b4", '所列商品：列表（["frozen"]）或 "all"'),
    "control_order.checks": ("8a02376d",
        '指令要求的查验：列表（["physical", "quarantine"]）或 "all"'),
    "control_order.ports": ("07be3e08", '指令适用的口岸：列表或 "all"'),
    "control_order.direction": ("9a5a3ad7", "指令适用的货物进出口方向"),
    "control_order.sample": ("3a04df29",
        "指令要求的检疫查验中送实验室采样的比例（未给出：按口岸的 quarantine.sample_share；"
        "查验表本已选中的货物取两者中较大者）"),
    "outbreak.origins": ("1d044f05", '疫区来源地：列表（["europe"]）或 "all"'),
    "outbreak.kind": ("262deb0f", "疫情提高的违规类型"),
    "outbreak.factor": ("8cf82ead",
        "其货物中该类型发生率所乘的系数（若使某组的违规比例之和超过 1，则拒绝）"),
    "patrol_staff.factor": ("7bbbd507", "每小时当班巡查人员所乘的系数（1：维持现状；0：不巡查）"),
    "patrol_staff.routes": ("7b32a3d6",
        '要调整其巡查的口岸外路线：一个列表（["beilun_river"]）或 "all"'),
    "smuggling_pressure.factor": ("08970957",
        "各违规类型发生率所乘的系数（若使某组的违规比例之和超过 1，则拒绝）"),
    "cold_chain_mandate.commodity": ("1d909e8d", "所涉商品"),
    "cold_chain_mandate.teams": ("f303eb4e", "每个有检疫查验的口岸的采样消毒组数"),
    "cold_chain_mandate.disinfect_h": ("c0ff7ca7", "每组处理每个集装箱的小时数（采样拭子、消毒）"),
    "cold_chain_mandate.test_h": ("75858226", "从采样到核酸检测结果的小时数"),
    "cold_chain_mandate.places": ("22cb73fa", "每个口岸集中监管仓可同时存放的票数"),
    "cold_chain_mandate.release_h": ("53806759",
        "从阴性结果到货物出仓的小时数（证明、追溯记录、移运）"),
    "cold_chain_mandate.heads": ("78c4d899", "每组检疫关员人数（情景有成本时计价；0：不计价）"),
    "clearance_integration.share": ("d736496e",
        "在内地申报、在口岸放行的转关货物比例"),
    "fewer_returns.points": ("8768bf9a", "从退回比例中扣除的百分点（以比例表示）"),
    "electronic_certificates.coverage": ("e91bd2fb", "检疫查验货物中证书以电子方式送达的比例"),
    "electronic_payment.uptake": ("5eaed7a1", "进口企业税费缴纳中改为电子支付的比例"),
    "electronic_payment.time_cut": ("d75bc5e5", "以电子支付缴纳的一笔税费所节省的缴税等待时间比例"),
    "low_value_threshold.threshold": ("62151c7e",
        "进口包裹进入简化通道的申报价值上限，以情景的货币计"),
    "low_value_threshold.selection": ("2827bcad",
        "简化通道的单证审核、机检和人工查验布控率，占布控表布控率的比例"),
    "low_value_threshold.undervaluation_uplift": ("7f812a00",
        "申报价值略低于限值的包裹中低报价格的比例乘以此数（低报包裹的真实价值会高于限值）"),
    "expedited_shipments.express_share": ("5dacfcf5",
        "航空口岸报关单中适用快速通关程序的快件所占比例"),
    "expedited_shipments.doc_cut": ("1c088352",
        "快件凭最少单证所节省的报关单审核和单证审核时间比例"),
    "electronic_certificates.verify_share": ("4d6d6788",
        "现场检疫查验中用于核验纸质证书的时间比例"),
    "green_lane.commodities": ("1b352b9e",
        "覆盖的商品：列表（[\"frozen\"]）或 \"all\"（未给出：情景中的易腐商品，即设有 spoils_after "
        "或受冷链措施约束者；情景未标出时必须给出）"),
    "green_lane.ports": ("66dbf3a1",
        "设绿色通道的口岸：列表或 \"all\"（未给出：所有陆路口岸；情景无陆路口岸时为所有口岸）"),
    "exam_hours.extra_hours": ("f7bd217b", "查验场每天延长的作业小时数（预约时段和人员）"),
}  # fmt: skip

#: ``reform:index`` -> (digest of the English source, its Chinese)
MORE_SOURCES: dict[str, tuple[str, str]] = {
    "separate_inspection:0": ("e70a9466",
        "2018 年 4 月 20 日关检融合之前的做法（china-figures.md）"),
    "separate_inspection:1": ("c3e21732", "假设：second_h 和 form_h，即二次申报和通关单的平均用时"),
    "merged_inspection:0": ("fb0787c0",
        "“一次申报、一次查验、一次放行”：自 2018 年 4 月 20 日起检验检疫以海关名义运作（"
        "english.customs.gov.cn，published-figures.md「CIQ merger」一节）"),
    "cancel_clearance_form:0": ("7f84b9e3",
        "2018 年 6 月 1 日取消入/出境货物通关单（日期取自改革时间表；研究笔记中未找到该公告本身"
        "）"),
    "integrated_declaration:0": ("7d8437d8",
        "自 2018 年 8 月 1 日起实行报关报检合一的报关单（cosmetic.chemlinked.com，"
        "published-figures.md）"),
    "reduce_certificates:0": ("cb7a0e6a",
        "监管证件由 86 种（2017 年）减至 48 种（2018 年 11 月），再减至 41 种（2020 年）（"
        "scio.gov.cn，china-figures.md）"),
    "reduce_certificates:1": ("b06f355b",
        "假设：certificate_time，即申报准备中用于收集监管证件的时间比例"),
    "exam_without_trader:0": ("2f06b090", "设计中的改革清单（未找到公开数据）：假设"),
    "smart_image_review:0": ("726eaa12",
        "天津智能审图：每幅图像约 3 秒，一半以上的货物自动识别（published-figures.md §2.6）；理"
        "解为人工智能直接放行的图像比例：假设"),
    "smart_image_review:1": ("fb9118b2", "假设：auc（未找到图像判读的公开 AUC）"),
    "remote_image_review:0": ("90e40fb7",
        "假设：集中（“远程”）图像判读，为一种设计选项（published-figures.md §4 提到跨现场的人员"
        "统筹和远程图像判读；基础论文只笼统地谈到口岸作业的集中，未谈图像判读）"),
    "remote_image_review:1": ("528e5207", "假设：人数不变"),
    "big_data_targeting:0": ("c927c727", "基础论文：风险管理中的大数据"),
    "big_data_targeting:1": ("141c1b7f", "假设：auc"),
    "double_random:0": ("5dc92739",
        "自 2017 年起“双随机”抽取扩展至日常查验（mag.wcoomd.org，china-figures.md §3.5）"),
    "double_random:1": ("c8d79472", "假设：random_share"),
    "aeo_mutual_recognition:0": ("e4cef432", "与 43 个国家（地区）实现 AEO 互认（基础论文）"),
    "aeo_mutual_recognition:1": ("e160f007",
        "假设：shift（仅为本国企业的认证；伙伴方获互认的认证制度未建模）"),
    "aeo_mutual_recognition:2": ("a327b4e8",
        "假设：into，即新认证企业加入的类别（研究笔记未说明互认伙伴认可我国哪一级认证；海关总署"
        "互认安排的文本可以确定）；各类别的查验率有来源（2019 年高级认证企业 0.57%，"
        "published-figures.md §2.2）；bordersim tornado 两种都试"),
    "aeo_partner_recognition:0": ("766d8697",
        "与 43 个国家（地区）实现 AEO 互认（基础论文）；伙伴方 AEO 企业的货物享有进口国海关给予 "
        "AEO 的待遇（世界海关组织《全球贸易安全与便利标准框架》，互认）"),
    "aeo_partner_recognition:1": ("7a1367aa",
        "假设：share（未找到我国自伙伴方 AEO 企业进口的比例）及所给待遇为高级认证企业的待遇"
        "（海关总署互认安排的文本可以确定）"),
    "aeo_lapse:0": ("1d8b978b",
        "2019 年我国企业信用分类（海关总署令第 237 号）：高级认证企业报关单查验率 0.57%"
        "（english.www.gov.cn 2020-06-03，published-figures.md §2.2）；查验率取情景中的数值"),
    "aeo_lapse:1": ("7a9ca56c", "假设：shift（一家企业的认证失效折合为报关单的比例）"),
    "credit_downgrade:0": ("a7348bb5",
        "2019 年我国企业信用分类（海关总署令第 237 号）：失信企业报关单查验率 84.76%，高级认证"
        "企业 0.57%（english.www.gov.cn 2020-06-03，published-figures.md §2.2）；查验率取情景中的"
        "数值"),
    "credit_downgrade:1": ("b846c6fd", "假设：shift（一家企业的降级折合为报关单的比例）"),
    "electronic_certificates:0": ("0e909fc8",
        "基础论文：“智慧联通”中的“电子证书国际联网”与“电子证书合作”"),
    "electronic_certificates:1": ("df2a0cba", "假设：coverage 和 verify_share（未找到公开数据）"),
    "electronic_payment:0": ("d3522419",
        "世界贸易组织《贸易便利化协定》（WT/L/940）第 7.2 条：各成员应在可行的限度内采用程序，"
        "允许选择以电子方式支付海关对进口和出口征收的关税、国内税、规费及费用"),
    "electronic_payment:1": ("6e5c69ab",
        "假设：uptake 和 time_cut（未找到以电子方式缴纳税费的比例或所节省时间的公开数据）"),
    "low_value_threshold:0": ("a0aa0c7b",
        "《贸易便利化协定》（WT/L/940）第 7.8.2(e) 条：在可能的情况下，规定不征收关税和国内税的"
        "微量货物价值或应税金额"),
    "low_value_threshold:1": ("ef2826fa",
        "`threshold`：中国跨境电商零售进口单次交易限值 5000 元，自 2019 年 1 月 1 日起（财政部、"
        "海关总署、税务总局公告 2018 年第 49 号），按假设的 7.25 元兑 1 美元折合默认情景的 690 "
        "美元；欧盟 22 欧元的增值税豁免于 2021 年 7 月 1 日取消（理事会指令 (EU) 2017/2455），"
        "约合 24"),
    "low_value_threshold:2": ("79d00ce5",
        "假设：`selection`（简化通道按一半的比例查验；未找到公开比例）和 undervaluation_uplift（"
        "限值以下的低报价格翻倍；欧盟以该豁免被滥用为由取消豁免，未找到数据）"),
    "expedited_shipments:0": ("22c531e3",
        "世界贸易组织《贸易便利化协定》（WT/L/940）第 7.8.2 条：抵达前提交信息（(a) 项）、最少"
        "的单证（(c) 项）、抵达后尽快放行（(d) 项）；第 7.8.3 条保留查验和检查的权利"),
    "expedited_shipments:1": ("14fdad50", "假设：express_share 和 doc_cut（未找到公开数据）"),
    "origin_pre_inspection:0": ("a7277bde", "基础论文：检疫准入链条中的“原产地预检”"),
    "origin_pre_inspection:1": ("1eb56310",
        "假设：uptake、finds 和 border_checks（未找到公开数据）"),
    "flexible_staffing:0": ("43864176",
        "假设：slowdown，2018 年关检融合的交叉培训（无公开数据，与 merge_field_departments 相同；"
        "bordersim tornado 试 1 至 1.5）"),
    "training:0": ("94ed8351", "假设：speedup 和 accuracy"),
    "smart_sharing:0": ("4c857bec",
        "基础论文：“Smart Customs, Smart Borders, Smart Connectivity”（Smart Sharing）"),
    "smart_sharing:1": ("a2c4c74a",
        "中国：到 2020 年，41 种监管证件中有 38 种可网上申领（china-figures.md §3.4）"),
    "smart_sharing:2": ("eb8ded07",
        "假设：uptake、auc_uplift、alerts_per_day、alert_delay_h、certificates（未找到伙伴方数"
        "据对布控效果的公开数据）"),
    "two_step_processing:0": ("c9a5e0c1",
        "2017 年全国通关一体化：放行前进行安全准入风险检查，放行后进行税收复核（"
        "published-figures.md §2.7）"),
    "two_step_processing:1": ("fb120736", "假设：uptake"),
    "release_before_test:0": ("ccd7042b",
        "假设：低风险货物“先放后检”，为一种设计选项（基础论文未描述；未找到公开数据）"),
    "release_before_test:1": ("1f37fefc",
        "假设：各类别的 uptake（低风险：AEO 企业）、召回时间和售出时间（"
        "[after_release.release_before_test] 部分）"),
    "risk_based_audit:0": ("c637813b",
        "假设：按风险选取稽查对象，为一种设计选项（基础论文未描述）"),
    "risk_based_audit:1": ("df2b3079", "假设：auc（未找到稽查选取的公开 AUC）"),
    "dumbbell:0": ("cca1813d", "基础论文：哑铃型结构"),
    "dumbbell:1": ("eee8f62d",
        "基础论文：“实现执法的统一”（uniform_standards）和“总量控制……严禁超职数配备领导干部”（"
        "management_cut）"),
    "dumbbell:2": ("f8087e90",
        "假设：uniform_standards、management_cut、front_line、running_in_loss 和 running_in_days"
        "（未找到公开数据）"),
    "merge_affiliated:0": ("9539b43d", "基础论文：“在广东省保留 3-4 个直属海关在技术上是可行的”"),
    "merge_affiliated:1": ("b28c7fe5",
        "假设：默认分组，按 guangdong-four.toml 将广东的七个直属海关合并为四个（广州的两个海关"
        "合并；拱北与西部各海关合并）"),
    "merge_affiliated:2": ("371a7ae8",
        "假设：management_cut（被合并海关关领导的岗位；未找到公开数据）"),
    "merge_field_departments:0": ("2f0d7c69", "基础论文：2018 年关检融合后合并现场业务部门"),
    "merge_field_departments:1": ("b181614c",
        "假设：slowdown（未找到公开数据：2018 年关检融合的公开数据只计环节数，如首都机场旅客通关"
        "由 8 个环节减为 5 个（published-figures.md §2.7），不计合并后队伍所用的时间；需要同一查验"
        "由专业人员和新近交叉培训的人员分别完成的用时；bordersim tornado 试 1 至 1.5）"),
    "advance_declaration:1": ("7b20728a",
        "假设：uptake（未找到按年份或口岸的提前申报报关单比例：china-figures.md §3.1）"),
    "reduce_certificates:2": ("f9837693",
        "removed：86 种证件中减少 45 种，即上文 2017 至 2020 年的削减"),
    "direct_pickup:2": ("17bad7c3", "假设：uptake；minutes：上文的 8 分钟"),
    "direct_loading:2": ("cb1d0333", "假设：uptake；minutes：上文的 2 小时"),
    "exam_without_trader:1": ("fb120736", "假设：uptake"),
    "smart_image_review:2": ("b4c9fc80", "假设：clear，即上文天津的一半"),
    "two_step_declaration:2": ("e0e3b160", "假设：general_uptake，与上文的 uptake 相同"),
    "release_before_test:2": ("e0e3b160", "假设：general_uptake，与上文的 uptake 相同"),
    "cold_chain_mandate:2": ("17d490e4",
        "假设：disinfect_h、test_h 和 release_h，即上文的各项时长"),
    "ecommerce_surge:2": ("cac67bca", "假设：from_day，即激增的第一天（由研究者选定）"),
    "single_window:2": ("75ecd8cd",
        "假设：uptake 为 1（所有企业），即 2020 年底的目标：未找到实际比例（china-figures.md §3.3 "
        "只有目标）。这些目标把默认情景所在的 2019 年限定在 0.8-1；2017 年 11 月每天逾 10 万票"
        "申报（每年 2500 万至 3600 万票），而 2017 年货物报关单约 7800 万票（china-figures.md "
        "§4.1），若全为货物报关单，约为 0.3-0.5；bordersim tornado 试 0.3 至 1"),
    "ecommerce_surge:0": ("db2601cd", "假设：extra，即新增包裹量为当前包裹量的倍数"),
    "ecommerce_surge:1": ("47cac566",
        "高峰日：2017 年“双十一”（11 月 11 日）当天 1620 万单，而全年跨境电商清单 6.6 亿票，即"
        "每天 181 万票，因此 extra = 8、为期一天（days = 1）得出当天九倍的包裹量（"
        "china-figures.md §3.8）"),
    "epidemic:0": ("c04621ef",
        "假设：2020-22 年针对新冠疫情对冷冻食品实施的冷链检测（研究笔记中无数据）"),
    "epidemic:1": ("c482b2a4", "假设：intensity 和 sampling"),
    "control_order:0": ("514c54cd",
        "假设：origins、commodities、checks、ports、direction 和 sample（指令下达时的内容）"),
    "outbreak:0": ("a4efe038", "假设：origins、kind 和 factor（疫情对所运货物的影响）"),
    "smuggling_pressure:0": ("f00a3989", "假设：factor"),
    "patrol_staff:0": ("75b4c987", "假设：factor（未找到口岸外各路线巡查力量的公开数据）"),
    "cold_chain_mandate:0": ("ef890b00",
        "假设：2020-22 年的进口冷链措施（核酸检测、消毒、集中监管仓）；研究笔记中无数据"),
    "cold_chain_mandate:1": ("98ddab2a", "假设：teams、places、各项时长以及每组人数"),
    "state_pays_no_find:0": ("6a4fa615",
        "查验未发现问题的集装箱，其处置费用由财政资金支付（福建省财政厅通知；见成本部分的来源）"),
    "trader_pays_no_find:0": ("dec54b1f", "广东和上海试点之前的做法（见成本部分的来源）"),
    "clearance_integration:0": ("425191bb",
        "海关总署全国通关一体化，2017 年 7 月 1 日：企业可在任一海关申报，在口岸查验放行"
        "（published-figures.md §2.7）；广东七个直属海关区域通关一体化，2014 年"
        "（china-figures.md §4.3）"),
    "clearance_integration:1": ("7e5d21b3",
        "假设：一体化后 0.8 的转关货物不再转关（来源未给出比例；进入保税区等仍需加封运输的"
        "货物或企业自行选择的仍办理转关）"),
    "fewer_returns:0": ("0f4a80c6",
        "宁波两步申报试点，2019 年 12 月：报关单修改率下降 6 个百分点（inzhejiang.com，"
        "china-figures.md §3.2）"),
    "fewer_returns:1": ("3cf56b4d",
        "假设：这 6 个百分点从经审单的报关单被退回的比例中扣除"
        "（来源未说明该比率以哪些报关单为基数）"),
    "green_lane:0": ("3e65ee01",
        "假设：中国陆路口岸的做法（生鲜果蔬和冷冻货物快速通关），据提出问题的运输企业所述；"
        "docs/research/ 中没有关于绿色通道的公开来源，何者优先、在何处优先是本模型的理解"),
    "exam_hours:0": ("9b16762d",
        "假设：extra_hours（未找到中国口岸查验场延长作业时间的公开数字）"),
    "exam_hours:1": ("499c92e8",
        "假设：查验场每条有人员的作业线在延长的时间内保持白天的人数（按命名班次或固定能力"
        "排班的作业线保持不变）"),
}  # fmt: skip
