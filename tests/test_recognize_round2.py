"""Round 2 recognition rules: words glued after a bare company name, a country before a company."""
from doc_helpers import recognized, recognized_of_type


# --- _trailing_words: name_trailing cues cut off a Company span -------------------------------

def test_adverb_glued_to_unknown_name_is_cut():
    found = recognized_of_type("公告显示，半导体设备企业北岳微装拟以发行股份方式收购晶测科技有限公司100%股权。", "Company")
    assert "北岳微装" in found
    assert "北岳微装拟" not in found


def test_investment_phrase_after_known_company_is_cut():
    found = recognized_of_type("驰野汽车股份有限公司近日获得宁德时代战略投资，后者入股8%。", "Company")
    assert "宁德时代" in found
    assert "宁德时代战略投资" not in found


def test_name_without_trailing_word_is_kept_whole():
    found = recognized_of_type("公告显示，北岳微装以发行股份方式收购晶测科技有限公司100%股权。", "Company")
    assert "晶测科技有限公司" in found
    assert not any(len(n) < 2 for n in found)


# --- _country_before_firm: a foreign country before a company is a Place of its own ------------

def test_country_before_known_company_is_split():
    ents = recognized("上述企业的分拣系统核心部件多采购自德国西门子和日本发那科，国产替代仍有较大空间。")
    assert ("德国", "Place") in ents
    assert ("西门子", "Company") in ents
    assert ("德国西门子", "Place") not in ents


def test_country_before_suffixed_company_is_split():
    ents = recognized("青岛啤酒已与德国克朗斯公司签署设备采购协议。")
    assert ("德国", "Place") in ents
    assert ("克朗斯公司", "Company") in ents
    assert ("德国克朗斯公司", "Company") not in ents


def test_china_prefixed_company_is_not_split():
    ents = recognized("中国平安与中国移动签署战略合作协议。")
    assert ("中国平安", "Company") in ents
    assert ("中国", "Place") not in ents
