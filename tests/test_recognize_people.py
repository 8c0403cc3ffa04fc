"""Person and company recognition: names that jieba cuts wrongly, companies introduced without a
legal suffix, and spans that must stop before a unit or start after a description.

Every sentence here is written for these tests and every person in them is invented.
"""
from __future__ import annotations

import pytest

from doc_helpers import recognized  # noqa: E402  (tests/ is on sys.path)



_ents = recognized  # (name, type) of every mention found


@pytest.mark.parametrize("text,expected", [
    # a name after a title, read by characters where jieba's words cut it (温书 + 瑶则, 黄/a + 大成/v)
    ("国泰君安证券分析师温书瑶则提醒，供应链订单仍存在不确定性。", {("温书瑶", "Person")}),
    ("立讯精密董事会秘书黄大成对记者说，工厂已接近满负荷。", {("黄大成", "Person")}),
    ("招商银行副行长兼首席财务官葛露称，将继续压降地产敞口。", {("葛露", "Person")}),
    ("公司财务总监黄河清对记者表示，现金流充足。", {("黄河清", "Person")}),
    # a speaker opening a clause or after 据, with no title
    ("高远帆表示，今年将重点关注硬科技项目。", {("高远帆", "Person")}),
    ("据东方明远介绍，公司已在德国设立研发中心。", {("东方明远", "Person")}),
    # the CRF's last given-name character kept before an appointment verb (范蕴 + 之)
    ("由原饿了么副总裁范蕴之出任负责人。", {("范蕴之", "Person")}),
    # a title jieba glued to the surname (高管楚 + 天阔)
    ("由前百度高管楚天阔创立的云迹光年发布了首款机器人。", {("楚天阔", "Person"), ("百度", "Company")}),
    # the rest of a dotted name the CRF reads on (范 + 德堡)
    ("Meta首席产品官克里斯蒂娜·范德堡周三表示。", {("克里斯蒂娜·范德堡", "Person")}),
    # a Latin name in brackets after a person is the same person again
    ("渣打银行行政总裁鲁兆康（Benjamin Lu）表示，将在香港增聘人员。",
     {("鲁兆康", "Person"), ("Benjamin Lu", "Person"), ("渣打银行", "Company")}),
])
def test_person_names(text, expected):
    got = _ents(text)
    assert expected <= got, got


@pytest.mark.parametrize("text,wrong", [
    ("公司董事长随后表示，今年将加大投入。", "Person"),
    ("该公司首席执行官也表示，订单充足。", "Person"),
    ("公司总经理对此表示欢迎。", "Person"),
    ("公司表示，将继续推进改革。", "Person"),
    ("高管们表示，对前景充满信心。", "Person"),
    ("据业内人士透露，该项目已获批。", "Person"),
    ("公司副总裁周一表示，将继续扩张。", "Person"),
])
def test_no_person_from_ordinary_words(text, wrong):
    got = _ents(text)
    assert not any(t == wrong for _n, t in got), got


def test_title_split_by_jieba_is_no_name():
    # 区 is a surname, but 行政 + 总裁 is one title: 区行政 is no person
    got = _ents("渣打银行大中华及北亚区行政总裁鲁兆康表示，业务增长稳健。")
    assert ("鲁兆康", "Person") in got
    assert not any(n.endswith("行政") for n, _t in got), got


@pytest.mark.parametrize("text,expected", [
    ("一家名为深瞳智联的初创公司日前完成天使轮融资。", {("深瞳智联", "Company")}),
    ("据外媒报道，OpenAI的竞争对手Mistral AI完成新一轮融资。", {("Mistral AI", "Company")}),
    ("由前谷歌工程师创办的MiniMax发布了新模型。", {("MiniMax", "Company")}),
    ("由前百度高管楚天阔创立的云迹光年发布了首款机器人。", {("云迹光年", "Company")}),
    ("跨境平台的母公司PDD Holdings公布季度财报。", {("PDD Holdings", "Company")}),
    ("Lightspeed Venture Partners跟投了本轮融资。", {("Lightspeed Venture Partners", "Company")}),
    ("摩根大通旗下的星桥资产管理也在加大配置。", {("摩根大通", "Company"), ("星桥资产管理", "Company")}),
])
def test_companies_introduced_without_legal_suffix(text, expected):
    got = _ents(text)
    assert expected <= got, got


