"""A sweep's report page in Simplified Chinese: the paragraphs beneath its tables (the points'
results, each point against point 0, the partial rank correlations and the Sobol indices),
the PRCC table's cells in words and the note on a folder whose point files carry no checksum,
in the words the console's ``sweep --lang zh`` uses (:mod:`sim.cli_zh_sweep`: 扫描点, 仿真噪声,
[无区间]). Whole texts (:data:`SWEEP_NOTES`) and patterns whose figures are carried over as
the page wrote them (:data:`SWEEP_SENTENCES`); :mod:`sim.report.zh_notes` holds them with the
other sections' notes."""

from __future__ import annotations

import re

from sim.cli_zh_sweep import NO_INTERVAL

#: a whole text of a sweep's page -> Chinese
SWEEP_NOTES: dict[str, str] = {
    "Means over each point's replications with 95 % Student-t intervals (from sweep.csv), "
    "shown clipped to what is possible. Times in hours.":
        "各扫描点各次重复运行的均值及 95% Student-t 置信区间（取自 sweep.csv），显示时截取到"
        "可能的范围。时间单位为小时。",
    "The difference from point 0, paired by replication (the same seeds at every point, so "
    "the same consignments), with its 95 % interval; * where it is significant at 5 % after "
    "Holm's correction for the number of points, metric by metric (as a comparison's stars "
    "correct for its options; the intervals are each difference's own, uncorrected, so one "
    "clear of 0 may lack the star). Narrower than the two points' own intervals suggest: "
    "what the points share cancels; a quantile's interval is never narrower than the "
    "histogram's resolution. In a sampled design (--lhs, --sobol) point 0 is one sample "
    "point like the others, not a baseline. Every metric's is in differences.csv.":
        "与扫描点 0 的差值，按重复运行配对（各点使用相同的随机种子，因而是相同的货物），附 95% "
        "置信区间；* 表示经扫描点个数的 Holm 多重比较校正后在 5% 水平显著，逐个指标校正（如同"
        "比较中的星号按方案个数校正；区间为各差值自身的未校正区间，因此不含 0 的区间也可能没有"
        "星号）。差值的区间比两个扫描点各自的区间所示更窄：两点共有的部分相互抵消；分位数的区间"
        "不会窄于直方图的分辨率。在抽样设计（--lhs、--sobol）中，扫描点 0 与其他样本点一样只是"
        "一个样本点，并非基准方案。每个指标的差值见 differences.csv。",
    "An index lies between 0 and 1: an estimate outside says the sample is too small to pin "
    "it down (raise --sobol N). The bootstrap interval resamples the parameter sample only "
    "and leaves out the simulation noise: read the index over the replications with its "
    "noise half-width (S1_reps \u00b1 S1_noise in sobol.csv), not S1 with it.":
        "指数介于 0 与 1 之间：估计值超出此范围，说明样本太小，无法确定该指数（请增大 --sobol "
        "N）。自助法（bootstrap）区间只对参数样本重抽样，不含仿真噪声：请将各次重复运行分别计算"
        "的指数与其噪声半宽一并解读（sobol.csv 中的 S1_reps \u00b1 S1_noise），而不是将 S1 与"
        "噪声半宽一并解读。",
    "The point files of this folder were written before point files carried a checksum: "
    "sweep.csv is checked against them, but they cannot be checked themselves.":
        "本文件夹的扫描点文件写于扫描点文件带有校验和之前：sweep.csv 已与这些文件核对，但这些"
        "文件本身无法核对。",
    # the Sobol table's heading and columns (SALib's names kept, as sobol.csv has them)
    "Sobol indices": "敏感性分析（Sobol 指数）",
    "first-order S1 [95 % bootstrap interval]": "一阶指数 S1 [95% 自助法置信区间]",
    "S1 over the replications [\u00b1 simulation noise, 95 %]":
        "各次重复运行的 S1 [\u00b1 仿真噪声，95%]",
    "total ST [95 % bootstrap interval]": "总效应指数 ST [95% 自助法置信区间]",
    "ST over the replications [\u00b1 simulation noise, 95 %]":
        "各次重复运行的 ST [\u00b1 仿真噪声，95%]",
    # the PRCC table's cells in words
    "[no interval]": NO_INTERVAL,
    "(every point in rank order: no spread to give an interval)":
        "（各点完全按秩次排列：没有离散，无法给出区间）",
}

_N = r"[0-9][0-9,]*"  # a count as the page writes it (kept as written)

#: a sentence of a sweep's page with figures in it: a pattern and its Chinese
SWEEP_SENTENCES: list[tuple[re.Pattern[str], str]] = [(re.compile(p), zh) for p, zh in [
    # (the section's heading: the metric by identifier and Chinese name, as the console's)
    (r"Sobol indices of (?P<named>[a-z0-9_]+)", "敏感性分析（Sobol 指数）：{named}"),
    # sim.report.prcc_section.READING, its points and parameters counted
    (rf"The partial rank correlation \(PRCC, Marino et al\. 2008\) of each metric's mean at "
     rf"the (?P<points>{_N}) points with each swept parameter, net of the other parameters: "
     r"from -1 \(the metric falls whenever the parameter rises\) to \+1 \(it rises\); near 0, "
     r"no monotone effect \(a U-shaped one can be near 0\)\. In brackets its 95 % interval; "
     rf"\* where it is clear of 0 after Holm's correction over the (?P<parameters>{_N}) "
     r"parameters, metric by metric \(an interval clear of 0 may lack the star\)\. The "
     r"intervals measure the spread of the sample, not the uncertainty of the scenario's "
     r"assumptions\. The last row is the share of the spread of the points' means that is "
     r"simulation noise \(above a tenth, it pulls that metric's PRCCs towards 0: more "
     r"replications or longer runs reduce it, more points do not\)\. Every figure, with its "
     r"p-value, is in prcc\.csv\.",
     "各指标在 {points} 个扫描点上的均值与每个扫描参数的偏秩相关系数（PRCC，Marino 等，"
     "2008），已扣除其他参数的影响：从 -1（该参数增大时指标总是下降）到 +1（总是上升）；接近 0 "
     "表示没有单调效应（U 形效应也可能接近 0）。方括号内为其 95% 置信区间；* 表示经 "
     "{parameters} 个参数间的 Holm 多重比较校正后不为 0，逐个指标校正（不含 0 的区间也可能没有"
     "星号）。这些区间衡量的是样本的离散程度，而非情景假设的不确定性。最后一行为各扫描点均值的"
     "离散程度中仿真噪声所占的份额（超过十分之一时，会把该指标的 PRCC 拉向 0：增加重复运行次数"
     "或延长运行可以减小它，增加扫描点数则不能）。每项数据及其 p 值见 prcc.csv。"),
]]
