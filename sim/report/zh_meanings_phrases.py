"""The phrases the Chinese metric meanings share (:mod:`sim.report.zh_meanings` and the
modules it merges): who a figure counts and how a quantile is read, written once so that a
family says them in the same words as its neighbours."""

from __future__ import annotations

#: the goods a clearance time counts (those released by customs by the run's end)
RELEASED = ("统计范围为观测期到港货物中运行结束前已被海关放行的各票（已放行但尚未提离的计入；"
            "查扣、退运及从未放行的不计入）")
#: the goods an overall clearance time counts (those out by the run's end)
OUT = ("统计范围为观测期到港货物中运行结束前已完成全部流程的各票（结果为 released：已提离或已"
       "装载）；查扣、退运及未完成的不计入")
#: how a quantile is read
QUANTILE = "读自对数直方图，与精确分位数相差不超过 1%"
#: a goods declarations' figure: the post and express hubs left out
GOODS = ("，不含邮件和快件监管中心（其清单中国另行统计；秒级放行，会主导合并后的中位数）。仅"
         "在邮件或快件监管中心与货物口岸并存时出现")
#: a cost per consignment: the mean over the finished consignments
FINISHED = "按已完成的货物（观测期到港货物减去未完成的）取均值，以情景的币种计"
#: a class's figure pooled over every port: why it can mislead
CLASS = ("，合并所有口岸：某一类别的货物多在慢的口岸，就会显得慢（请结合 "
         "clearance_h_mean_<class>_port_<port>_<direction> 一起看）；该类别没有放行货物时为 NaN。")
#: a commodity group's figure: which goods it counts
COMMODITY = "某一商品类别（<commodity>，情景 [commodities] 的一个键）货物的"
#: a commodity group's figure: pooled over ports and directions, and why it can mislead
COMMODITY_ALL = ("，合并所有口岸和方向，进口与出口合计：某一商品多在慢的口岸或多为进口，就会显得"
                 "慢。运行放行过的每个商品类别各有一项")
#: how the exam yard's waits are booked among its lanes
YARD = ("查验场中的一项作业同时等待查验台位和移箱设备（在两者都计为等待，因此实际受限于台位时移箱"
        "设备也显得拥堵），然后在台位上等待查验组（联合查验还要等检疫关员）和移出的移箱设备：这些"
        "等待计在查验组或移箱设备上，而台位在此期间处于占用状态，因此台位的利用率包括等待查验组的"
        "集装箱（owner_share_<owner> 中等待的责任方，是扣住它的作业环节）。")
