"""What a land crossing's approach figures mean in Chinese (:mod:`sim.model.approach`), for
:mod:`sim.report.zh_meanings`, which merges them into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

_REACHED = "统计范围为观测期内到达入境前排队区、并在运行结束前进入口岸的卡车（含进口和出口）"
_TIME = "按观测期时间加权"

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("approach_wait_h_mean_port_<port>", "858bafa7"):
        "卡车在入境前排队区等待进入口岸的小时数均值（日志中自 `reached` 至 `arrived`），"
        f"{_REACHED}；到达时口岸有空位的卡车计为 0。",
    ("approach_wait_h_p90_port_<port>", "03e9e137"):
        "approach_wait_h_mean_port_<port> 所平均的小时数的第 90 百分位，统计范围相同（精确值，"
        "不读自直方图）。",
    ("approach_parking_mean_port_<port>", "f5c417a3"):
        f"在排队区停车场等待的卡车数（等待进入者中的前 `parking` 辆），{_TIME}。",
    ("approach_road_mean_port_<port>", "45615b80"):
        f"在口岸前道路上等待的卡车数（超出停车场 `parking` 个车位的等待者），{_TIME}。",
    ("approach_parking_peak_port_<port>", "50bdbcce"):
        "观测期内同时在停车场等待的卡车数的最大值（至多为其 `parking` 个车位）。",
    ("approach_road_peak_port_<port>", "3beb7b82"):
        "观测期内同时在道路上等待的卡车数的最大值。",
    ("approach_road_trucks_per_day_port_<port>", "ae41c534"):
        "每日排到道路上的卡车数：观测期内到达排队区时口岸已满、停车场也已满的卡车，除以观测天数。",
    ("approach_inside_lab_mean_port_<port>", "9997e0ad"):
        "口岸内等待实验室检测结果的卡车数（自送样 `lab_start` 至出结果 `lab_end`、卡车仍在口岸内的"
        f"时段），{_TIME}，统计范围为运行结束前流程已结束的卡车。其余卡车可用的车位为 `inside` "
        "减去此数：车位过少时，排队不会趋于稳定（docs/trucks.md）。",
    ("approach_left_trucks_port_<port>", "b0b58635"):
        "观测期内到达排队区、运行结束时（收尾期之后）仍在排队区等待的卡车（含进口和出口）："
        "它们没有通关流程，因此不计入任何按车统计的数据（通关时间、费用、排队区等待时间、"
        "`bordersim trucks` 命令的周转时间）；为每次重复运行的车数。",
    ("approach_left_wait_h_mean_port_<port>", "3f40bed3"):
        "这些卡车（`approach_left_trucks_port_<port>`）至运行结束时已在排队区等待的小时数均值（自 "
        "`reached` 至运行结束：迄今的等待，短于其全部等待）；未留下卡车的重复运行无此数据。",
}
