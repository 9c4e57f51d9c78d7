"""``bordersim --help`` in Chinese when ``BORDERSIM_LANG=zh`` (a workshop's machines): the
program's description, each command's one line, and the words argparse adds (用法, 选项);
the commands keep their names. Each command's own ``--help`` gives each option's help in
Chinese too, from :mod:`sim.cli_zh_options` (an option whose English changed since: marked
untranslated)."""

from __future__ import annotations

import argparse
from typing import Any

DESCRIPTION = "模拟货物通过口岸的通关过程（离散事件仿真，SimPy）。"
#: the top-level help's last lines (:data:`sim.cli.LANG_EPILOG`)
EPILOG = ("加 --lang zh（写在命令之前或之后均可：bordersim --lang zh 命令 ...），该命令的表格、"
          "提示、警告、报错和 --help 即为简体中文；--lang en 为英文。设置环境变量 "
          "BORDERSIM_LANG=zh 后默认输出中文（包括本帮助）。各命令的选项：bordersim 命令 --help。")
#: each command -> its one line in ``bordersim --help`` (argparse's ``%%`` for a percent)
COMMANDS = {
    "run": "对一个情景进行多次重复运行并汇总结果",
    "compare": "以相同的随机种子运行情景的各方案（改革），并与基准方案对比",
    "org": "以几种海关组织结构运行情景，并绘出组织层级图",
    "reforms": "列出改革库，或显示某项改革对情景所做的字段修改",
    "check": "检查情景文件并输出解析后的完整情景",
    "sweep": "在多个参数取值（列表、网格、拉丁超立方）下运行情景，或估计 Sobol 敏感性指数",
    "warmup": "用试运行和 MSER-5 方法建议预热期（整周数）",
    "dashboard": "启动培训网页：内置情景、方案开关和可调参数",
    "animate": "把某个口岸各作业线随仿真时间的变化写成 GIF 动画",
    "docs": "生成用户指南中自动生成的页面（情景字段说明等）",
    "report": "把结果文件夹写成一个独立的 HTML 网页报告",
    "appraise": "根据对比结果计算各方案多年的成本收益（净现值、回收期）",
    "hours": "根据结果文件夹给出各口岸每小时最繁忙的作业线",
    "both-sides": "陆路口岸两侧的通关时间：分别查验（串联）与一站式查验",
    "trucks": "从货车司机角度看陆路口岸：往返时间、查验滞留、司机工时、每趟成本（按到达时段）",
    "fit-arrivals": "根据观测到的到达记录（CSV）拟合口岸的到达率（按小时、按周）",
    "fit-times": "根据观测到的时长记录（CSV）拟合作业时间或延误时间的分布",
    "tables": "把结果文件夹导出为带结构说明的数据表（Parquet）",
    "workbook": "把结果文件夹写成一个 .xlsx 工作簿（Excel 或 WPS）：主要指标及 95%% 置信区间、"
                "配对差值、主要表格",
    "outlook": "按每年贸易增长率推算：各作业线哪一年跟不上，需要增加多少能力",
    "operating-curve": "口岸 AI 审图的工作点（配对比较）及其 AUC 的价值",
    "compliance": "海关根据自身查验估计的不合规率（及置信区间），与真实情况对照",
    "reproduce": "按结果文件夹记录的情景、种子和重复次数重新运行，并逐项核对其数字是否一致",
    "tfa": "对比结果中各方案落实的世贸组织《贸易便利化协定》条款，及其货物放行时间的配对变化",
    "difference": "对比两个运行结果文件夹：各指标的差值及其 95%% 置信区间"
                  "（种子相同时配对，否则用 Welch 非配对区间）",
    "paper-table": "把方案比较或参数扫描的结果写成一张可用于论文的 Markdown 或 LaTeX 表格",
    "tornado": "改革效果的正负在其各项假设的取值范围内是否不变",
}
#: argparse's own words
USAGE, POSITIONALS, OPTIONS = "用法：", "位置参数", "选项"
HELP, VERSION = "显示此帮助信息并退出", "显示程序版本号并退出"


def _formatter(english: type[argparse.HelpFormatter]) -> type[argparse.HelpFormatter]:
    """``english`` (a parser's formatter class) with 用法： before the usage, and the
    sections' headings (位置参数, 选项) closed by a full-width colon, as 用法： is (argparse
    writes an ASCII one)."""

    class Formatter(english):  # type: ignore[valid-type,misc]
        zh = True  # (so that it is not wrapped twice)

        def add_usage(self, usage: Any, actions: Any, groups: Any,
                      prefix: str | None = None) -> None:
            super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)

        def _split_lines(self, text: str, width: int) -> list[str]:
            if text.isascii():  # (English: as argparse wraps it)
                return super()._split_lines(text, width)  # type: ignore[no-any-return]
            from sim.cli_zh_reforms import wrap_wide  # (a Chinese character takes two columns)

            return wrap_wide(" ".join(text.split()), width, 0).split("\n")

        def _fill_text(self, text: str, width: int, indent: str) -> str:
            if text.isascii():
                return super()._fill_text(text, width, indent)  # type: ignore[no-any-return]
            return "\n".join(indent + ln for ln in self._split_lines(text, width - len(indent)))

        def format_help(self) -> str:
            text: str = super().format_help()
            for heading in (POSITIONALS, OPTIONS):
                text = text.replace(f"\n{heading}:\n", f"\n{heading}：\n")
            return text

    return Formatter


def in_chinese(parser: argparse.ArgumentParser,
               commands: dict[str, argparse.ArgumentParser]) -> None:
    """Put the Chinese of :data:`COMMANDS` and argparse's words on ``parser`` and each
    command's parser (in place; a command not listed keeps its English line)."""
    parser.description = DESCRIPTION
    parser.epilog = EPILOG
    _options_in_chinese(commands)
    for p in (parser, *commands.values()):
        p.formatter_class = _formatter(p.formatter_class)  # type: ignore[arg-type]
        for group in p._action_groups:
            group.title = {"positional arguments": POSITIONALS, "options": OPTIONS}.get(
                group.title or "", group.title)
        for action in p._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = HELP
            elif "--version" in action.option_strings:
                action.help = VERSION
            elif isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    choice.help = COMMANDS.get(choice.dest, choice.help)
                    commands[choice.dest].description = (
                        commands[choice.dest].description or COMMANDS.get(choice.dest))


def _options_in_chinese(commands: dict[str, argparse.ArgumentParser]) -> None:
    """Each option's help and the own description of the commands of
    :data:`sim.cli_zh_options.COMMANDS` in Chinese (argparse's own options aside)."""
    from sim.cli_zh_options import COMMANDS as MAIN
    from sim.cli_zh_options import option_help

    for name in MAIN:
        p = commands[name]
        if p.description:
            p.description = option_help("description", p.description)
        for action in p._actions:
            if (isinstance(action, argparse._HelpAction) or not action.help
                    or action.help == argparse.SUPPRESS):
                continue
            key = action.option_strings[-1] if action.option_strings else action.dest
            action.help = option_help(key, action.help)


def wanted(argv: list[str]) -> bool:
    """Whether the help is asked for in Chinese: ``--lang zh`` beside ``--help``, or
    ``BORDERSIM_LANG=zh`` (a wrong value is left to the command, which says so)."""
    import os

    from sim.cli_lang import ENV
    from sim.cli_zh_usage import wanted as said_in_chinese

    if {"-h", "--help"} & set(argv):
        return said_in_chinese(argv)
    return os.environ.get(ENV, "").strip().lower() == "zh"
