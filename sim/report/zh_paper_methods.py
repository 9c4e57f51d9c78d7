"""A comparison's methods paragraph (``bordersim paper-table --methods --lang zh``) in
Simplified Chinese, for an article written in Chinese: the same facts as the English
paragraph (:mod:`sim.report.paper_methods`), from the same ``compare.json``, in the terms of
the glossary (基准方案, 重复运行, 预热期, 收尾期, 共同随机数, 95% Student-t 置信区间, Holm 多重
比较校正). Names, figures, the seed and the commands stay as written."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: the verification against queueing theory (the English :data:`VERIFIED`)
VERIFIED = (
    "模拟器的排队部分由其测试套件对照排队论加以验证：单个通道对照 Erlang C（M/M/c）和 "
    "Pollaczek-Khinchine 公式（M/G/1），通道网络对照 Jackson 定理，每个通道精确满足 Little 定律，"
    "组织的各单位对照 Erlang C（内置情景 `teaching-mmc` 和 `teaching-jackson`；docs/teaching.md）。"
)
#: what a precision target held (the English ``_precision``'s words)
_HELD = {"differences": "配对差值", "levels": "各方案的水平值"}


def methods_text_zh(meta: Mapping[str, Any], low: int, high: int, name: str) -> str:
    """The paragraph for a comparison whose ``compare.json`` is ``meta``, with ``low`` to
    ``high`` replications per option, its folder named ``name``."""
    options = max(len(meta.get("options") or []) - 1, 0)
    reps = str(low) if low == high else f"{low} 至 {high}"
    parts = [
        _model(meta),
        f"我们将 {options} 个方案与基准方案比较（情景 {meta.get('scenario')}，其解析后取值的 "
        f"SHA-256 为 {str(meta.get('scenario_hash', ''))[:12]}）。" + _run_length(meta),
        f"每个方案运行 {reps} 次独立的重复运行{_precision(meta)}。各方案使用共同随机数：每个方案的"
        f"第 r 次重复运行取自相同的随机数流（NumPy SeedSequence，根随机种子 {meta.get('seed')}，"
        "派生键 r），因此各方案与基准方案之差是按重复运行配对的差值。" + _other_goods(meta),
        "我们报告各数值在重复运行上的均值及其 95% Student-t 置信区间，各差值附配对差值的 Student-t "
        "置信区间；逐个指标按方案个数作 Holm 多重比较校正，校正后在 5% 水平显著的差值称为显著。"
        "分位数（p90、p95）读自对数直方图，与精确样本分位数之差不超过 1%。置信区间反映的是各次运行"
        "之间的差异，而不是情景输入的不确定性。",
        VERIFIED,
        f"结果文件夹（{name}）记录了解析后的情景、随机种子和每次重复运行；"
        f"`bordersim reproduce {name}` 可重新运行并逐项核对每个数值。",
    ]
    return "".join(parts)


def _model(meta: Mapping[str, Any]) -> str:
    """Which code ran: version, build, commit (and whether it had changes), SimPy's version."""
    found = meta.get("git")
    git: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
    commit = str(git.get("commit") or "")[:12]
    where = (f"，提交 {commit}" + ("（含未提交的改动）" if git.get("dirty") else "")
             if commit else "")
    simpy = (meta.get("libraries") or {}).get("simpy")
    engine = f"SimPy {simpy}" if simpy else "SimPy"
    return (f"通关过程用 bordersim {meta.get('version')}（构建 {meta.get('build')}{where}）模拟；"
            f"它是货物跨境通关的离散事件仿真模型，用 Python 基于 {engine} 编写。")


def _run_length(meta: Mapping[str, Any]) -> str:
    """The warm-up, the observed days and the drain, and what each is for."""
    warm, days, drain = (float(meta.get(k) or 0) for k in ("warmup_days", "days", "drain_days"))
    weeks = "（整周，使观测期从每周周期的同一天开始）" if warm and warm % 7 == 0 else ""
    return (
        f"每次重复运行从空队列开始，先运行 {warm:g} 天的预热期{weeks}，其间的货物不计入；此后 "
        f"{days:g} 个观测日内到港的货物在 {drain:g} 天的收尾期（不再有新到港）中继续跟踪，到结束时"
        "仍未完成的记为删失，而不是丢弃。"
        + ("" if days % 7 == 0 else f"{days:g} 个观测日不是整周，故到港的每周规律未被均匀抽样。")
    )


def _precision(meta: Mapping[str, Any]) -> str:
    """How the number of replications was set, where a precision target set it."""
    target = meta.get("precision")
    if target is None:
        return ""
    on = "、".join(str(m) for m in meta.get("precision_metrics") or [])
    held = _HELD.get(str(meta.get("precision_on")), "各方案的水平值和配对差值")
    return (f"，其次数由精度目标决定：从 10 次起逐步增加重复运行"
            f"（至多 {meta.get('max_reps')} 次），直到 {on} 的{held}的 95% 置信区间半宽在 "
            f"{target} 以内（时间、成本和计数为相对值，比例为绝对值）")


def _other_goods(meta: Mapping[str, Any]) -> str:
    """Where an option changes which consignments arrive or what they declare: its pairing
    shares the random streams but not all the goods."""
    names = sorted({*(meta.get("arrivals_changed") or {}), *(meta.get("unpaired") or {})})
    if not names:
        return ""
    return (f"方案 {'、'.join(names)} 改变了到港的货物或其申报内容，因此其配对共享随机数流，但并非"
            "每票货物都相同：其跨口岸和进出口合并的数值比较的是与基准方案不同的货物组合。")
