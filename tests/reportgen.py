"""Generated reports for tests across reports: a 2021-format report (TAB-separated
tables) for any body and year, with its prose written from phrase banks, so two
honest reports share the template but not their sentences, and a copied report can
be made from another by changing only its year and figures."""

from __future__ import annotations

import random
import re

OPENINGS = [
    "{y}年，{b}坚持以公开为常态、不公开为例外，围绕中心工作推进政务公开，主动回应群众关切。",
    "{y}年，{b}把政府信息公开纳入全年重点工作，主要负责同志亲自部署，分管领导具体抓落实。",
    "{y}年，{b}结合机构职能调整，重新梳理公开事项清单，完善信息发布审核流程，公开质量稳步提高。",
    "过去一年，{b}以群众需求为导向，聚焦民生热点，持续拓展公开渠道，提升政务服务透明度。",
]
ACTIVE = [
    "全年主动公开政府信息{n}条，涉及财政预决算、重大项目审批、民生资金发放等重点领域。",
    "通过门户网站、政务新媒体和公开栏共发布信息{n}条，做到应公开尽公开、及时准确。",
    "主动公开各类政府信息{n}条，其中政策文件与解读材料同步发布，便于群众理解和监督。",
    "本年度累计公开信息{n}条，重点做好涉农补贴、社会救助和安全生产等信息的公开工作。",
]
APPLIED = [
    "全年收到政府信息公开申请{n}件，均在法定期限内答复，未发生超期答复情况。",
    "本年度共受理政府信息公开申请{n}件，坚持依法依规办理，答复内容规范完整。",
    "全年新收依申请公开事项{n}件，严格执行登记、审核、答复、归档各环节要求。",
]
MANAGE = [
    "严格落实保密审查制度，坚持先审后发，全年未发生泄密和不当公开事件。",
    "建立信息公开台账，对公开内容实行动态管理，定期清理过时失效信息。",
    "完善公开属性源头认定机制，公文拟制时同步明确公开方式，减少随意性。",
]
PLATFORM = [
    "优化门户网站信息公开专栏设置，调整栏目结构，方便群众快速查找所需信息。",
    "加强政务新媒体管理，坚持每日巡查，确保发布内容准确、更新及时。",
    "在办事大厅设置信息查阅点，配备专人解答群众咨询，畅通线下获取渠道。",
]
OVERSIGHT = [
    "将政务公开纳入年度绩效考核，开展社会评议，对工作不力的责任人进行责任追究，全年未发生追责情形。",
    "组织开展政务公开专项考核和群众满意度评议，严格落实责任追究制度，本年度未追究任何人员责任。",
    "把信息公开工作纳入目标考核体系，邀请群众代表参加社会评议，明确责任追究情形，全年无问责事项。",
]
PROBLEMS = [
    "一是部分信息公开不够及时；二是政策解读形式较为单一；三是基层公开人员业务能力有待提高。",
    "主要问题是公开内容深度不足，部分栏目更新较慢，与群众期待仍有差距。",
    "存在的不足：信息发布的规范性还需加强，依申请公开答复的说理性有待提升。",
]
IMPROVE = [
    "下一步，将加强业务培训，完善考核机制，推动公开工作提质增效。",
    "改进措施：健全信息发布协调机制，丰富解读方式，提高公开实效。",
    "今后将聚焦群众关切，拓展公开领域，强化监督检查，确保各项要求落到实处。",
]


# Words of the trade, none a number, a place word (省市县区乡镇村…: masked as a name) or a
# word a rule looks for, for sentences of a body's own (own_words).
WORDS = """规范 流程 制度 落实 推进 完善 加强 提升 质量 效率 服务 群众 需求 渠道 平台 栏目 内容 更新
维护 审核 发布 管理 机制 责任 分工 协调 配合 指导 检查 督促 整改 短板 标准 目录 事项 清单 政策
回应 关切 热点 民生 领域 项目 资金 补贴 救助 安全 生产 环境 保护 教育 医疗 养老 就业 住房 交通
水利 农业 产业 振兴 财务 档案 台账 归档 保密 审查 培训 学习 业务 能力 队伍 建设 资料 宣传 窗口
大厅 咨询 便民 高效 透明 及时 准确 全面 有序 扎实 持续 深化 拓展 优化 健全 强化 细化 夯实 统筹
兼顾 常态 长效 动态 基层 一线 实地 走访 座谈 意见 建议 反馈 办理 时限 部署 安排 计划 总结 成效
经验 做法 特色 亮点""".split()


