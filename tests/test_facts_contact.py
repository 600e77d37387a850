"""The closing contact block: phone, address, postal code, e-mail, mailbox."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.facts import find_contact

INVITE = "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议,请及时向我们反映。"

CASES = [
    ("phone_and_address", "联系电话:0576-88213045;通信地址:某市东城区滨江大道1288号市交通局办公室。",
     {"phone": "0576-88213045", "address": "某市东城区滨江大道1288号市交通局办公室"}),
    ("local_number_mailing_address", "联系方式:86012345;邮寄地址:某市西城区文一路88号某局。",
     {"phone": "86012345", "address": "某市西城区文一路88号某局"}),
    ("bracketed_area_code", "举报电话:(0571)87001234", {"phone": "0571-87001234"}),
    ("em_dash_area_code", "联系电话:010—66012345。", {"phone": "010-66012345"}),
    ("mobile", "联系电话:13912345678。", {"phone": "13912345678"}),
    ("postal_code_after_address", "通讯地址:某县城南大道126号,邮编:625400。",
     {"address": "某县城南大道126号", "postal_code": "625400"}),
    ("postal_code_in_brackets", "地址:某市人民路18号(邮政编码311200)", {"address": "某市人民路18号", "postal_code": "311200"}),
    ("email", "电子邮箱:xuncha_zg@example.gov.cn。", {"email": "xuncha_zg@example.gov.cn"}),
    ("mailbox", "来信请寄:某市2001信箱;电话:12388。", {"mailbox": "某市2001信箱", "phone": "12388"}),
    # A postal address under a 邮政信箱 label is also the address; a numbered box is not.
    ("mailbox_label_with_address", "联系电话:0571-86012345;邮政信箱:某县城关镇人民政府纪检监察室。",
     {"phone": "0571-86012345", "mailbox": "某县城关镇人民政府纪检监察室", "address": "某县城关镇人民政府纪检监察室"}),
    ("mailbox_label_numbered_box", "邮政信箱:某市3102号信箱。", {"mailbox": "某市3102号信箱"}),
    ("full_block", "联系电话:0835-6218870;通信地址:某县城南大道126号县自然资源局;邮政编码:625400;"
                   "电子邮箱:zrzyj@163.com。",
     {"phone": "0835-6218870", "address": "某县城南大道126号县自然资源局", "postal_code": "625400",
      "email": "zrzyj@163.com"}),
    # Held-out round 6: the number after 致电 + the office called.
    ("call_the_office", "欢迎师生监督,意见建议可发送至电子邮箱:xyb@univ.edu.cn,或致电学院办公室:0531-88362719。",
     {"phone": "0531-88362719", "email": "xyb@univ.edu.cn"}),
]


@pytest.mark.parametrize("block,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_contact(block, expected):
    assert find_contact("正文。\n" + INVITE + block) == expected


def test_body_phone_before_the_invitation_is_ignored():
    text = "设立咨询电话:0571-11112222,方便群众办事。\n" + INVITE + "联系电话:0571-33334444。"
    assert find_contact(text)["phone"] == "0571-33334444"


def test_no_contact():
    assert find_contact("下一步,我局将持续巩固整改成果。") == {}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("联系电话地址邮编箱信:;。,0571-23456789@ab.cn欢迎监督\n")), max_size=120))
def test_any_text_gives_strings(text):
    got = find_contact(text)
    assert set(got) <= {"phone", "address", "postal_code", "email", "mailbox"}
    assert all(isinstance(v, str) and v for v in got.values())
