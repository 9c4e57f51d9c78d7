"""The one glossary of the report in Simplified Chinese (``bordersim report --lang zh``,
:mod:`sim.report.translate`): the domain terms as China Customs uses them, the words that
fill a metric's placeholders, the units, the metric notes, and each fixed heading, column
and phrase of the page. The metrics' own names are in :mod:`sim.report.zh_metrics`, built
from these terms. English is the key everywhere, so a label the page shows that is not here
is found by ``tests/test_report_lang.py``; no number is ever written here."""

from __future__ import annotations

#: the domain terms (English -> the term China Customs uses); docs/reports-zh.md lists them
TERMS: dict[str, str] = {
    "declaration": "报关单",
    "consignment": "票（货物）",
    "clearance time (arrival to release)": "海关通关时间（到港至放行）",
    "overall clearance time (arrival to exit or loading)": "整体通关时间（到港至提离/装载）",
    "release": "放行",
    "inspection": "查验",
    "physical examination": "人工查验（开箱查验）",
    "scan": "机检（H986 等设备检查）",
    "document check": "单证审核",
    "declaration review": "审单",
    "quarantine": "检疫",
    "laboratory test": "实验室检测",
    "seized": "查扣",
    "detained": "扣留",
    "rejected after a find": "查获后退运",
    "smuggling": "走私",
    "anti-smuggling": "缉私",
    "post-clearance audit": "稽查",
    "risk engine": "风险布控",
    "hit rate": "查获率（命中率）",
    "duty evaded": "偷逃税款",
    "AEO advanced": "AEO 高级认证企业",
    "AEO general": "AEO 一般认证企业",
    "general trader": "一般信用企业",
    "discredited trader": "失信企业",
    "trader": "企业",
    "agencies": "政府部门（海关等口岸监管部门）",
    "port": "口岸",
    "import / export": "进口 / 出口",
    "cut-off": "截关",
    "escalation": "请示上报",
    "baseline": "基准方案",
    "option": "方案",
    "replication": "重复运行",
    "warm-up": "预热期",
    "95 % confidence interval": "95% 置信区间",
    "steady-state": "稳态",
    "Time Release Study": "货物放行时间研究",
}

#: the values of a metric name's placeholders (sim.experiment.metric_glossary.PLACEHOLDERS)
#: that have words; a port's, route's or commodity's name is the scenario's own and is kept
VALUES: dict[str, dict[str, str]] = {
    "direction": {"import": "进口", "export": "出口"},
    "class": {"aeo_advanced": "AEO 高级认证企业", "aeo_general": "AEO 一般认证企业",
              "general": "一般信用企业", "discredited": "失信企业"},
    "type": {"tobacco": "走私烟草", "counterfeit": "侵权假冒商品",
             "frozen": "未经检疫的冻品", "pest": "检疫性有害生物",
             "undervaluation": "低报价格"},
    "check": {"document": "单证审核", "scan": "机检", "physical": "人工查验",
              "quarantine": "检疫查验"},
    "finder": {"document": "单证审核", "exam": "查验", "quarantine": "检疫",
               "review": "审单", "recall": "召回", "audit": "稽查"},
    "owner": {"trader": "企业", "terminal": "码头/场站", "customs": "海关",
              "quarantine": "检疫", "organisation": "海关层级请示"},
    "role": {"tariff": "关税", "anti_smuggling": "缉私", "quarantine": "检疫",
             "risk": "风险", "management": "管理"},
    "stretch": {"lodging": "申报", "acceptance": "接单", "assessment": "风险评估",
                "escalation": "请示上报", "document_check_wait": "单证审核等待",
                "document_check": "单证审核", "awaiting_goods": "等待货物到港",
                "scan_wait": "机检等待", "scan": "机检", "image_review_wait": "图像判读等待",
                "image_review": "图像判读", "second_declaration_wait": "二次申报等待",
                "exam_yard": "查验场", "physical_exam": "人工查验",
                "quarantine_check": "检疫查验", "laboratory": "实验室检测",
                "treatment": "检疫处理", "quarantine_form": "检疫单证",
                "duty_payment": "缴税", "awaiting_discharge": "等待卸货", "pickup": "提货",
                "gate": "卡口", "loading": "装载", "crossing": "过境"},
    "lane": {"declaration_review": "审单", "document_check": "单证审核", "scanners": "机检设备",
             "image_officers": "图像判读关员", "exam_bays": "查验台位",
             "exam_teams": "查验组", "movers": "移箱设备", "quarantine_officers": "检疫关员",
             "exam_officers": "查验关员", "gate": "卡口", "lab": "实验室",
             "exam_slots": "查验预约时段"},
}

