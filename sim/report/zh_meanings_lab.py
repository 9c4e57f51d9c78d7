"""What the laboratory families mean in Chinese (samples, turnaround, backlog, the hold a
sample puts on goods and what it costs), for :mod:`sim.report.zh_meanings`, which merges
them into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

_NAMED_PORT = ("每个其检疫可对某一商品抽样（属法定检验商品，且对某一类别企业选中检疫查验）的口"
               "岸，以及该口岸的每个此类商品，各有一项，同 lab_hold_*；没有样品出结果时为 NaN。")
_NAMED_HOLD = ("口岸的检疫可抽样的每个商品（属法定检验商品，且对某一类别企业选中检疫查验），在该"
               "口岸按每个方向各有一项；在某次重复运行中该处实验室未检测其中任何一票时为 NaN（运"
               "行的 n 统计有检测的重复运行）。")
_FAIR = ("样品在口岸的检疫查验中随机抽取（quarantine.sample_share），因此同一商品、口岸和方向中经"
         "查验但未抽样的货物是公平的对照：此值为抽样组的数值减去对照组的，为每次重复运行自身的差"
         "值（可能因偶然低于 0；没有经查验但未抽样的货物时为 NaN）。")
_TURN = ("等待批次截止和批次空位的时间（wait_h_mean_<port>_lab 只计这段等待）加上检测的培养时间；"
         "统计观测期到港货物中经检疫查验抽样送该口岸实验室、且运行结束前已出结果的各票，不论其结"
         "果如何（检测不合格被退运的也计入：其检测是已完成的工作）")
_LITTLE = ("按观测天数取均值，由观测期到港货物按利特尔法则计算：小时数之和除以观测期的小时数，是"
           "稳态均值（实验室跟不上的运行会在其稳定性警告中说明）")
_OUTLAB = ("统计观测期到港货物中已完成全部流程的各票（已放行，并已提离或已装载；检测不合格被退运"
           "的货物不在其中）")

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("lab_backlog_mean_port_<port>", "5eeec289"):
        f"该口岸实验室中同时存在的样品数（等待批次或正在检测），{_LITTLE}。检测结果出来前已放行的"
        f"货物也计入（其样品仍是工作量）。{_NAMED_PORT}",
    ("lab_held_containers_mean_port_<port>", "9ec8007c"):
        "同时因等待实验室结果而被扣住的集装箱数（一辆卡车、一票空运或一个包裹计为一箱），"
        f"{_LITTLE}：即实验室检测周期使之滞留的货物。结果出来前已放行的货物"
        f"（release_before_test）不计。{_NAMED_PORT}",
    ("lab_hold_cost_per_container_<commodity>_port_<port>_<direction>", "1935cce1"):
        "实验室抽样使企业在某一口岸、某一方向的 <commodity> 货物每箱承担的成本：被抽样货物的每箱"
        f"企业成本减去经查验但未抽样货物的。{_FAIR}实验室自身的检测费属于政府部门（lab_tests），"
        f"不计入此值。{_NAMED_HOLD}",
    ("lab_hold_fees_per_container_<commodity>_port_<port>_<direction>", "d5bf22eb"):
        "lab_hold_cost_per_container_<commodity>_port_<port>_<direction> 中企业实际支付的部分（仓"
        "储费和滞箱费、冷藏箱电费、装卸、到场……）：企业成本减去货物的时间价值（trader_fees，同按"
        f"票日志），按集装箱计，抽样组减去经查验但未抽样组。{_FAIR}{_NAMED_HOLD}",
    ("lab_hold_h_<commodity>_port_<port>_<direction>", "d91c4630"):
        "实验室抽样给某一口岸、某一方向的 <commodity> 货物增加的小时数，自到港至流程结束。"
        f"{_FAIR}{_NAMED_HOLD}",
    ("lab_hold_overall_h_sampled_<commodity>_port_<port>_<direction>", "264c77a8"):
        "某一口岸、某一方向被抽样送实验室的 <commodity> 货物自到港至流程结束（进口货物经卡口离"
        f"开，出口货物装载：overall_clearance_h_mean）的平均小时数，{_OUTLAB}。{_NAMED_HOLD}",
    ("lab_hold_overall_h_unsampled_<commodity>_port_<port>_<direction>", "20bac97b"):
        "其余货物的 lab_hold_overall_h_sampled_<commodity>_port_<port>_<direction>：某一口岸、某"
        f"一方向未被抽样的 <commodity> 货物，无论是否经过查验。{_NAMED_HOLD}",
    ("lab_hold_sampled_share_<commodity>_port_<port>_<direction>", "0e879342"):
        f"某一口岸、某一方向的 <commodity> 货物中，被检疫查验抽样送实验室的比例，{_OUTLAB}。口岸"
        "的检疫可抽样的每个商品（属法定检验商品，且对某一类别企业选中检疫查验），在该口岸按每个方"
        "向各有一项；没有抽样时为 0，该处没有货物完成时为 NaN。",
    ("lab_hold_trader_cost_per_container_sampled_<commodity>_port_<port>_<direction>", "fab00b3c"):
        "某一口岸、某一方向被抽样送实验室的 <commodity> 货物的每箱企业成本（同 "
        "trader_cost_per_consignment：报关代理、码头作业、时间价值、免费期后的仓储费、冷藏箱电"
        f"费、查验作业、到场……），{_OUTLAB}：其成本之和除以其集装箱数。{_NAMED_HOLD}",
    ("lab_hold_trader_cost_per_container_unsampled_<commodity>_port_<port>_<direction>",
     "958e354b"):
        "其余货物的 "
        "lab_hold_trader_cost_per_container_sampled_<commodity>_port_<port>_<direction>：某一口"
        f"岸、某一方向未被抽样的 <commodity> 货物，无论是否经过查验。{_NAMED_HOLD}",
    ("lab_samples_per_day_<commodity>_port_<port>", "7db41dc8"):
        "某一商品类别货物的 lab_samples_per_day_port_<port>（其 lab_test 指明所需的检测）。"
        f"{_NAMED_PORT}",
    ("lab_samples_per_day_port_<port>", "24745df3"):
        "每日送该口岸实验室的样品数：观测期到港货物中经检疫查验抽样送该口岸实验室的各票，不论其结"
        "果如何（检测不合格被退运的也计入：其检测是已完成的工作），按观测天数计（运行结束时尚无结"
        f"果的样品也计入）。{_NAMED_PORT}",
    ("lab_turnaround_h_mean_<commodity>_port_<port>", "bde5a639"):
        f"某一商品类别样品的 lab_turnaround_h_mean_port_<port>。{_NAMED_PORT}",
    ("lab_turnaround_h_mean_port_<port>", "b0b66085"):
        f"自样品送检至出结果的平均小时数：{_TURN}。{_NAMED_PORT}",
    ("lab_turnaround_h_p50_port_<port>", "8d20f224"):
        f"自样品送检至出结果的小时数中位数：{_TURN}（误差不超过 1%：流式直方图）。{_NAMED_PORT}",
    ("lab_turnaround_h_p90_<commodity>_port_<port>", "f7aa83b7"):
        f"某一商品类别样品的 lab_turnaround_h_p90_port_<port>。{_NAMED_PORT}",
    ("lab_turnaround_h_p90_port_<port>", "1339bb07"):
        f"自样品送检至出结果的小时数的第 90 百分位：{_TURN}（误差不超过 1%）：即实验室服务标准所"
        f"对照的尾部。{_NAMED_PORT}",
    ("lab_turnaround_h_p95_port_<port>", "05dcd228"):
        f"自样品送检至出结果的小时数的第 95 百分位：{_TURN}（误差不超过 1%）。{_NAMED_PORT}",
    ("lab_waiting_at_cutoff_max_port_<port>", "a1d71be0"):
        "观测期内某一次批次截止时等待的最多样品数（lab_waiting_at_cutoff_mean_port_<port> 的最坏"
        f"情况）：即实验室人员和仪器必须按其配置、否则就要留到下一次截止的峰值。{_NAMED_PORT}",
    ("lab_waiting_at_cutoff_mean_port_<port>", "fed7b341"):
        "批次截止时、其批次开始前在该口岸实验室等待的样品数（所有检测合计；任何样品，不只是观测期"
        "到港货物的），按观测期内各次截止取均值：即一次截止时分析人员面对的准备工作。远低于 "
        f"batch_size 时，批次尚有余量；接近或超过时，样品会留到以后的截止。{_NAMED_PORT}",
}