@pytest.mark.parametrize("text,expected,absent", [
    # a business line or unit after a company is no part of its name
    ("诺基亚网络业务总裁卡里·维尔塔宁表示，运营商投资趋于谨慎。", {("诺基亚", "Company")}, {"诺基亚网络"}),
    ("摩根大通亚太区投资银行业务联席主管戚朗表示。", {("摩根大通", "Company")}, {"摩根大通亚太区投资"}),
    # the description before a firm's name is no part of it
    ("总部位于杭州的四足机器人公司蓝岭机器人宣布完成C轮融资。", {("蓝岭机器人", "Company")}, {"四足机器人公司"}),
    ("控股子公司复宏汉霖与美国药企欧加隆达成授权合作。", {("欧加隆", "Company")}, {"美国药企欧加隆"}),
    ("德国博世集团宣布与长城汽车开展合作。", {("博世集团", "Company"), ("长城汽车", "Company")}, {"德国博世集团"}),
])
def test_company_span_edges(text, expected, absent):
    got = _ents(text)
    assert expected <= got, got
    assert not any(n in absent for n, _t in got), got


def test_central_bank_is_an_organization():
    got = _ents("中国人民银行副行长费天朗在发布会上表示，将支持中国银行扩大贷款投放。")
    assert ("中国人民银行", "Organization") in got
    assert ("中国人民银行", "Company") not in got
    assert ("中国银行", "Company") in got


@pytest.mark.parametrize("text,expected,absent", [
    # a given name whose last character jieba glued to the next word (韦立群 + 因)
    ("原董事长韦立群因年龄原因不再担任董事长职务。", {("韦立群", "Person")}, {"韦立"}),
    # a name ending in 为/是 before a speech verb keeps that character
    ("星桥医药首席执行官许俊为表示，平台能缩短研发周期。", {("许俊为", "Person")}, {"许俊"}),
    ("南湖大学计算机学院院长蔡文是介绍，数据集覆盖十种方言。", {("蔡文是", "Person")}, {"蔡文"}),
    # a title jieba split in two (首席 + 运营官)
    ("公司执行副总裁兼首席运营官孔以宁获委任为总裁。", {("孔以宁", "Person")}, set()),
    # the verb 任 glued to a name is no part of a company name
    ("集团宣布贺振宇任集团党委书记、董事长。", {("贺振宇", "Person")}, {"贺振宇任集团"}),
])
def test_name_edges(text, expected, absent):
    got = _ents(text)
    assert expected <= got, got
    assert not any(n in absent for n, _t in got), got


@pytest.mark.parametrize("text,expected,absent", [
    # a legal form ends the name: the unit after it is no part of it
    ("她此前任交通银行股份有限公司投资管理部总经理。", {("交通银行股份有限公司", "Company")},
     {"交通银行股份有限公司投资"}),
    # a known company and what it does: 战略投资, 投资的
    ("星桥支付近日获得蚂蚁集团战略投资，金额未披露。", {("蚂蚁集团", "Company")}, {"蚂蚁集团战略投资"}),
    ("美团投资的无人机配送公司日前获得运营许可。", {("美团", "Company")}, {"美团投资"}),
    # the central bank's office in a city is a unit, not another body
    ("中国人民银行上海总部日前召开座谈会。", {("中国人民银行", "Organization")},
     {"中国人民银行上海总部", "上海总部"}),
])
def test_company_and_body_edges(text, expected, absent):
    got = _ents(text)
    assert expected <= got, got
    assert not any(n in absent for n, _t in got), got


def test_school_of_a_university_before_a_title_is_a_unit():
    got = _ents("南湖大学副校长、人工智能学院教授陆雨禾当选副理事长。")
    assert ("南湖大学", "Organization") in got or ("陆雨禾", "Person") in got
    assert ("人工智能学院", "Organization") not in got, got
    # a school that stands on its own name is an organization
    assert ("北京电影学院", "Organization") in _ents("北京电影学院教授陆雨禾表示，将扩大招生。")
