"""The Chinese of the ``--help`` of ``sweep``, ``warmup``, ``dashboard``, ``report``,
``workbook``, ``appraise`` and ``tables``: keyed as :data:`sim.cli_zh_options.HELPS` is (the
option, or ``description``, and the digest of its English help), and written as it is read
(``95%``: :func:`sim.cli_zh_options.option_help` doubles a percent sign for argparse)."""

from __future__ import annotations

#: the commands whose every option has its Chinese here (tests hold them to it)
COMMANDS = ("sweep", "warmup", "dashboard", "report", "workbook", "appraise", "tables")
#: (option, digest of its English help) -> its Chinese
HELPS: dict[tuple[str, str], str] = {
    # sweep
    ("--param", "8d3dcab1"):
        "一个参数（按点分的字段路径，或 REFORM:STRENGTH，即改革库中某项改革的强度，如 "
        "single_window:uptake）及其取值；不加 --grid 时，各扫描点依次取各参数的第 1、"
        "2、… 个值（每个 --param 的取值个数须相同）",
    ("--grid", "0f47f6ae"):
        "取各 --param 取值的所有组合",
    ("--lhs", "1166302e"):
        "N 个拉丁超立方扫描点（最多 10,000 个），以偏秩相关系数筛选参数（prcc.csv）：k 个参"
        "数范围约需 k+43 个点，才能把 0.3 的 PRCC 与 0 区分开",
    ("--sobol", "20be6ea2"):
        "由 N 个基础样本点估计 Sobol 指数（k 个参数范围时，每次重复运行需 N*(k+2) 次运行；N"
        " 最多 10,000）",
    ("--range", "c21a1e72"):
        "--lhs/--sobol 的参数范围（字段，或 REFORM:STRENGTH）：0.1:0.4 取实数，2:6 取整数"
        "（字段为比例、时长或速率时取实数），'10:30 min' 或 1:3/h 为带单位的取值（单位只"
        "写一次，写在上限之后）",
    ("--metric", "156c06ca"):
        "--sobol 估计其 Sobol 指数的指标，或 --lhs 打印其偏秩相关系数的各指标（默认 overall"
        "_clearance_h_mean；`bordersim check 情景 --metrics` 列出可用的指标）",
    ("--sample-seed", "d6dca202"):
        "拉丁超立方 / Sobol 样本的随机种子",
    ("--reps", "2b346551"):
        "每个扫描点的重复运行次数（默认 3）",
    ("--out", "c31643cd"):
        "结果文件夹（默认：新建 results/sweep-<情景>-<时间>）；再次运行到同一文件夹即从中断"
        "处继续",
    ("--json", "67862080"):
        "只在标准输出打印 JSON",
    ("--json-object", "a0c12ae7"):
        "只在标准输出打印 JSON 对象：各扫描点（有 --sobol 时为敏感性指数）在 points（indices）"
        "之下，旁边是 notes 和 warning_records，与 run 和 compare 的相同（只给 --json 时打印"
        "原来的列表）",
    # warmup
    ("--days", "0278a8c7"):
        "试运行天数（默认 56；最多 18,262：试运行之后还要同样长的时间排空）",
    ("--reps", "e4263f38"):
        "试运行的重复运行次数（默认 3）",
    ("--output", "e289df5b"):
        "逐日序列：当天到达货物的整体通关时间均值（clearance，默认），或平均排队长度（queue"
        "）",
    ("--batch", "aeee0055"):
        "MSER 的批量大小（默认 5）",
    ("--plot", "aeb20a20"):
        "把累计均值图写成此处的 PNG 文件",
    # dashboard
    ("description", "54d134ba"):
        "启动交互式培训网页：选择内置情景，开关方案，调节参数，运行，并把基准方案与方案并列"
        "对照。除非 --host 另行指定，只在本机回环地址上监听。",
    ("--host", "84b1d1fc"):
        "监听地址（默认 127.0.0.1：仅限本机）",
    ("--port", "77e3ac89"):
        "端口（默认 5006）",
    ("--workers", "1b3bfe86"):
        "所有会话共用的仿真进程数（默认：CPU 数）",
    ("--scenarios", "f267bb5e"):
        "按名称提供 DIR 中的情景文件，或只提供情景文件 FILE 一个（默认：内置情景）",
    ("--origin", "694ad1e0"):
        "另外接受以 http://NAME:PORT/ 打开的网页（可重复给出；使用 --host 0.0.0.0 时需要："
        "即用户输入的主机名或地址）",
    ("--out", "e6ff49fd"):
        "网页的结果文件夹：每个小组完成的运行保存在各自的文件夹中（小组名写在网页地址中："
        "?group=名称；地址中没有小组名时，为最近运行过的小组），重新加载网页后再次列出（默认 "
        "results/dashboard；删除某小组的文件夹即清除其已完成的运行）",
    ("--lang", "c94c82ef"):
        "网页的语言（en 或 zh：简体中文；默认取环境变量 BORDERSIM_LANG，否则为 en）；情景中的"
        "名称和数字保持原样",
    # report
    ("description", "1b8d842f"):
        "读取 bordersim run、compare 或 sweep 的结果文件夹，写出一个 HTML 文件，内含情景、"
        "所对比的改革、附 95% 置信区间的表格和嵌入的图。不重新仿真。",
    ("folder", "e2008fc7"):
        "结果文件夹",
    ("--out", "99f41dbc"):
        "要写出的 HTML 文件，所在文件夹须已存在（默认 RESULTS_DIR/report.html，使用 --lang "
        "zh 时为 RESULTS_DIR/report-zh.html）；只替换先前的报告，绝不覆盖结果文件",
    ("--check", "a79e3b11"):
        "像生成报告时那样读取并检查结果文件夹（逐个文件核对校验和，汇总表与各次重复运行相互"
        "核对），不写出任何文件：完整时退出状态为 0，否则为 2 并指出哪里不完整（无法写入的"
        "文件夹，如归档，也可检查）",
    ("--lang", "c98c22fb"):
        "网页的语言：en 或 zh（默认取环境变量 BORDERSIM_LANG，未设置时为 en）；zh 为采用中"
        "国海关术语的简体中文（标题、列名、指标名称、单位和警告；所有数字与英文版相同；见 d"
        "ocs/reports-zh.md）",
    # workbook
    ("description", "c34e55fe"):
        "读取 bordersim run 或 compare 已完成的结果文件夹（先像 bordersim report 那样检查）"
        "，写出一个 .xlsx 工作簿：说明页（各工作表的内容、情景、命令、随机种子、重复运行次"
        "数、警告）、带单位和 95% 置信区间的主要指标（对比时为各方案相对基准方案的配对变化"
        "）、配对差值、全部指标，以及执法表和跨境贸易表，并设好数字格式、冻结表头行和筛选。"
        "不重新仿真；所有数字均取自该文件夹（见 docs/workbook.md）。",
    ("folder", "c535e0f6"):
        "bordersim run 或 compare 的结果文件夹",
    ("--out", "45df4d33"):
        "要写出的 .xlsx 文件，所在文件夹须已存在（默认 RESULTS_DIR/workbook.xlsx，使用 --la"
        "ng zh 时为 workbook-zh.xlsx）",
    ("--lang", "18111050"):
        "工作表名称、表头和标签的语言：en 或 zh（默认取环境变量 BORDERSIM_LANG，未设置时为 "
        "en）；zh 为简体中文（指标名称取自报告的术语表）",
    # appraise
    ("description", "73221430"):
        "读取 bordersim compare 的结果文件夹，给出各方案相对基准方案的成本收益：一次性成本"
        "（此处给出的建设成本及其新增的设备）、各部门每年运行成本的变化（现金）、其释放的人员"
        "能力（仍需支付的关员工时：单独列出，除非给出 --count-freed-capacity，不计入净现值）、"
        "贸易商每年的节省（"
        "费用及货物时间价值）、它们在评估期内的现值、净现值、回收年份，以及每节省一票货物小"
        "时的政府成本，各附按重复运行计算的 95% 置信区间（配对）；并列给出净现值随成本输入的"
        "变化范围（每次一个输入取其下限和上限，其余取中值，按变化幅度排序；--cost-range）。"
        "不重新仿真；写出 RESULTS_"
        "DIR/appraisal.csv。",
    ("folder", "8746dc03"):
        "bordersim compare 的结果文件夹",
    ("--setup", "841aac2e"):
        "某方案的一次性建设成本，以本次比较的金额单位计：情景货币按其 costs.price_year 年的价格"
        "（内置默认情景为 USD（2019 年价格）），给出 --price-year 时按该年价格"
        "（IT 建设、认证、培训；可重复给出）；默认："
        "其情景中超出基准方案的 costs.setup 各项（即改革的 setup_cost），加上其其他改革在改革库中"
        "的默认建设成本（可用 bordersim reforms 改革名查看）；没有默认建设成本的改革使回收期未知",
    ("--running", "4dc35066"):
        "某方案每年的运行成本中模型未计入的部分（IT、许可、人员），金额单位同 --setup；"
        "计入每年运行成本的变化，与改革的 cost_per_year 的计法相同，而无须重新运行比较（可重复"
        "给出）；默认：未给出 cost_per_year 的改革在改革库中的默认运行成本；"
        "若该方案的比较已计入某项改革的 cost_per_year，则不予接受",
    ("--years", "70901634"):
        "评估期年数，1 至 100（默认 10）",
    ("--discount-rate", "bd523188"):
        "实际贴现率，取 0 至 0.3 的比例（默认：基准情景的 costs.discount_rate）",
    ("--time-value-scale", "ad9e18bf"):
        "货物时间价值乘以 X（敏感性分析：默认情景中普通货物每天 0.6% 的时间价值是 0.6%-2.1%"
        " 区间的下限；X = 3.5 即取其上限；默认 1）",
    ("--count-freed-capacity", "638f08fd"):
        "将方案释放的人员能力（不再需要的关员工时，按其成本计）作为节省计入净现值和回收期，"
        "相当于裁减了相应岗位；默认净现值只计现金，释放的能力单独列出（这些关员仍需支付）",
    ("--count-residual-value", "52aa949f"):
        "将设备在评估期以外的服务计入政府承担的成本：期限短于其寿命时计其残值，长于其寿命时计期内的"
        "更新重置（按同样设备、按比较中设备费用所隐含的寿命）；默认设备在第 0 年一次性支付、期内"
        "不更新，该项单独列出",
    ("--price-year", "7b55c31c"):
        "所有金额按 YEAR 年价格给出：比较的各项金额（按其 costs.price_year）和改革库的默认成本"
        "均用价格指数折算；此时 --setup 与 --running 的金额按 YEAR 年价格读取（默认：比较的 "
        "costs.price_year，不作折算）",
    ("--price-index", "93a9bee9"):
        "与 --price-year 一同使用时折算所用的价格指数：us_cpi_u（美国 CPI-U，美国劳工统计局）"
        "或 cn_cpi（中国居民消费价格指数，国家统计局）；默认：情景币种对应的指数（USD："
        "us_cpi_u，CNY：cn_cpi）",
    ("--cost-range", "41c7f4d9"):
        "替换净现值变化范围中某一成本输入的默认范围（每次一个输入取其下限和上限，其余取中值；"
        "可重复）：setup_cost、running_cost_given、time_value 或 equipment_price 按所用值的"
        "倍数给出（0.5:2），discount_rate 按折现率给出（0.03:0.12）；每个范围须包含所用值",
    ("--json", "1ab57829"):
        "只打印 JSON",
    # tables
    ("description", "d3d1b561"):
        "读取 bordersim run 或 compare 已完成的结果文件夹（先像 bordersim report 那样检查）"
        "，在另一个文件夹中按指标类别各写出一个 Parquet 数据表（长格式、带类型，每行以 run_"
        "id 和 option 为键），以及 datapackage.json：各表的列、类型、单位和键。使用 --valid"
        "ate DIR 时，改为按结构说明检查这样的文件夹。不重新仿真，也不改动结果文件夹。",
    ("folder", "9f5ea74c"):
        "要读取的结果文件夹",
    ("--out", "310edc0a"):
        "写入数据表的文件夹（需要时新建；同名的表被替换）；须在 RESULTS_DIR 之外",
    ("--validate", "0996afbe"):
        "改为按结构说明检查 DIR 中的数据表：一致时退出状态为 0，否则为 1，每个问题一行",
}
