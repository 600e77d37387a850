"""Who issued a notice: normalised organisation, region (GB/T 2260 code), sector and level.

>>> normalise_organisation("中共杭州市民政局党组")
'杭州市民政局'
>>> normalise_organisation("中共宁波市委员会")
'宁波市委'
>>> org = resolve_organisation("市民政局", site="杭州市人民政府")          # doctest: +SKIP
>>> org["organisation"], org["region_code"], org["sector"], org["level"]  # doctest: +SKIP
('杭州市民政局', '330100', '民政', '市')

Regions come from the ``cpca`` package (Chinese province/city/area parser, with
GB/T 2260 codes); sectors and levels from the lexicons models/sectors.tsv and
models/levels.tsv; the party-body wrappers from models/org_prefixes.txt and
models/org_suffixes.txt.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import Any

import regex

from zhenggai.models import load_table, load_words

# Characters that are not part of an organisation name: quotes, spaces, brackets around 党委.
_NOISE = regex.compile(
    r"""
    [\s\u3000"“”'‘’]+     # spaces and quotes scraped around the issuer
    """,
    regex.VERBOSE,
)
# A name that starts with a bare level word and no place name: 市民政局, 区教育局, 省财政厅.
# Such names are written inside one region's site and need that region to be comparable.
_BARE_LEVEL = regex.compile(
    r"""
    ^(?P<level>省|市|区|县|州|盟|旗)   # the level word the writer left without its place
    (?=\p{Han}{2})                     # followed by the rest of a name (民政局, 财政厅)
    """,
    regex.VERBOSE,
)
# A party committee named "委员会" after a place is that place's 委: 中共宁波市委员会 → 宁波市委.
_PLACE_COMMITTEE = regex.compile(
    r"""
    (?P<place>\p{Han}+?(?:省|市|县|区|州|旗|镇|乡))   # the place the committee governs
    委员会$                                           # the party committee itself
    """,
    regex.VERBOSE,
)
# What may follow a place-name unit (镇/乡/街道) for it to count as one: 某某镇人民政府, 某某乡党委, 某某镇委.
_UNIT_TAIL = r"(?=$|人民政府|政府|党委|党工委|工委|委|办事处|纪委|纪工委)"
# The chain of place names an organisation name starts with: 南州市白沙区教育局 → 南州市, 白沙区.
# Used when the gazetteer does not know the place (the level still shows in the suffix).
_PLACE_CHAIN = regex.compile(
    r"""
    ^(?:\p{Han}{2,6}?                       # a place name, shortest first
        (?P<unit>自治区|省|市|自治州|州|盟|县|区|旗))+   # its administrative suffix
    """,
    regex.VERBOSE,
)
_PLACE_LEVEL = {"自治区": "省", "省": "省", "市": "市", "自治州": "市", "州": "市", "盟": "市",
                "县": "县", "区": "县", "旗": "县"}


def normalise_organisation(issuer: str | None) -> str | None:
    """The organisation itself, without the party-body wrapper.

    >>> normalise_organisation("中共浙江大学委员会")
    '浙江大学'
    >>> normalise_organisation("杭州市财政局党组（党委）")
    '杭州市财政局'
    """
    if not issuer:
        return None
    name = _NOISE.sub("", issuer)
    had_prefix = False
    for prefix in load_words("org_prefixes.txt"):
        if name.startswith(prefix) and len(name) > len(prefix):
            name, had_prefix = name[len(prefix):], True
            break
    for suffix in sorted(load_words("org_suffixes.txt"), key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    else:
        if had_prefix and name.endswith("工作委员会") and len(name) > 5:
            name = name[:-5] + "党工委"  # 中共某某街道工作委员会: the subdistrict's party working committee
        elif had_prefix and name.endswith("委员会") and len(name) > 3:
            m = _PLACE_COMMITTEE.search(name)
            name = m["place"] + "委" if m else name[:-3]
    return name or None


def _import_cpca():
    # cpca 0.5 reads its gazetteer at import with pkg_resources.resource_stream, which
    # setuptools >= 81 no longer ships: lend it the importlib.resources equivalent for
    # the import only (jieba probes pkg_resources too and must not see the stand-in).
    import importlib.util
    import sys

    if importlib.util.find_spec("pkg_resources") is not None:
        import cpca

        return cpca
    import types
    from importlib import resources

    shim = types.ModuleType("pkg_resources")
    shim.resource_stream = lambda package, name: resources.files(package).joinpath(name).open("rb")
    sys.modules["pkg_resources"] = shim
    try:
        import cpca
    finally:
        if sys.modules.get("pkg_resources") is shim:
            del sys.modules["pkg_resources"]
    return cpca


@lru_cache(maxsize=1)
def _cpca():
    try:
        return _import_cpca()
    except ImportError:  # pragma: no cover - cpca is a declared dependency
        warnings.warn("cpca is not installed: regions are left empty (pip install cpca)", stacklevel=2)
        return None


def regions_available() -> bool:
    """Whether the region gazetteer (cpca) loads in this environment."""
    return _cpca() is not None


@lru_cache(maxsize=4096)
def find_region(name: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """(province, city, county, GB/T 2260 code) named in ``name``; Nones when none.

    >>> find_region("余杭区教育局")   # doctest: +SKIP
    ('浙江省', '杭州市', '余杭区', '330110')
    """
    cpca = _cpca()
    if not name or cpca is None:
        return (None, None, None, None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = cpca.transform([name])
    row = frame.iloc[0]

    def clean(value):
        return None if value is None or value != value or value == "" else str(value)

    province, city, county = clean(row.get("省")), clean(row.get("市")), clean(row.get("区"))
    code = clean(row.get("adcode"))
    if code and code.endswith(".0"):
        code = code[:-2]
    if not (province or city or county):
        return (None, None, None, None)
    return (province, city, county, code)


def _match(name: str, keyword: str, mode: str) -> bool:
    if mode == "unit":
        return regex.search(regex.escape(keyword) + _UNIT_TAIL, name) is not None
    if mode == "end":
        return name.endswith(keyword)
    return keyword in name


def classify_sector(name: str | None) -> str | None:
    """Sector of an organisation name by models/sectors.tsv (first matching row wins).

    >>> classify_sector("杭州市民政局"), classify_sector("杭州市城市建设投资集团有限公司")
    ('民政', '国资/国企')
    """
    if not name:
        return None
    # 人民政府 holds the letters of 民政; a government is no civil-affairs bureau.
    name = name.replace("人民政府", "政府")
    for row in load_table("sectors.tsv"):
        if len(row) >= 2 and _match(name, row[0], row[2] if len(row) > 2 else ""):
            return row[1]
    return None


def classify_level(name: str | None, region: tuple[str | None, ...]) -> str | None:
    """Level (中央|省|市|县|乡镇|企业|高校) from models/levels.tsv and the region found.

    >>> classify_level("某某镇人民政府", (None, None, None, None)), classify_level("浙江大学", (None,) * 4)
    ('乡镇', '高校')
    """
    name = name or ""
    province, city, county = region[:3]
    for row in load_table("levels.tsv"):
        if row[0] == "@region":
            if county:
                return "县"
            if city:
                return "市"
            if province:
                return "省"
            continue
        if row[0] == "@place":
            m = _PLACE_CHAIN.match(name)
            if m:
                return _PLACE_LEVEL[m.captures("unit")[-1]]
            continue
        if len(row) >= 2 and name and _match(name, row[0], row[2] if len(row) > 2 else ""):
            return row[1]
    return None


def _qualify(name: str, region: tuple[str | None, ...]) -> str | None:
    """Put the region's place name before a bare level word: 市民政局 + 杭州市 → 杭州市民政局."""
    m = _BARE_LEVEL.match(name)
    if not m:
        return None
    province, city, county = region[:3]
    level = m["level"]
    place = {"省": province, "市": city or province, "区": county, "县": county, "旗": county}.get(level)
    if level in ("州", "盟"):
        place = city
    if not place or not place.endswith(level):
        return None
    return place + name[1:]


def resolve_organisation(
    issuer: str | None, *, site: str | None = None, title: str | None = None, target: str | None = None
) -> dict[str, Any]:
    """Organisation, region, code, sector and level for a notice's issuer (columns of ``notices``)."""
    organisation = normalise_organisation(issuer) or normalise_organisation(target)
    region = find_region(organisation) if organisation else (None,) * 4
    if organisation and not any(region[:3]):
        # 市民政局 on 杭州's site: the region of the page says which 市.
        for context in (site, title):
            context_region = find_region(context) if context else (None,) * 4
            if any(context_region[:3]):
                qualified = _qualify(organisation, context_region)
                if qualified:
                    organisation = qualified
                    region = find_region(organisation)
                if not any(region[:3]):
                    region = context_region
                break
    if not organisation and not any(region[:3]):
        for context in (site, title):
            region = find_region(context) if context else (None,) * 4
            if any(region[:3]):
                break
    return {
        "organisation": organisation,
        "region_province": region[0],
        "region_city": region[1],
        "region_county": region[2],
        "region_code": region[3],
        "sector": classify_sector(organisation),
        "level": classify_level(organisation, region),
    }