def own_words(rng: random.Random, clauses: int = 8) -> str:
    """A sentence of a body's own: words of the trade in an order of its own, so that no
    other body's report shares a stretch of it, as real reports of different bodies share
    almost none (at most 11 % alike over 45 real reports of 20 counties, docs/check.md)."""
    return "，".join("".join(rng.choice(WORDS) for _ in range(3)) for _ in range(clauses)) + "。"


def report(body: str, year: int, seed: int, new: int = 2, carried_in: int = 0, carried_out: int = 0,
           in_force: tuple[int, int] = (0, 5), issued: tuple[int, int] = (0, 1),
           repealed: tuple[int, int] = (0, 0), published: int = 150, own_prose: bool = False) -> str:
    """The report of `body` for `year`. Applications: `new` received (by natural
    persons), `carried_in` from last year, `carried_out` to next year; all handled ones
    disclosed. The prose is picked by `seed` from the phrase banks, so that two honest
    reports often share a sentence; with `own_prose`, each paragraph goes on with a
    sentence of the body's own (own_words), so that two honest reports read as little
    alike as real ones."""
    rng = random.Random(seed)
    pick = lambda bank: rng.choice(bank) + (own_words(rng) if own_prose else "")  # noqa: E731
    handled = new + carried_in - carried_out
    fmt = dict(y=year, b=body)
    paragraphs = [pick(OPENINGS), pick(ACTIVE).replace("{n}", str(published)),
                  pick(APPLIED).replace("{n}", str(new)), pick(MANAGE), pick(PLATFORM), pick(OVERSIGHT)]

    def row(label: str, values: list[int]) -> str:
        return "\t".join([label] + [str(v) for v in values])

    def apps(label: str, n: int) -> str:
        return row(label, [n, 0, 0, 0, 0, 0, n])

    zero = lambda label: apps(label, 0)  # noqa: E731
    lines = [
        f"{body}{year}年政府信息公开工作年度报告",
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。如对本报告有疑问，请联系{body}办公室"
        f"（地址：城关镇人民路{seed % 90 + 1}号，联系电话：0871-{6000000 + seed}）。",
        "一、总体情况",
        paragraphs[0].format(**fmt),
        "（一）主动公开", paragraphs[1].format(**fmt),
        "（二）依申请公开", paragraphs[2].format(**fmt),
        "（三）政府信息管理", paragraphs[3],
        "（四）平台建设", paragraphs[4],
        "（五）监督保障", paragraphs[5],
        "二、主动公开政府信息情况",
        "第二十条第（一）项\t\t\t",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        row("规章", [issued[0], repealed[0], in_force[0]]),
        row("行政规范性文件", [issued[1], repealed[1], in_force[1]]),
        "第二十条第（五）项\t",
        "信息内容\t本年处理决定数量",
        row("行政许可", [3]),
        "第二十条第（六）项\t",
        "信息内容\t本年处理决定数量",
        row("行政处罚", [1]),
        row("行政强制", [0]),
        "第二十条第（八）项\t",
        "信息内容\t本年收费金额（单位：万元）",
        row("行政事业性收费", [0]),
        "三、收到和处理政府信息公开申请情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
        "\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
        apps("一、本年新收政府信息公开申请数量\t", new),
        apps("二、上年结转政府信息公开申请数量\t", carried_in),
        apps("三、本年度办理结果\t（一）予以公开", handled),
        zero("\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ]
    for group, items in (("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
                                             "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
                                             "7.属于行政执法案卷", "8.属于行政查询事项"]),
                         ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
                                             "3.补正后申请内容仍不明确"]),
                         ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
                                             "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"]),
                         ("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                                             "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                                             "3.其他"])):
        for i, item in enumerate(items):
            lines.append(zero(f"\t{group if i == 0 else ''}\t{item}"))
    lines += [
        apps("\t（七）总计", handled),
        apps("四、结转下年度继续办理\t", carried_out),
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议\t\t\t\t\t行政诉讼" + "\t" * 9,
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
        "\t\t\t\t\t" + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2),
        "\t".join(["0"] * 15),
        "五、存在的主要问题及改进情况",
        pick(PROBLEMS), pick(IMPROVE),
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
        body,
        f"{year + 1}年1月15日",
    ]
    return "\n".join(lines) + "\n"


def copied(text: str, from_year: int, to_year: int, bump: int = 7) -> str:
    """Last year's report passed off as this year's: only the years and the figures
    written in the prose changed."""
    text = text.replace(f"{from_year + 1}年", f"{to_year + 1}年").replace(f"{from_year}年", f"{to_year}年")
    return re.sub(r"(?<![\d.])(\d+)(?=[条件])", lambda m: str(int(m.group(1)) + bump), text)