#: a metric's unit (``currency`` stands for the scenario's, USD or CNY, kept as it is)
UNITS: dict[str, str] = {
    "hours": "小时",
    "share (0-1)": "0-1",
    "consignments": "票",
    "containers": "箱",
    "containers a day": "箱/日",
    "containers per team-hour": "箱/组·小时",
    "currency per consignment": "currency/票",
    "currency per container (a truck, air shipment or parcel counts as one)":
        "currency/箱（一辆卡车、一票空运或一个包裹计为一箱）",
    "currency per inspected compliant declaration": "currency/份被查验的守法报关单",
    "currency per seizure": "currency/次查获",
    "currency per audit": "currency/次稽查",
    "currency per year": "currency/年",
    "currency, observed days": "currency，观测期合计",
    "currency, one-off (not per year)": "currency，一次性（非每年）",
    "CNY per year": "CNY/年",
    "CNY, observed days": "CNY，观测期合计",
    "per 1,000 declarations": "每 1,000 份报关单",
    "cut-offs per export": "次截关/票出口",
    "days": "天",
    "escalations": "次请示",
    "heads": "人",
    "holds": "次暂扣",
    "jobs waiting": "件等待",
    "kg CO2 a day": "千克二氧化碳/日",
    "litres a day": "升/日",
    "opportunities": "次机会",
    "attempts": "次企图",
    "alerts": "条预警",
    "receipts": "次接收",
    "samples": "份样品",
    "samples a day": "份样品/日",
    "audits per year": "次稽查/年",
    "audits per auditor per year": "次稽查/人·年",
    "vehicle-hours a day": "车·小时/日",
    "vehicles a day": "辆/日",
    "vessel or train calls": "船舶或列车班次",
    "AUC": "AUC",
    "AUC (0-1)": "AUC（0-1）",
}

#: what a table writes after some metrics' names (sim.experiment.metric_names.NOTES)
NOTES: dict[str, str] = {
    "value_slipped": "仅口岸内（申报货物，含走私团伙经口岸的货物；合计 = 本项 + "
    "smuggling_value_slipped_outside）",
    "smuggling_value_slipped_outside": "仅口岸外路线（合计 = 本项 + value_slipped）",
    "value_slipped_total": "口岸内 + 口岸外，每批货物计一次",
    "smuggling_value_slipped_at_ports": "走私团伙在口岸被放行的货物（计入 value_slipped，"
    "除非被稽查发现）",
    "consignments_not_out": "运行结束时仍在流程中者之中：已放行，计入海关通关但未计入整体通关",
    "exited_within_24h_export": "出口按到港至装载的 24 小时计（出口货物不提离）",
    "departure_h_mean_export": "到港至所装船舶、航班或卡车离境（整体通关在截关装载时结束）",
    "clearance_h_median_export": "常为 0：多数出口货物提前申报，到港即放行",
    "clearance_h_median": "常接近 0：提前申报的货物（多数包裹和出口货物）到港即放行",
    "clearance_h_median_import": "常接近 0：提前申报的货物到港即放行",
    "declared_to_release_h_mean": "申报（或到港）至放行，含企业申报后的等待（缴税），"
    "并非政府部门自身用时",
    "revenue_evaded": "始终未被发现的违规货物应缴税款（真实情况与税率均为假设）",
    "revenue_found_after_release": "放行后才被发现的违规货物税款（税收复核、召回、稽查），"
    "按发现到期时计",
    "total_cost_per_consignment": "政府部门 + 企业",
    "agency_cost_per_consignment": "政府部门的人员、设备、查验及国家承担的处置费用",
    "trader_cost_per_consignment": "企业付费 + 货物时间价值",
    "trader_fees_per_consignment": "企业支付的费用（规费、杂费）",
    "agency_cost_per_year": "政府部门的人员、设备、系统、查验及国家承担的处置费用；"
    "观测期折算为一年",
}
