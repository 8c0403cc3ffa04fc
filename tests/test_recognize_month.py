"""A month glued after a brand or firm name is no part of it (品牌学而思10月在北京发布 → 学而思).

Sentences are written for these tests.
"""
from __future__ import annotations

import pytest

from doc_helpers import recognized_doc  # noqa: E402  (tests/ is on sys.path)


def spans(text):
    return {(m.name, m.type) for m in recognized_doc(text).mentions}


@pytest.mark.parametrize("text,name", [
    ("云帆教育旗下学习硬件品牌学伴10月在北京发布新一代学习机。", "学伴"),
    ("新势力品牌星驰3月在广州发布首款纯电轿跑。", "星驰"),
])
def test_month_after_a_brand_is_cut_off(text, name):
    got = spans(text)
    assert any(n == name for n, _ in got), got
    assert not any(n.startswith(name) and n != name for n, _ in got), got


def test_model_numbers_keep_their_digits():
    got = spans("华为3月发布问界M9，苹果9月发布iPhone 17。")
    assert ("问界M9", "Product") in got and ("iPhone 17", "Product") in got
