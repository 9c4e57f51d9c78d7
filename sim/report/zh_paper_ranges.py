"""Why each range of :mod:`sim.reforms.ranges` is plausible, in Simplified Chinese, for
``bordersim tornado --lang zh``'s notes: keyed by the English reason itself, so a reworded
reason finds no entry and its note stays English, marked untranslated, never stale. Figures,
field names and file names stay as written."""

from __future__ import annotations

from sim.reforms.ranges import _CUT, _SLOWDOWN, RANGES

#: the English reason -> its Chinese
WHY: dict[str, str] = {
    "given here (--range)": "在此给定（--range）",
    _CUT: "0：不撤销任何岗位（默认值）；0.3：种子论文页面的比较 1，即三分之一的管理岗位，作为上端"
          "（未找到公开数字）",
    _SLOWDOWN: "1：交叉培训的关员与专业关员一样快（默认值）；1.5：学习期间慢一半（假设：未找到公开"
               "数字）",
    RANGES["dumbbell"]["organisation.transfer_to.national.mean"].why:
        "全国中心的受理等待时间在广东各情景中为 4 小时，属于假设；1 小时（随到随办的中心）至 8 小时"
        "（一个工作日）涵盖了种子论文页面的扫描 1，两种结构约在 5 小时处互换优劣",
    RANGES["dumbbell"]["uniform_standards"].why:
        "1：统一标准不减少任何请示上报（默认值）；0.7：减少十分之三"
        "（假设，略超出种子论文页面的 0.8）",
    RANGES["dumbbell"]["running_in_loss"].why:
        "磨合期间关员损失十分之一至一半的工作效率（0.5 为种子论文页面的过渡期示例；未找到海关人员"
        "恢复效率的数字）",
    RANGES["dumbbell"]["running_in_days"].why: "一个月至一年的磨合期（未找到公开数字）",
    RANGES["dumbbell"]["organisation.advantages.local_knowledge_auc.spindle"].why:
        "纺锤型结构对属地已知风险的 AUC 加成在广东各情景中为 0.03，属于假设（未找到属地知识使风险"
        "评分提高多少的公开数字）：0（没有）至 0.06（两倍）；哑铃型结构为 0，且该加成只在有风险"
        "引擎时（情景 guangdong-enforcement.toml）作用于 organisation.advantages.local_risks "
        "所列的风险",
    RANGES["single_window"]["uptake"].why:
        "到 2018 年底 80% 的主要海关业务通过国际贸易“单一窗口”办理，到 2020 年底 100%"
        "（china-figures.md §3.3，均为目标：未找到实际比例）；0.3 为 2017 年 11 月比例的下端：每天"
        "逾 10 万票申报，而 2017 年货物报关单约 7800 万票（china-figures.md §4.1：0.3-0.5），"
        "代表更早的年份或使用滞后的口岸（假设）",
    RANGES["single_window"]["preparation_cut"].why:
        "默认值 0.2 的一半至两倍（假设：未找到实测的节省）",
    RANGES["aeo_mutual_recognition"]["shift"].why:
        "获得认证的一般信用企业比例为默认值 0.1 的一半至两倍（假设）",
    RANGES["aeo_mutual_recognition"]["into"].why:
        "企业可获得的两种认证：一般认证（优惠较少）或高级认证（默认值）",
}
