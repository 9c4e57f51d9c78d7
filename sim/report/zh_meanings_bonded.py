"""What a bonded zone's stock figures mean in Chinese (:mod:`sim.model.bonded_stock`), for
:mod:`sim.report.zh_meanings`, which merges them into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

_ZONE = ("保税区的货物为其入境口岸的转关货物，自转关运输抵达保税区时起计入（在区内被查获、"
         "退运或扣留的不计入库存）；卡口的每票报关单（进口：内销出区；出口：复出口）在到达时从"
         "区内调出最早进区的一票货物（先进先出：这是假设，模型本身并不把出区与进区联系起来）。"
         "观测期开始时保税区视为空，只计观测期内的进区和出区，因此 bonded_in = "
         "bonded_out_domestic + bonded_out_export + bonded_stock_end（docs/bonded-zone.md）。")

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("bonded_in_port_<port>", "ee44864b"): f"观测期内进入保税区的货物票数。{_ZONE}",
    ("bonded_out_domestic_port_<port>", "a65433e0"):
        f"观测期内从保税区库存调出内销的货物票数（卡口的进口）。{_ZONE}",
    ("bonded_out_export_port_<port>", "a78e13e9"):
        f"观测期内从保税区库存调出复出口的货物票数（卡口的出口）。{_ZONE}",
    ("bonded_out_unlinked_port_<port>", "d7b58371"):
        "观测期内到达时保税区为空的卡口报关单：它们调用的是模型未持有的货物（观测期前进区的，或来自"
        f"境内市场的）；数量多说明卡口的流量超过进区量。{_ZONE}",
    ("bonded_stock_end_port_<port>", "a53a391d"): f"观测期结束时仍在保税区内的货物票数。{_ZONE}",
    ("bonded_stock_mean_port_<port>", "4528a924"):
        "保税区内的货物票数，按观测期时间加权（利特尔法则：约等于每日 bonded_in 乘以 "
        f"bonded_stay_h_mean）。{_ZONE}",
    ("bonded_stock_containers_mean_port_<port>", "4bd48f1c"):
        f"保税区内的集装箱数，按观测期时间加权（无集装箱的报关单计为一个）。{_ZONE}",
    ("bonded_stock_max_port_<port>", "c5fb339e"): f"观测期内保税区同时持有的最多货物票数。{_ZONE}",
    ("bonded_stay_h_mean_port_<port>", "69795df9"):
        "货物在保税区内停留的小时数均值，自进区至调出，统计范围为观测期内调出的货物（仍在区内的"
        f"不计入）。{_ZONE}",
    ("bonded_stay_h_p90_port_<port>", "18e04ca2"):
        f"bonded_stay_h_mean_port_<port> 所平均的小时数的第 90 百分位（读自流式直方图）。{_ZONE}",
}
