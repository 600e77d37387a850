"""Organisation, region, sector and level of a notice's issuer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhenggai.corpus.orgs import (
    classify_level,
    classify_sector,
    normalise_organisation,
    regions_available,
    resolve_organisation,
)

needs_regions = pytest.mark.skipif(not regions_available(), reason="cpca (region gazetteer) is not installed")


@pytest.mark.parametrize(
    "issuer,expected",
    [
        ("中共杭州市民政局党组", "杭州市民政局"),
        ("中国共产党宁波市财政局委员会", "宁波市财政局"),
        ("中共宁波市委员会", "宁波市委"),
        ("中共某某县某某镇委员会", "某某县某某镇委"),
        ("中共某某区城关街道工作委员会", "某某区城关街道党工委"),
        ("中共浙江大学委员会", "浙江大学"),
        ("杭州市财政局党组（党委）", "杭州市财政局"),
        ("中共某某集团有限公司党委", "某某集团有限公司"),
        ("某某县教育局领导班子", "某某县教育局"),
        ("杭州市卫生健康委员会", "杭州市卫生健康委员会"),
        ("  中共 杭州市民政局党组 ", "杭州市民政局"),
        ("", None),
        (None, None),
    ],
    ids=["party-group", "full-party-name", "city-committee", "town-committee", "subdistrict-working-committee",
         "university-committee", "bracketed-suffix",
         "enterprise", "leadership", "government-commission-kept", "spaces", "empty", "none"],
)
def test_normalise_organisation(issuer, expected):
    assert normalise_organisation(issuer) == expected


@pytest.mark.parametrize(
    "name,sector",
    [
        ("杭州市民政局", "民政"), ("宁波市财政局", "财政"), ("余杭区教育局", "教育"), ("北京市公安局", "公安"),
        ("杭州市卫生健康委员会", "卫健"), ("某某市国资委", "国资/国企"), ("某某城市建设投资集团有限公司", "国资/国企"),
        ("浙江大学", "高校"), ("某某职业技术学院", "高校"), ("某某市纪委监委", "纪检"), ("某某镇人民政府", "乡镇街道"),
        ("某某市人民政府", "政府"), ("某某市住房和城乡建设局", "住建"), ("某某文印社", None),
        ("某某市委", "党委"), ("某某市卫生健康委", "卫健"), ("国家某某水文局", "水利"),
    ],
    ids=["civil", "finance", "education", "police", "health", "sasac", "soe", "university", "college",
         "discipline", "town-not-civil", "government", "housing-not-town", "unknown", "party-committee",
         "commission-is-no-party-committee", "hydrology"],
)
def test_sector(name, sector):
    assert classify_sector(name) == sector


@pytest.mark.parametrize(
    "name,region,level",
    [
        ("某某集团有限公司", ("浙江省", "杭州市", None), "企业"),
        ("浙江大学", ("浙江省", None, None), "高校"),
        ("某某镇人民政府", ("浙江省", "杭州市", "余杭区"), "乡镇"),
        ("某某街道办事处", (None, None, None), "乡镇"),
        ("余杭区民政局", ("浙江省", "杭州市", "余杭区"), "县"),
        ("杭州市民政局", ("浙江省", "杭州市", None), "市"),
        ("浙江省财政厅", ("浙江省", None, None), "省"),
        ("国家统计局", (None, None, None), "中央"),
        ("住房和城乡建设局", ("浙江省", "杭州市", None), "市"),
        ("某某协会", (None, None, None), None),
        ("某某县某某镇委", (None, None, None), "乡镇"),
        ("南州市白沙区教育局", (None, None, None), "县"),
        ("云岭省林业和草原局", (None, None, None), "省"),
        ("东陵市市场监督管理局", (None, None, None), "市"),
    ],
    ids=["enterprise", "university", "town", "subdistrict", "county", "city", "province", "central",
         "城乡-is-no-乡", "unknown", "town-committee", "unknown-place-district", "unknown-place-province",
         "unknown-place-city-市场"],
)
def test_level(name, region, level):
    assert classify_level(name, (*region, None)) == level


@needs_regions
@pytest.mark.parametrize(
    "issuer,site,expected",
    [
        ("中共杭州市民政局党组", None, ("杭州市民政局", "浙江省", "杭州市", None, "330100", "民政", "市")),
        ("中共市民政局党组", "杭州市人民政府", ("杭州市民政局", "浙江省", "杭州市", None, "330100", "民政", "市")),
        ("区教育局", "杭州市余杭区人民政府", ("余杭区教育局", "浙江省", "杭州市", "余杭区", "330110", "教育", "县")),
        ("省财政厅", "浙江省人民政府", ("浙江省财政厅", "浙江省", None, None, "330000", "财政", "省")),
        ("中共温州市鹿城区卫生健康局党委", None,
         ("温州市鹿城区卫生健康局", "浙江省", "温州市", "鹿城区", "330302", "卫健", "县")),
        ("中共义乌市纪委", None, ("义乌市纪委", "浙江省", "金华市", "义乌市", "330782", "纪检", "县")),
    ],
    ids=["named-city", "bare-city-from-site", "bare-district-from-site", "bare-province", "district", "county-city"],
)
def test_resolve_organisation(issuer, site, expected):
    org = resolve_organisation(issuer, site=site)
    keys = ("organisation", "region_province", "region_city", "region_county", "region_code", "sector", "level")
    assert tuple(org[k] for k in keys) == expected


@given(st.text(max_size=40))
def test_normalise_any_text(text):
    out = normalise_organisation(text)
    assert out is None or (out and len(out) <= len(text))
    classify_sector(out)
    classify_level(out, (None, None, None, None))
